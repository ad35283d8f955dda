import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchHall, scratchDir } from '../support/hall';
import { issueTicketRequest } from '../support/hall-api';
import { runLoad } from '../support/load';
import { say, tableText } from '../support/report';
import type { BenchOptions, BenchResult, BenchTable } from '../support/result';
import { lobbyflowInclusiveTimes, selfTimes } from './cpu-profile';

/** Above the ticket route's peak: the server is busy all the time, so the profile shows where time goes. */
const FULL = { rate: 100, warmupSeconds: 1, seconds: 6 };
const SMOKE = { rate: 20, warmupSeconds: 0.3, seconds: 1 };
const TOP = 25;

/**
 * Not a benchmark of its own (`npm run bench -- profile`): the SQLite server under open-loop issue-ticket
 * load with `node --cpu-prof`, and the functions and modules with the most self time in its profile.
 */
export async function runProfile(options: BenchOptions): Promise<BenchResult> {
  const load = options.smoke ? SMOKE : FULL;
  const scratch = scratchDir('profile');
  const nodeArgs = ['-r', join(__dirname, 'exit-on-sigterm.js'), '--cpu-prof', '--cpu-prof-dir', scratch.dir];
  const hall = await BenchHall.sqlite(1, nodeArgs);
  let report;
  try {
    report = await runLoad({
      kind: 'open-loop',
      baseUrls: hall.baseUrls,
      request: issueTicketRequest(hall.branches[0]),
      ...load,
    });
  } finally {
    await hall.stop();
  }
  try {
    const file = readdirSync(scratch.dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`the server wrote no .cpuprofile into ${scratch.dir}`);
    const times = selfTimes(join(scratch.dir, file));
    const inclusive = lobbyflowInclusiveTimes(join(scratch.dir, file));
    const tables: BenchTable[] = [
      {
        title: `Self time by module (${times.totalMs} ms of CPU, idle excluded)`,
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
    return {
      name: 'profile',
      summary: `CPU profile of the server issuing tickets at ${load.rate}/s offered (${report.achievedRps}/s achieved)`,
      tables,
      figures: { 'profile.achievedRps': report.achievedRps, 'profile.cpuMs': times.totalMs },
      targets: [],
      notes: [
        'node --cpu-prof on the built server; self time summed per function and per npm package or server folder.',
      ],
    };
  } finally {
    scratch.remove();
  }
}
