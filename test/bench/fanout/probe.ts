import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EventBus } from '../../../apps/server/src/commands/event-bus';

/**
 * Preloaded into a benchmarked server process (`node --require probe.js`), the
 * LobbyFlow server and the bare socket.io baseline alike, so both are measured the same way from inside.
 *
 * On SIGWINCH (ignored by default, and not among the signals that stop a server) it writes one reading to
 * BENCH_PROBE_FILE: the event-loop delay since the previous reading (perf_hooks.monitorEventLoopDelay)
 * and the resident set size. When the file `<BENCH_PROBE_FILE>.gc` exists it collects garbage first, so
 * that RSS per socket compares live memory rather than garbage not yet collected; readings during the
 * measured window skip that (a full collection would stall the very deliveries being measured).
 *
 * In a LobbyFlow server it also notes when each event was committed: BranchCommands hands a command's
 * events to EventBus.publish right after its transaction commits, so the probe wraps that method (its
 * prototype, in the built server's module) and records the time per `<branchId>:<seq>`.
 */

/** One reading; delays in ms. */
export interface ProbeReading {
  reading: number;
  pid: number;
  rss: number;
  heapUsed: number;
  loopDelay: { p50: number; p99: number; max: number; mean: number };
  /** `<branchId>:<seq>` → commit time (epoch ms, sub-ms precision) since the previous reading. */
  commits: Record<string, number>;
}

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let commits: Record<string, number> = {};
  let reading = 0;
  // Reading 0 tells the orchestrator which process to signal (a server's pid is not otherwise exposed).
  writeFileSync(file, JSON.stringify({ reading, pid: process.pid }));
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;

  const eventBus = join(dirname(process.argv[1] ?? ''), 'commands/event-bus.js');
  if (existsSync(eventBus)) {
    void import(eventBus).then(({ EventBus: bus }: { EventBus: typeof EventBus }) => {
      const publish = bus.prototype.publish;
      bus.prototype.publish = function (this: EventBus, batch) {
        const committed = performance.timeOrigin + performance.now();
        for (const event of batch.events) commits[`${event.branchId}:${event.seq}`] = committed;
        publish.call(this, batch);
      };
    });
  }

  process.on('SIGWINCH', () => {
    const loopDelay = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      mean: ms(delay.mean),
    };
    if (existsSync(`${file}.gc`)) collectGarbage();
    const memory = process.memoryUsage();
    reading += 1;
    const result: ProbeReading = {
      reading,
      pid: process.pid,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      loopDelay,
      commits,
    };
    writeFileSync(file, JSON.stringify(result));
    delay.reset();
    commits = {};
  });
}
