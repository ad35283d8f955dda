import {
  FULL_BRANCHES,
  FULL_LEVELS,
  SMOKE_BRANCHES,
  SMOKE_LEVELS,
  callNextFigures,
  doubleAssignmentTarget,
  measureCallNext,
} from '../call-next/call-next.bench';
import { sweepIssueTicket } from '../issue-ticket/issue-ticket.bench';
import { BenchHall } from '../support/hall';
import type { SweepSettings } from '../support/rate-sweep';
import type { BenchOptions, BenchResult } from '../support/result';

const FULL: SweepSettings = {
  warmupSeconds: 1.5,
  seconds: 4,
  fixedRates: [50, 200, 500],
  ceiling: 8_000,
  refinements: 1,
};
const SMOKE: SweepSettings = { warmupSeconds: 0.3, seconds: 1, fixedRates: [20], ceiling: 20, refinements: 0 };

/**
 * Benchmark 4: two server instances on PostgreSQL + Redis. The call-next figures (tellers spread over both)
 * and the issue-ticket figures (requests round-robin over both instances, one branch); the adapter's
 * cost on fan-out latency is measured by the fan-out benchmark.
 */
export async function runScaleOut(options: BenchOptions): Promise<BenchResult> {
  const hall = await BenchHall.scaleOut(options.smoke ? SMOKE_BRANCHES : FULL_BRANCHES);
  try {
    // Tellers first: the sweep leaves thousands of waiting tickets in the demo branch, where a teller works.
    const callNext = await measureCallNext(
      hall,
      options.smoke ? SMOKE_LEVELS : FULL_LEVELS,
      `call-next on 2 instances (PostgreSQL + Redis, ${hall.branches.length} branches), tellers spread over both`,
    );
    const issue = await sweepIssueTicket(
      hall,
      'issue-ticket on 2 instances (PostgreSQL + Redis), round-robin',
      options.smoke ? SMOKE : FULL,
    );
    const target = doubleAssignmentTarget('PostgreSQL, 2 instances', callNext);
    return {
      name: 'scale-out',
      summary: `Two instances on PostgreSQL + Redis: issue-ticket peak ${issue.peakRps}/s, ${target.value} double assignments`,
      tables: [issue.table, callNext.table],
      figures: { 'peak.scaleOut.rps': issue.peakRps, ...callNextFigures('postgres', callNext) },
      targets: [target],
      notes: [
        'PostgreSQL serialises each branch with an advisory lock held to commit, so one branch does not scale ' +
          'with instances; many branches do.',
        'The two tellers of a branch sit on different instances, so every call-next race crosses instances.',
      ],
    };
  } finally {
    await hall.stop();
  }
}
