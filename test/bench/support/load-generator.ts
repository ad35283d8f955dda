/**
 * The load generator: a child process of the runner (child_process.fork), so that its own work does not
 * run on the event loop of anything it measures. It takes one plan from the parent, runs it and sends the
 * report back. HTTP/1.1 with keep-alive agents, as a kiosk or browser would keep its connection.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Histogram } from 'hdr-histogram-js';
import { newLatencyHistogram, recordMs, summarise } from './latency';
import type {
  LoadPlan,
  OpenLoopPlan,
  OpenLoopReport,
  RequestSpec,
  TellerPlan,
  TellerReport,
  TellerSeat,
} from './load-plans';

/**
 * A request unanswered this long after it was due counts as failed (`ERR`) and is abandoned, even while it
 * still waits for a free connection: an overloaded step ends soon after its last request is due instead of
 * draining its whole backlog, and every failure is far above the peak's p99 limit anyway.
 */
const REQUEST_TIMEOUT_MS = 5_000;
/** More requests in flight than this and the server is hopelessly behind: later ones are dropped, not queued. */
const MAX_IN_FLIGHT = 4_000;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
  status: number | 'ERR';
  body: string;
}

function send(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Answer> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve) => {
    const outgoing = request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
        });
        response.on('error', () => resolve({ status: 'ERR', body: '' }));
      },
    );
    const deadline = setTimeout(() => outgoing.destroy(new Error('timed out')), timeoutMs);
    outgoing.on('error', () => {
      clearTimeout(deadline);
      resolve({ status: 'ERR', body: '' });
    });
    outgoing.end(payload);
  });
}

function headersFor(spec: RequestSpec): Record<string, string> {
  return spec.idempotencyKey ? { ...spec.headers, 'idempotency-key': randomUUID() } : spec.headers;
}

function countFailure(failures: Record<string, number>, status: number | string): void {
  failures[String(status)] = (failures[String(status)] ?? 0) + 1;
}

async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopReport> {
  const histogram = newLatencyHistogram();
  const failures: Record<string, number> = {};
  const interval = 1000 / plan.rate;
  const warmupCount = Math.round(plan.rate * plan.warmupSeconds);
  const total = warmupCount + Math.round(plan.rate * plan.seconds);
  const start = performance.now() + 20;
  const measureStart = start + warmupCount * interval;
  let ok = 0;
  let inFlight = 0;
  let lastAnswer = measureStart;
  const pending: Promise<void>[] = [];

  const fire = (index: number, due: number) => {
    const measured = index >= warmupCount;
    if (inFlight >= MAX_IN_FLIGHT) {
      if (measured) countFailure(failures, 'DROPPED');
      return;
    }
    inFlight += 1;
    const baseUrl = plan.baseUrls[index % plan.baseUrls.length];
    // The deadline runs from the due time: a request sent late has less time left.
    const timeout = REQUEST_TIMEOUT_MS - (performance.now() - due);
    const spec = plan.request;
    const answered = send(baseUrl, spec.path, headersFor(spec), spec.body, timeout).then((answer) => {
      inFlight -= 1;
      if (!measured) return;
      const now = performance.now();
      lastAnswer = Math.max(lastAnswer, now);
      if (typeof answer.status === 'number' && answer.status < 300) {
        ok += 1;
        recordMs(histogram, now - due);
      } else {
        countFailure(failures, answer.status);
      }
    });
    pending.push(answered);
  };

  await new Promise<void>((done) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      for (; next < total && start + next * interval <= now; next += 1) fire(next, start + next * interval);
      if (next >= total) return done();
      // Timers fire at millisecond granularity: at high rates each tick sends every request now due.
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);

  const measuredSeconds = (lastAnswer - measureStart) / 1000;
  const errors = Object.values(failures).reduce((sum, n) => sum + n, 0);
  return {
    offeredRps: plan.rate,
    achievedRps: measuredSeconds > 0 ? Math.round(ok / Math.max(measuredSeconds, plan.seconds)) : 0,
    ok,
    errors,
    failures,
    latency: summarise(histogram),
  };
}

interface TellerTally {
  callNext: Histogram;
  all: Histogram;
  failures: Record<string, number>;
  served: number;
  handedOut: Map<string, number>;
}

/**
 * A teller waits for each answer, however long: abandoning a call-next the server then completes would leave
 * the counter holding a ticket the teller never heard of, and every later call refused.
 */
const TELLER_TIMEOUT_MS = 120_000;

/** Gives up on a teller after this many failures in a row (the report shows them). */
const MAX_FAILURES_IN_A_ROW = 20;

async function timed(tally: TellerTally, seat: TellerSeat, path: string, body: unknown): Promise<Answer> {
  const began = performance.now();
  const answer = await send(seat.baseUrl, path, { authorization: `Bearer ${seat.token}` }, body, TELLER_TIMEOUT_MS);
  recordMs(tally.all, performance.now() - began);
  if (answer.status === 'ERR' || answer.status >= 300) countFailure(tally.failures, answer.status);
  return answer;
}

async function workCounter(seat: TellerSeat, tally: TellerTally): Promise<void> {
  let failuresInARow = 0;
  while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
    const began = performance.now();
    const called = await timed(tally, seat, `/api/counters/${seat.counterId}/call-next`, {});
    recordMs(tally.callNext, performance.now() - began);
    if (called.status === 204) return;
    if (called.status !== 200) {
      failuresInARow += 1;
      continue;
    }
    const ticketId = (JSON.parse(called.body) as { id: string }).id;
    tally.handedOut.set(ticketId, (tally.handedOut.get(ticketId) ?? 0) + 1);
    const started = await timed(tally, seat, `/api/tickets/${ticketId}/start`, {});
    const finished = await timed(tally, seat, `/api/tickets/${ticketId}/finish`, {});
    if (started.status === 200 && finished.status === 200) {
      tally.served += 1;
      failuresInARow = 0;
    } else {
      failuresInARow += 1;
    }
  }
}

async function runTellers(plan: TellerPlan): Promise<TellerReport> {
  const tally: TellerTally = {
    callNext: newLatencyHistogram(),
    all: newLatencyHistogram(),
    failures: {},
    served: 0,
    handedOut: new Map(),
  };
  const began = performance.now();
  await Promise.all(plan.tellers.map((seat) => workCounter(seat, tally)));
  return {
    served: tally.served,
    elapsedSeconds: (performance.now() - began) / 1000,
    callNext: summarise(tally.callNext),
    allRequests: summarise(tally.all),
    errors: Object.values(tally.failures).reduce((sum, n) => sum + n, 0),
    failures: tally.failures,
    ticketsHandedOutTwice: [...tally.handedOut.values()].filter((times) => times > 1).length,
  };
}

process.once('message', (plan: LoadPlan) => {
  const run = plan.kind === 'open-loop' ? runOpenLoop(plan) : runTellers(plan);
  void run.then(
    (report) => process.send?.(report, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
