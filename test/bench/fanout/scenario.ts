import { type ChildProcess, fork } from 'node:child_process';
import * as hdr from 'hdr-histogram-js';
import type { ProbeReading } from './probe';
import type {
  EventSample,
  GeneratorCommand,
  GeneratorReply,
  MeasureWindow,
  Receipt,
  ScreenPlan,
  WorkerCommand,
  WorkerReply,
} from './protocol';
import { type Deployment, script } from './servers';

/**
 * One measured run: screens connected to a deployment through forked screen workers, events made for a
 * fixed time (by the event generator, or by the bare server's own timer), then the workers' receipts
 * merged into last-receiver latency. Everything before the measured window is warm-up.
 */

/** Latency percentiles in ms. */
export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export interface ScenarioResult {
  label: string;
  sockets: number;
  /** Seconds it took to connect them all. */
  connectSeconds: number;
  /** Events of the window that every screen of their room received. */
  events: number;
  /** Events some screen of the room never received (by the end of the drain). */
  incomplete: number;
  /** Commit (LobbyFlow) or emit (baseline) to the last screen of the room: the fan-out itself. */
  lastReceiver: Percentiles;
  /** The same latencies as an HdrHistogram (compressed, base64): runs are pooled with `pooledLastReceiver`. */
  lastReceiverHistogram: string;
  /** The event's own stamp (the command's `at`, or the time the baseline's timer was due) to the last screen. */
  fromStamp: Percentiles;
  /** Stamp to every single screen. */
  everyScreen: Percentiles;
  /** Scheduled request time to the last screen (LobbyFlow only): HTTP and the transaction included. */
  endToEnd: Percentiles | null;
  /** Per server process, during warm-up and window. */
  loopDelay: Percentiles[];
  rssIdle: number;
  rssConnected: number;
  /** (RSS with the sockets − RSS idle) / sockets, bytes, summed over the deployment's processes. */
  rssPerSocket: number;
  generator: Omit<GeneratorReply, 'scheduled' | 'kind'> | null;
  disconnects: number;
  /** The events one command produced (LobbyFlow), for the baseline's payloads. */
  burst: EventSample[];
}

export interface ScenarioPlan {
  label: string;
  screens: ScreenPlan[];
  /** Screens per room: an event is complete when this many received it. */
  screensPerRoom: number;
  workers: number;
  warmupMs: number;
  measureMs: number;
  /** Quiet time before memory readings, for handshakes and timers to settle. */
  settleMs: number;
  /** Time after the window for the last events to arrive. */
  drainMs: number;
  /** Environment of the screen workers (the ws addon switches). */
  workerEnv: Record<string, string>;
  /**
   * Makes the events between `start` and `end` (epoch ms); resolves when the last one is sent, with the
   * generator's answers (LobbyFlow) or the time each event was emitted (baseline; LobbyFlow's commit
   * times come from its probe).
   */
  drive(
    start: number,
    end: number,
  ): Promise<{ generator: GeneratorReply | null; emitted: Record<string, number> | null }>;
}

/** A line on stderr while the benchmark runs (stdout carries the results). */
export function progress(line: string): void {
  process.stderr.write(`fanout: ${line}\n`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A forked child answering each command with one reply. */
class Child<Command, Reply> {
  private readonly process: ChildProcess;
  private readonly replies: Reply[] = [];
  private waiting: ((reply: Reply) => void) | null = null;

  constructor(name: string, env: Record<string, string>) {
    this.process = fork(script(name), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (reply: Reply) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting(reply);
      else this.replies.push(reply);
    });
  }

  ask(command: Command): Promise<Reply> {
    this.process.send(command as object);
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.process.once('exit', (code) => reject(new Error(`a benchmark worker exited with ${code}`)));
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((done) => this.process.once('exit', done));
    this.process.disconnect();
    await exited;
  }
}

export type ScreenWorker = Child<WorkerCommand, WorkerReply>;
export type Generator = Child<GeneratorCommand, GeneratorReply>;

export function forkGenerator(): Generator {
  return new Child('generator.worker', {});
}

/** Runs one scenario on a started deployment (stopped by the caller). */
export async function runScenario(deployment: Deployment, plan: ScenarioPlan): Promise<ScenarioResult> {
  const probes = deployment.servers.map((server) => server.probe);
  await sleep(plan.settleMs);
  const idle = await Promise.all(probes.map((probe) => probe.read(true)));

  const workers = Array.from(
    { length: plan.workers },
    () => new Child<WorkerCommand, WorkerReply>('screens.worker', plan.workerEnv),
  );
  try {
    const connectStarted = Date.now();
    const shares = Array.from({ length: plan.workers }, (_, w) =>
      plan.screens.filter((_, i) => i % plan.workers === w),
    );
    const connected = await Promise.all(
      workers.map((worker, w) => worker.ask({ kind: 'connect', screens: shares[w] })),
    );
    const connectSeconds = (Date.now() - connectStarted) / 1000;
    const failures = connected.reduce((sum, reply) => sum + (reply.kind === 'connected' ? reply.failed : 0), 0);
    if (failures > 0) {
      const first = connected.find((reply) => reply.kind === 'connected' && reply.firstError);
      throw new Error(`${failures} screens could not connect (${plan.label}): ${JSON.stringify(first)}`);
    }
    const retries = connected.reduce((total, reply) => total + (reply.kind === 'connected' ? reply.retries : 0), 0);
    progress(`${plan.label}: ${plan.screens.length} screens connected in ${connectSeconds} s (${retries} retries)`);
    await sleep(plan.settleMs);
    const loaded = await Promise.all(probes.map((probe) => probe.read(true)));

    const start = Date.now() + 500;
    const window: MeasureWindow = { from: start + plan.warmupMs, to: start + plan.warmupMs + plan.measureMs };
    await Promise.all(workers.map((worker) => worker.ask({ kind: 'measure', window })));
    const { generator, emitted } = await plan.drive(start, window.to);
    await sleep(Math.max(0, window.to + plan.drainMs - Date.now()));
    const busy = await Promise.all(probes.map((probe) => probe.read(false)));
    const collected = await Promise.all(workers.map((worker) => worker.ask({ kind: 'collect' })));
    await Promise.all(workers.map((worker) => worker.ask({ kind: 'close' })));

    const origins = emitted ?? Object.assign({}, ...busy.map((reading) => reading.commits));
    const result = summarise(plan, { connectSeconds, idle, loaded, busy, generator, collected, origins });
    const { p50, p99, max } = result.lastReceiver;
    progress(
      `${plan.label}: ${result.events} events (${result.incomplete} incomplete), last screen p50 ${p50} / p99 ${p99} / ` +
        `max ${max} ms, loop delay p99 ${result.loopDelay.map((d) => d.p99).join(', ')} ms, ` +
        `${Math.round(result.rssPerSocket)} B RSS per socket`,
    );
    return result;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

interface Raw {
  connectSeconds: number;
  idle: ProbeReading[];
  loaded: ProbeReading[];
  busy: ProbeReading[];
  generator: GeneratorReply | null;
  collected: WorkerReply[];
  /** `<branchId>:<seq>` → commit or emit time. */
  origins: Record<string, number>;
}

function summarise(plan: ScenarioPlan, raw: Raw): ScenarioResult {
  const collected = raw.collected.flatMap((reply) => (reply.kind === 'collected' ? [reply] : []));
  const merged = mergeReceipts(collected.flatMap((reply) => reply.receipts));
  const lastReceiver = histogram();
  const fromStamp = histogram();
  const endToEnd = histogram();
  let incomplete = 0;
  for (const receipt of merged.values()) {
    const origin = raw.origins[receipt.key];
    if (receipt.screens < plan.screensPerRoom || origin === undefined) {
      incomplete += 1;
      continue;
    }
    lastReceiver.recordValue(micros(receipt.last - origin));
    fromStamp.recordValue(micros(receipt.last - receipt.stamp));
    const scheduled = receipt.ticketId ? raw.generator?.scheduled[receipt.ticketId] : undefined;
    if (scheduled !== undefined) endToEnd.recordValue(micros(receipt.last - scheduled));
  }
  const everyScreen = histogram();
  for (const reply of collected) everyScreen.add(hdr.decodeFromCompressedBase64(reply.everyScreen));
  const rssIdle = sum(raw.idle.map((reading) => reading.rss));
  const rssConnected = sum(raw.loaded.map((reading) => reading.rss));
  const { scheduled: _scheduled, kind: _kind, ...generator } = raw.generator ?? { scheduled: {}, kind: 'done' };
  return {
    label: plan.label,
    sockets: plan.screens.length,
    connectSeconds: raw.connectSeconds,
    events: merged.size - incomplete,
    incomplete,
    lastReceiver: percentiles(lastReceiver),
    lastReceiverHistogram: hdr.encodeIntoCompressedBase64(lastReceiver),
    fromStamp: percentiles(fromStamp),
    everyScreen: percentiles(everyScreen),
    endToEnd: endToEnd.totalCount > 0 ? percentiles(endToEnd) : null,
    loopDelay: raw.busy.map((reading) => reading.loopDelay),
    rssIdle,
    rssConnected,
    rssPerSocket: (rssConnected - rssIdle) / plan.screens.length,
    generator: raw.generator ? (generator as ScenarioResult['generator']) : null,
    disconnects: sum(collected.map((reply) => reply.disconnects)),
    burst: burstOf(collected.flatMap((reply) => reply.samples)),
  };
}

/** Command (or emit) to last screen over the events of several runs together. */
export function pooledLastReceiver(runs: ScenarioResult[]): Percentiles {
  const pooled = histogram();
  for (const run of runs) pooled.add(hdr.decodeFromCompressedBase64(run.lastReceiverHistogram));
  return percentiles(pooled);
}

/** The workers' records of one event, summed: how many screens in all, and the latest receipt. */
function mergeReceipts(receipts: Receipt[]): Map<string, Receipt> {
  const merged = new Map<string, Receipt>();
  for (const receipt of receipts) {
    const known = merged.get(receipt.key);
    if (!known) merged.set(receipt.key, { ...receipt });
    else {
      known.screens += receipt.screens;
      known.last = Math.max(known.last, receipt.last);
      known.ticketId ??= receipt.ticketId;
    }
  }
  return merged;
}

/**
 * The events of one command: the samples sharing the first sample's branch and command time, once each
 * (several workers hold screens of the same room), in seq order.
 */
function burstOf(samples: EventSample[]): EventSample[] {
  const first = samples[0];
  if (!first) return [];
  const bySeq = new Map<number, EventSample>();
  for (const sample of samples) {
    if (sample.payload.branchId === first.payload.branchId && sample.payload.at === first.payload.at) {
      bySeq.set(Number(sample.payload.seq), sample);
    }
  }
  return [...bySeq.entries()].sort(([a], [b]) => a - b).map(([, sample]) => sample);
}

const histogram = () => hdr.build({ numberOfSignificantValueDigits: 3 });
const micros = (ms: number) => Math.max(0, Math.round(ms * 1000));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const round = (ms: number) => Math.round(ms * 100) / 100;

function percentiles(h: hdr.Histogram): Percentiles {
  if (h.totalCount === 0) return { p50: NaN, p99: NaN, max: NaN };
  return {
    p50: round(h.getValueAtPercentile(50) / 1000),
    p99: round(h.getValueAtPercentile(99) / 1000),
    max: round(h.maxValue / 1000),
  };
}
