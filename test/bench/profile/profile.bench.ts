import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuReading, type CpuSplit, cpuSplit, readCpu } from '../support/cpu-split';
import { BenchHall, scratchDir } from '../support/hall';
import { issueTicketRequest } from '../support/hall-api';
import { runLoad } from '../support/load';
import type { OpenLoopReport } from '../support/load-plans';
import { say, tableText } from '../support/report';
import type { BenchOptions, BenchResult, BenchTable } from '../support/result';
import { lobbyflowInclusiveTimes, type ProfileWindow, selfTimes } from './cpu-profile';

/**
 * Two rates: one below the ticket route's peak (275-463/s in the full runs), where the figures' CPU per
 * ticket is read and the function tables come from, and one above it, where something is the limit. Only
 * the measured seconds count, not the server's start or the warm-up.
 */
const FULL = { rates: [200, 500], warmupSeconds: 2, seconds: 6 };
const SMOKE = { rates: [20], warmupSeconds: 0.3, seconds: 1 };
const TOP = 25;

interface ProfiledRun {
  report: OpenLoopReport;
  /** The .cpuprofile the server wrote, and the stretch of it the measured seconds cover. */
  profileFile: string;
  window: ProfileWindow;
  /** Where the machine's cores went in the measured seconds (null off Linux). */
  split: CpuSplit | null;
}

/**
 * Not a benchmark of its own (`npm run bench -- profile`): the SQLite server under open-loop issue-ticket
 * load with `node --cpu-prof`, where the machine's cores go (the server's main thread, its other threads,
 * the rest), and the functions and modules with the most self time on the main thread.
 */
export async function runProfile(options: BenchOptions): Promise<BenchResult> {
  const plan = options.smoke ? SMOKE : FULL;
  const scratch = scratchDir('profile');
  try {
    const runs: ProfiledRun[] = [];
    for (const rate of plan.rates) {
      const dir = join(scratch.dir, String(rate));
      runs.push(await profiledRun(dir, rate, plan.warmupSeconds, plan.seconds));
    }
    const [first] = runs;
    const times = selfTimes(first.profileFile, first.window);
    const inclusive = lobbyflowInclusiveTimes(first.profileFile, first.window);
    const ticketsMeasured = first.report.offeredRps * plan.seconds;
    const mainMsPerTicket = Math.round((times.totalMs / ticketsMeasured) * 100) / 100;
    const tables: BenchTable[] = [
      {
        title: `Where the machine's cores went in the measured ${plan.seconds} s (% of one core; the load generator is in "rest")`,
        columns: [
          'offered /s',
          'achieved /s',
          'server main thread',
          'server other threads',
          'rest of the machine',
          'idle',
          'cores',
        ],
        rows: runs.map(({ report, split }) => [
          report.offeredRps,
          report.achievedRps,
          ...(split
            ? [split.serverMain, split.serverOthers, split.rest, split.idle, split.cores]
            : ['-', '-', '-', '-', '-']),
        ]),
      },
      {
        title:
          `Self time by module at ${first.report.offeredRps}/s (${times.totalMs} ms on the main thread in the measured ` +
          `${plan.seconds} s, idle excluded: ${mainMsPerTicket} ms per ticket)`,
        columns: ['module', 'ms', '%'],
        rows: times.byModule.slice(0, TOP).map((entry) => [entry.name, entry.ms, entry.share]),
      },
      {
        title: 'Self time by function',
        columns: ['function (module:line)', 'ms', '%'],
        rows: times.byFunction.slice(0, TOP).map((entry) => [entry.name, entry.ms, entry.share]),
      },
      {
        title: "Inclusive time of LobbyFlow's own functions (what the self time above is spent under)",
        columns: ['function (module:line)', 'ms', '%'],
        rows: inclusive.slice(0, TOP).map((entry) => [entry.name, entry.ms, entry.share]),
      },
    ];
    for (const table of tables) say(`\n${tableText(table)}`);
    const figures: Record<string, number> = {
      'profile.achievedRps': first.report.achievedRps,
      'profile.cpuMs': times.totalMs,
      'profile.mainThreadMsPerTicket': mainMsPerTicket,
    };
    for (const { report, split } of runs) {
      if (!split) continue;
      figures[`profile.at${report.offeredRps}.serverMainPercent`] = split.serverMain;
      figures[`profile.at${report.offeredRps}.serverOthersPercent`] = split.serverOthers;
      figures[`profile.at${report.offeredRps}.restPercent`] = split.rest;
      figures[`profile.at${report.offeredRps}.idlePercent`] = split.idle;
    }
    return {
      name: 'profile',
      summary:
        `CPU profile of the server issuing tickets at ${first.report.offeredRps}/s offered ` +
        `(${first.report.achievedRps}/s achieved): ${mainMsPerTicket} ms on the main thread per ticket`,
      tables,
      figures,
      targets: [],
      notes: [
        'node --cpu-prof on the built server (main thread); self time summed per function and per npm package or ' +
          "server folder, over the load's measured seconds only (start-up and warm-up left out). A sample's time " +
          'includes any moment the thread waited for a core, so on a busy machine "self time" is not all CPU time.',
        'Cores: CPU time per thread of the server (/proc/<pid>/task) and of the whole machine (/proc/stat) over the ' +
          'measured seconds; "rest" is the load generator, the benchmark process and the kernel.',
      ],
    };
  } finally {
    scratch.remove();
  }
}

/** One server with `--cpu-prof`, open-loop issue-ticket load at `rate`, and the CPU split of the measured seconds. */
async function profiledRun(dir: string, rate: number, warmupSeconds: number, seconds: number): Promise<ProfiledRun> {
  const nodeArgs = ['-r', join(__dirname, 'exit-on-sigterm.js'), '--cpu-prof', '--cpu-prof-dir', dir];
  const hall = await BenchHall.sqlite(1, nodeArgs);
  const pid = hall.servers[0].pid;
  let report: OpenLoopReport;
  let window: ProfileWindow;
  let readings: Array<CpuReading | null> = [];
  try {
    const loadStart = Number(process.hrtime.bigint() / 1000n);
    window = { fromUs: loadStart + warmupSeconds * 1e6, toUs: loadStart + (warmupSeconds + seconds) * 1e6 };
    // The readings are taken while the generator (its own process) runs: when the measured seconds begin and end.
    const reading = (afterSeconds: number) =>
      new Promise<CpuReading | null>((done) => setTimeout(() => done(readCpu(pid)), afterSeconds * 1000));
    const [loadReport, ...taken] = await Promise.all([
      runLoad({
        kind: 'open-loop',
        baseUrls: hall.baseUrls,
        request: issueTicketRequest(hall.branches[0]),
        rate,
        warmupSeconds,
        seconds,
      }),
      reading(warmupSeconds),
      reading(warmupSeconds + seconds),
    ]);
    report = loadReport;
    readings = taken;
  } finally {
    await hall.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no .cpuprofile into ${dir}`);
  const [before, after] = readings;
  const split = before && after ? cpuSplit(before, after, seconds) : null;
  say(
    `profiled ${rate}/s: ${report.achievedRps}/s achieved, p99 ${report.latency.p99Ms} ms` +
      (split
        ? `; main thread ${split.serverMain}%, other threads ${split.serverOthers}%, rest ${split.rest}%, idle ${split.idle}%`
        : ''),
  );
  return { report, profileFile: join(dir, file), window, split };
}
