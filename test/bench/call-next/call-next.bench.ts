import { auditAssignments, type AssignmentAudit } from '../support/double-assignment';
import { BenchHall } from '../support/hall';
import { branchesOfSeats, issueTickets, signInTellers } from '../support/hall-api';
import { runLoad } from '../support/load';
import type { TellerReport } from '../support/load-plans';
import { say, tableText } from '../support/report';
import type { BenchOptions, BenchResult, BenchTable } from '../support/result';

/** Tellers per run and the tickets issued beforehand in each of their branches (two tellers a branch). */
export interface CallNextLevel {
  tellers: number;
  ticketsPerBranch: number;
}

export const FULL_LEVELS: CallNextLevel[] = [
  { tellers: 1, ticketsPerBranch: 150 },
  { tellers: 10, ticketsPerBranch: 40 },
  { tellers: 100, ticketsPerBranch: 8 },
];
export const SMOKE_LEVELS: CallNextLevel[] = [
  { tellers: 1, ticketsPerBranch: 4 },
  { tellers: 4, ticketsPerBranch: 4 },
];
export const FULL_BRANCHES = 50;
export const SMOKE_BRANCHES = 2;

const COLUMNS = [
  'tellers',
  'branches',
  'tickets served',
  'served /s',
  'call-next median ms',
  'call-next p99 ms',
  'call-next max ms',
  'all requests p99 ms',
  'errors',
  'handed out twice',
];

export interface CallNextOutcome {
  table: BenchTable;
  reports: Array<{ level: CallNextLevel; report: TellerReport }>;
  audit: AssignmentAudit;
}

/**
 * Each level: tickets issued in the tellers' branches, then the tellers call, start and finish until
 * their queues are empty. Afterwards the event log is audited for double assignments.
 */
export async function measureCallNext(
  hall: BenchHall,
  levels: CallNextLevel[],
  title: string,
): Promise<CallNextOutcome> {
  const seats = await signInTellers(hall, Math.max(...levels.map((level) => level.tellers)));
  const table: BenchTable = { title, columns: COLUMNS, rows: [] };
  const reports: CallNextOutcome['reports'] = [];
  say(`\n${title}`);
  for (const level of levels) {
    const branches = branchesOfSeats(hall, level.tellers);
    await issueTickets(hall, branches, level.ticketsPerBranch);
    const report = await runLoad({ kind: 'tellers', tellers: seats.slice(0, level.tellers) });
    reports.push({ level, report });
    const failures = Object.entries(report.failures)
      .map(([status, n]) => `${n}x${status}`)
      .join(' ');
    table.rows.push([
      level.tellers,
      branches.length,
      report.served,
      Math.round(report.served / report.elapsedSeconds),
      report.callNext.medianMs,
      report.callNext.p99Ms,
      report.callNext.maxMs,
      report.allRequests.p99Ms,
      report.errors === 0 ? 0 : `${report.errors} (${failures})`,
      report.ticketsHandedOutTwice,
    ]);
    say(table.rows[table.rows.length - 1].join('  '));
  }
  const audit = await auditAssignments(hall);
  say(`double assignments in the event log: ${audit.doubleCalls} (of ${audit.calls} calls)`);
  return { table, reports, audit };
}

/** The figures and targets both call-next benchmarks report (SQLite here, PostgreSQL in scale-out). */
export function callNextFigures(prefix: string, outcome: CallNextOutcome): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const { level, report } of outcome.reports) {
    figures[`${prefix}.tellers${level.tellers}.servedPerSecond`] = Math.round(report.served / report.elapsedSeconds);
    figures[`${prefix}.tellers${level.tellers}.callNextP99Ms`] = report.callNext.p99Ms;
  }
  figures[`${prefix}.doubleAssignments`] = outcome.audit.doubleCalls + doubleHandOuts(outcome);
  return figures;
}

/** Tickets handed to two tellers as the clients saw it, over every level. */
function doubleHandOuts(outcome: CallNextOutcome): number {
  return outcome.reports.reduce((sum, { report }) => sum + report.ticketsHandedOutTwice, 0);
}

export function doubleAssignmentTarget(where: string, outcome: CallNextOutcome) {
  const count = outcome.audit.doubleCalls + doubleHandOuts(outcome);
  return {
    name: `0 double assignments (${where}: event log audit + tellers' view)`,
    met: count === 0,
    value: count,
    mustHold: true,
  };
}

/**
 * Benchmark 2: call-next with 1, 10 and 100 tellers across 50 branches on one SQLite server: throughput,
 * call-next latency, and the double-assignment count (must be 0).
 */
export async function runCallNext(options: BenchOptions): Promise<BenchResult> {
  const hall = await BenchHall.sqlite(options.smoke ? SMOKE_BRANCHES : FULL_BRANCHES);
  let outcome: CallNextOutcome;
  try {
    outcome = await measureCallNext(
      hall,
      options.smoke ? SMOKE_LEVELS : FULL_LEVELS,
      `call-next, start, finish in a loop (one server, SQLite, ${hall.branches.length} branches seeded)`,
    );
  } finally {
    await hall.stop();
  }
  say(tableText(outcome.table));
  const target = doubleAssignmentTarget('SQLite', outcome);
  return {
    name: 'call-next',
    summary: `call-next on SQLite: ${target.value} double assignments over ${outcome.audit.calls} calls`,
    tables: [outcome.table],
    figures: callNextFigures('sqlite', outcome),
    targets: [target],
    notes: [
      'Each teller works a closed loop (call-next, start, finish, and again), as a teller waits for each answer; ' +
        'served /s counts finished tickets, three requests each.',
      'Double assignments: the event log read back afterwards (a ticket.called for a ticket already called ' +
        'and not returned, transferred or finished in between), plus tickets the tellers saw handed out twice.',
    ],
  };
}
