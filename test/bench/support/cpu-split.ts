import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The kernel's clock ticks per second, in which /proc reports CPU time (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) from a /proc `stat` file of a process or a thread. */
export function statCpuMs(statFile: string): number {
  // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** What the machine and one server process have spent so far (ms of CPU, all cores). */
export interface CpuReading {
  /** The server's main thread: its JavaScript, the event loop, V8's work on that thread. */
  serverMain: number;
  /** The server's other threads: V8's helpers (concurrent GC, compilers) and libuv's pool (SQLite runs there). */
  serverOthers: number;
  /** Every core's busy time (user, nice, system, irq, softirq, steal). */
  machineBusy: number;
  /** Every core's time, busy or idle. */
  machineTotal: number;
}

/**
 * Reads the CPU time of the server process `pid` per thread (/proc/<pid>/task) and of the whole machine
 * (/proc/stat); null where /proc is missing (not Linux) or the process has gone. Two readings give where
 * the cores went in between: the server's main thread, its other threads, and everything else (the load
 * generator, the benchmark itself, the kernel).
 */
export function readCpu(pid: number | undefined): CpuReading | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/task`) || !existsSync('/proc/stat')) return null;
  let serverMain = 0;
  let serverOthers = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    let ms: number;
    try {
      ms = statCpuMs(`/proc/${pid}/task/${thread}/stat`);
    } catch {
      // The thread ended between the listing and the read.
      continue;
    }
    if (Number(thread) === pid) serverMain += ms;
    else serverOthers += ms;
  }
  // The first line sums every core: user nice system idle iowait irq softirq steal, in clock ticks.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  const busy = user + nice + system + irq + softirq + (steal || 0);
  return {
    serverMain,
    serverOthers,
    machineBusy: toMs(busy),
    machineTotal: toMs(busy + idle + (iowait || 0)),
  };
}

/** Shares of the machine's cores between two readings, in percent of ONE core (2 cores: 200 in all). */
export interface CpuSplit {
  serverMain: number;
  serverOthers: number;
  rest: number;
  idle: number;
  cores: number;
}

export function cpuSplit(before: CpuReading, after: CpuReading, seconds: number): CpuSplit {
  const percentOfCore = (ms: number) => Math.round(ms / seconds / 10);
  const serverMain = after.serverMain - before.serverMain;
  const serverOthers = after.serverOthers - before.serverOthers;
  const busy = after.machineBusy - before.machineBusy;
  const total = after.machineTotal - before.machineTotal;
  return {
    serverMain: percentOfCore(serverMain),
    serverOthers: percentOfCore(serverOthers),
    rest: percentOfCore(Math.max(0, busy - serverMain - serverOthers)),
    idle: percentOfCore(total - busy),
    cores: Math.round(total / seconds / 1000),
  };
}
