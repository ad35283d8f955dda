import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_SECRET, scratchDir } from '../support/hall';
import { SERVER_ENTRY, freePort } from '../../scale/support/processes';
import { ROOT } from '../support/paths';
import { say } from '../support/report';
import type { BenchOptions, BenchResult, BenchTable } from '../support/result';

/** Health is polled this often: the figures are accurate to about this much. */
const POLL_MS = 10;
const START_LIMIT_MS = 60_000;

/** How a start is launched: the built entry point directly, or through npm without prestart's build. */
const LAUNCHERS = {
  node: { command: process.execPath, args: [SERVER_ENTRY] },
  npm: { command: 'npm', args: ['run', '--silent', '--ignore-scripts', 'start'] },
};

/**
 * Spawns a server on `databasePath` and returns the milliseconds from spawn to the first healthy
 * /api/health, then stops it (its own process group, so that npm's child goes too).
 */
async function timeStart(launcher: keyof typeof LAUNCHERS, databasePath: string): Promise<number> {
  const port = await freePort();
  const { command, args } = LAUNCHERS[launcher];
  const began = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATABASE_PATH: databasePath, JWT_SECRET: BENCH_SECRET },
  });
  const exited = new Promise((done) => child.once('exit', done));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server (${launcher}) exited at start with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return performance.now() - began;
      if (performance.now() - began > START_LIMIT_MS) throw new Error(`the server (${launcher}) did not start`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms);

/**
 * Benchmark 5: process start to healthy on a fresh database (migrations and the demo seed run) and on an
 * existing one, and the same start through `npm start` from the built files (npm's prestart build skipped).
 */
export async function runColdStart(options: BenchOptions): Promise<BenchResult> {
  const repeats = options.smoke ? 1 : 3;
  const runs: Record<string, number[]> = { fresh: [], existing: [], npm: [] };
  for (let i = 0; i < repeats; i += 1) {
    const scratch = scratchDir('cold-start');
    try {
      const databasePath = join(scratch.dir, 'lobbyflow.sqlite');
      runs.fresh.push(await timeStart('node', databasePath));
      runs.existing.push(await timeStart('node', databasePath));
      runs.npm.push(await timeStart('npm', databasePath));
    } finally {
      scratch.remove();
    }
  }
  const rows: Array<[string, number[]]> = [
    ['node dist/apps/server/src/main.js, fresh database (migrate + seed demo branch)', runs.fresh],
    ['node dist/apps/server/src/main.js, existing database', runs.existing],
    ['npm start --ignore-scripts (built files, existing database)', runs.npm],
  ];
  const table: BenchTable = {
    title: `Process spawn to first healthy GET /api/health (SQLite, ${repeats} run${repeats > 1 ? 's' : ''} each)`,
    columns: ['start', 'median ms', 'max ms'],
    rows: rows.map(([what, values]) => [what, round(median(values)), round(Math.max(...values))]),
  };
  for (const row of table.rows) say(row.join('  '));
  return {
    name: 'cold-start',
    summary: `Cold start to healthy: ${round(median(runs.fresh))} ms on a fresh database, ${round(median(runs.existing))} ms on an existing one`,
    tables: [table],
    figures: {
      'coldStart.freshMs': round(median(runs.fresh)),
      'coldStart.existingMs': round(median(runs.existing)),
      'coldStart.npmStartMs': round(median(runs.npm)),
    },
    targets: [],
    notes: [
      '`npm start` runs `prestart` (the full build of server and UIs) first; the figure here is the start from ' +
        'built files, as `node dist/apps/server/src/main.js` directly and through npm with its scripts skipped.',
      `Health is polled every ${POLL_MS} ms.`,
    ],
  };
}
