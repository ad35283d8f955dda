import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { BenchHall, processCpuMs, scratchDir, seedDatabase, serverEnv } from '../support/hall';
import { issueTicketRequest, TICKET_REQUEST } from '../support/hall-api';
import { freePort } from '../../scale/support/processes';
import { stepAt, sweepRequest, type SweepOutcome, type SweepSettings } from '../support/rate-sweep';
import { say } from '../support/report';
import type { BenchOptions, BenchResult } from '../support/result';
import type { RawLoopPlan, RawLoopReport } from './raw-sqlite-loop';

/** The rates the issue names; the peak is searched above them. */
const FIXED_RATES = [50, 200, 500];

const FULL: SweepSettings = {
  warmupSeconds: 1.5,
  seconds: 4,
  fixedRates: FIXED_RATES,
  ceiling: 16_000,
  // Three halvings: between the fixed 200 and 500/s, or 50 and 200/s, two left the peak up to 20% below
  // the rate the server actually keeps up with (163/s reported where 200/s kept up in other runs).
  refinements: 3,
};
const SMOKE: SweepSettings = { warmupSeconds: 0.3, seconds: 1, fixedRates: [20], ceiling: 20, refinements: 0 };
/**
 * The echo routes start higher: they are expected to keep up far above the ticket route's fixed rates. The
 * first step is a gentle 500/s, as the ticket route's is 50/s: a cold server's first seconds at 1,000/s
 * (JIT, first collections) failed the p99 limit in some runs, and the sweep then never tried above it.
 */
const BARE_FULL: SweepSettings = { ...FULL, fixedRates: [500, 1000, 2000] };

/** Baseline (a) in its own process on a freshly migrated and seeded SQLite file. */
async function rawSqliteLoop(smoke: boolean): Promise<RawLoopReport> {
  const scratch = scratchDir('raw-sqlite');
  try {
    const databasePath = join(scratch.dir, 'lobbyflow.sqlite');
    await seedDatabase({ DATABASE_PATH: databasePath }, 1);
    const plan: RawLoopPlan = { databasePath, warmupSeconds: smoke ? 0.2 : 1, seconds: smoke ? 0.5 : 4 };
    const child = fork(join(__dirname, 'raw-sqlite-loop.js'));
    const report = await new Promise<RawLoopReport>((resolve, reject) => {
      child.once('message', (message: RawLoopReport) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the raw sqlite loop exited with code ${code}`)));
      child.send(plan);
    });
    const { latency } = report;
    say(
      `\n(a) raw sqlite3 loop: ${report.transactionsPerSecond} transactions/s, median ${latency.medianMs} ms, ` +
        `p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`,
    );
    return report;
  } finally {
    scratch.remove();
  }
}

/** Baseline (b): the bare Nest route in its own process, swept like the ticket route. */
async function bareNest(settings: SweepSettings): Promise<SweepOutcome> {
  const child = fork(join(__dirname, 'bare-nest-server.js'));
  return sweepEchoRoute('(b) bare NestJS POST route validating the ticket body', child, settings);
}

/**
 * Baseline (b'): LobbyFlow's own server with an echo route beside its API (echo-in-server.ts), on a
 * fresh SQLite file, its log written to a file as the benchmark's servers do; swept like (b).
 */
async function echoInServer(settings: SweepSettings): Promise<SweepOutcome> {
  const scratch = scratchDir('echo-in-server');
  const log = createWriteStream(join(scratch.dir, 'server.log'));
  const child = fork(join(__dirname, 'echo-in-server.js'), {
    env: { PATH: process.env.PATH ?? '', ...serverEnv({ DATABASE_PATH: join(scratch.dir, 'lobbyflow.sqlite') }) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    return await sweepEchoRoute(
      "(b') the same route inside LobbyFlow's server (its middleware, guards, pipes and filters)",
      child,
      settings,
    );
  } finally {
    scratch.remove();
  }
}

/** Starts a baseline's child server (support/child-server.ts), sweeps its POST /api/echo, and stops it. */
async function sweepEchoRoute(title: string, child: ChildProcess, settings: SweepSettings): Promise<SweepOutcome> {
  const exited = new Promise((done) => child.once('exit', done));
  try {
    const port = await freePort();
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${title}: its server exited with code ${code}`)));
      child.send(port);
    });
    return await sweepRequest(
      title,
      [`http://127.0.0.1:${port}`],
      { path: '/api/echo', headers: {}, body: TICKET_REQUEST, idempotencyKey: true },
      settings,
      () => processCpuMs(child.pid),
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Branches seeded for the sweep: each step issues into a branch of its own, so that every rate is measured
 * from an empty queue (nobody calls the tickets: a step at 500/s leaves thousands waiting, which would
 * make every later step measure the queue the earlier ones built).
 */
export const SWEEP_BRANCHES = 12;

/** LobbyFlow's ticket route over the fixed rates and up to its peak, each step on the next of the hall's branches. */
export async function sweepIssueTicket(hall: BenchHall, title: string, settings: SweepSettings): Promise<SweepOutcome> {
  return sweepRequest(
    title,
    hall.baseUrls,
    (step) => issueTicketRequest(hall.branches[step % hall.branches.length]),
    settings,
    () => hall.serverCpuMs(),
  );
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);

/**
 * Benchmark 1: issue-ticket over HTTP on SQLite at 50, 200 and 500/s and the peak, against (a) the raw
 * sqlite3 transaction loop and (b) a bare Nest route. Targets: peak >= 30% of (a) and >= 50% of (b).
 */
export async function runIssueTicket(options: BenchOptions): Promise<BenchResult> {
  const settings = options.smoke ? SMOKE : FULL;
  const raw = await rawSqliteLoop(options.smoke);
  const bare = await bareNest(options.smoke ? SMOKE : BARE_FULL);
  const echo = await echoInServer(options.smoke ? SMOKE : BARE_FULL);
  const hall = await BenchHall.sqlite(options.smoke ? 1 : SWEEP_BRANCHES);
  let lobby: SweepOutcome;
  try {
    lobby = await sweepIssueTicket(
      hall,
      'LobbyFlow POST /api/branches/:branch/tickets (one server, SQLite, a fresh branch for each step)',
      settings,
    );
  } finally {
    await hall.stop();
  }
  const vsRaw = ratio(lobby.peakRps, raw.transactionsPerSecond);
  const vsBare = ratio(lobby.peakRps, bare.peakRps);
  const vsEcho = ratio(lobby.peakRps, echo.peakRps);
  const figures: Record<string, number> = {
    'peak.lobbyflow.rps': lobby.peakRps,
    'peak.rawSqlite.tps': raw.transactionsPerSecond,
    'peak.bareNest.rps': bare.peakRps,
    'peak.ratio.vsRawSqlite': vsRaw,
    'peak.ratio.vsBareNest': vsBare,
    'peak.echoInServer.rps': echo.peakRps,
    'peak.ratio.vsEchoInServer': vsEcho,
  };
  for (const rate of settings.fixedRates) {
    const step = stepAt(lobby, rate);
    if (step) {
      figures[`rate${rate}.medianMs`] = step.latency.medianMs;
      figures[`rate${rate}.p99Ms`] = step.latency.p99Ms;
      figures[`rate${rate}.maxMs`] = step.latency.maxMs;
    }
  }
  const pragmas = Object.entries(raw.pragmas)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return {
    name: 'issue-ticket',
    summary: `Ticket issue peak ${lobby.peakRps}/s on SQLite: ${vsRaw} of the raw sqlite3 loop, ${vsBare} of a bare Nest route`,
    tables: [
      lobby.table,
      {
        title: 'Peaks and baselines',
        columns: ['what', 'peak /s', 'median ms', 'p99 ms', 'max ms', 'LobbyFlow / this'],
        rows: [
          ['LobbyFlow issue-ticket (HTTP, open loop)', lobby.peakRps, ...atPeak(lobby), 1],
          [
            '(a) raw sqlite3 loop, same transaction (closed loop)',
            raw.transactionsPerSecond,
            raw.latency.medianMs,
            raw.latency.p99Ms,
            raw.latency.maxMs,
            vsRaw,
          ],
          ['(b) bare NestJS POST route (HTTP, open loop)', bare.peakRps, ...atPeak(bare), vsBare],
          ["(b') the same route inside LobbyFlow's server (HTTP, open loop)", echo.peakRps, ...atPeak(echo), vsEcho],
        ],
      },
      bare.table,
      echo.table,
    ],
    figures,
    targets: [
      { name: 'issue-ticket peak >= 30% of the raw sqlite3 loop (a)', met: vsRaw >= 0.3, value: vsRaw },
      { name: 'issue-ticket peak >= 50% of the bare NestJS route (b)', met: vsBare >= 0.5, value: vsBare },
    ],
    notes: [
      `SQLite pragmas (LobbyFlow's connection and the raw loop): ${pragmas}.`,
      'Peak: the highest offered rate at which the achieved rate stays >= 95% of it, p99 <= 250 ms and ' +
        'errors <= 0.1%; latencies at the peak are those of that step.',
      '(a) runs the transaction back to back on one connection, as the branch writer serialises commands; ' +
        "its latencies are per transaction. (b) is its own process with the server's DTO and validation pipe.",
      "(b') is the same echo route added to LobbyFlow's own server (no authentication, no database work): " +
        'what its HTTP stack (access log, metrics, request context, security headers, body checks, guard, ' +
        'validation, filters) costs before a command runs. The target is judged against (b).',
    ],
  };
}

/** Median, p99 and max of the step at the sweep's peak rate. */
function atPeak(outcome: SweepOutcome): Array<number | string> {
  const step = stepAt(outcome, outcome.peakRps);
  return step ? [step.latency.medianMs, step.latency.p99Ms, step.latency.maxMs] : ['-', '-', '-'];
}
