import { BenchHall } from '../support/hall';
import { issueTickets } from '../support/hall-api';
import { say, tableText } from '../support/report';
import type { BenchOptions, BenchResult, BenchTable } from '../support/result';

/** Batches of tickets issued into one branch that nobody serves: the queue grows by a batch each time. */
const FULL = { warmup: 100, batches: 5, batchSize: 400 };
const SMOKE = { warmup: 5, batches: 2, batchSize: 10 };

/**
 * On request (`npm run bench -- queue-cost`): what one ticket issue costs the server in CPU as the branch's
 * queue grows, in sequential batches (16 requests in flight, each sent when the last answered). CPU time
 * hardly moves when other work shares the machine, so this is the figure to compare an optimisation with
 * on a busy machine; the throughput column is only indicative.
 */
export async function runQueueCost(options: BenchOptions): Promise<BenchResult> {
  const plan = options.smoke ? SMOKE : FULL;
  const hall = await BenchHall.sqlite(1);
  const rows: Array<Array<number | string>> = [];
  const figures: Record<string, number> = {};
  try {
    const [branch] = hall.branches;
    await issueTickets(hall, [branch], plan.warmup);
    let waiting = plan.warmup;
    for (let batch = 1; batch <= plan.batches; batch += 1) {
      const cpuBefore = hall.serverCpuMs();
      const started = performance.now();
      await issueTickets(hall, [branch], plan.batchSize);
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = hall.serverCpuMs();
      waiting += plan.batchSize;
      const cpuPerTicket =
        cpuBefore === null || cpuAfter === null
          ? null
          : Math.round(((cpuAfter - cpuBefore) / plan.batchSize) * 100) / 100;
      rows.push([waiting, cpuPerTicket ?? '-', Math.round(plan.batchSize / seconds)]);
      if (cpuPerTicket !== null) figures[`queueCost.waiting${waiting}.cpuMsPerTicket`] = cpuPerTicket;
    }
  } finally {
    await hall.stop();
  }
  const table: BenchTable = {
    title: 'Server CPU per issued ticket as the queue grows (one branch, SQLite, 16 requests in flight)',
    columns: ['tickets waiting after the batch', 'server CPU ms/ticket', 'tickets/s'],
    rows,
  };
  say(`\n${tableText(table)}`);
  const last = rows[rows.length - 1];
  return {
    name: 'queue-cost',
    summary: `Ticket issue costs ${rows[0][1]} ms of server CPU with ${rows[0][0]} waiting, ${last[1]} ms with ${last[0]}`,
    tables: [table],
    figures,
    targets: [],
    notes: ['Server CPU: user + system time of the server process from /proc, divided by the tickets of the batch.'],
  };
}
