import { keepsUp, runLoad, sweep } from './load';
import type { OpenLoopPlan, OpenLoopReport, RequestSpec } from './load-plans';
import { say } from './report';
import type { BenchTable } from './result';

/** How long each rate runs, which rates are fixed, and how far the peak search goes. */
export interface SweepSettings {
  warmupSeconds: number;
  seconds: number;
  fixedRates: number[];
  /** The search stops doubling past this rate. */
  ceiling: number;
  /** Bisection steps between the last rate that kept up and the first that did not. */
  refinements: number;
}

export const SWEEP_COLUMNS = [
  'offered /s',
  'achieved /s',
  'median ms',
  'p99 ms',
  'max ms',
  'errors',
  'keeps up',
  'server CPU ms/req',
];

/** A step of a sweep, with the CPU time the servers spent per request sent in it (null when unknown). */
export interface SweepStep extends OpenLoopReport {
  serverCpuMsPerRequest: number | null;
}

export function sweepRow(report: SweepStep): Array<string | number> {
  const failures = Object.entries(report.failures)
    .map(([status, n]) => `${n}x${status}`)
    .join(' ');
  return [
    report.offeredRps,
    report.achievedRps,
    report.latency.medianMs,
    report.latency.p99Ms,
    report.latency.maxMs,
    report.errors === 0 ? 0 : `${report.errors} (${failures})`,
    keepsUp(report) ? 'yes' : 'no',
    report.serverCpuMsPerRequest ?? '-',
  ];
}

export interface SweepOutcome {
  table: BenchTable;
  peakRps: number;
  steps: SweepStep[];
}

/**
 * Sweeps a request over `baseUrls` at the settings' rates, printing each step as it finishes. `request`
 * gives the request of each step (by its index: a step may address a branch of its own). `serverCpuMs`
 * reads the servers' CPU time so far, for the CPU cost per request of each step.
 */
export async function sweepRequest(
  title: string,
  baseUrls: string[],
  request: RequestSpec | ((step: number) => RequestSpec),
  settings: SweepSettings,
  serverCpuMs: () => number | null,
): Promise<SweepOutcome> {
  say(`\n${title}`);
  say(SWEEP_COLUMNS.join('  '));
  let stepsRun = 0;
  const step = async (rate: number): Promise<SweepStep> => {
    await settle(serverCpuMs);
    const plan: OpenLoopPlan = {
      kind: 'open-loop',
      baseUrls,
      request: typeof request === 'function' ? request(stepsRun++) : request,
      rate,
      warmupSeconds: settings.warmupSeconds,
      seconds: settings.seconds,
    };
    const cpuBefore = serverCpuMs();
    const report = await runLoad(plan);
    const cpuAfter = serverCpuMs();
    const sent = Math.round(rate * (settings.warmupSeconds + settings.seconds));
    const cpu =
      cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) / sent) * 100) / 100;
    const result = { ...report, serverCpuMsPerRequest: cpu };
    say(sweepRow(result).join('  '));
    return result;
  };
  const result = await sweep(step, settings.fixedRates, settings.ceiling, settings.refinements);
  say(`peak: ${result.peakRps}/s`);
  const steps = [...result.steps].sort((a, b) => a.offeredRps - b.offeredRps);
  return { table: { title, columns: SWEEP_COLUMNS, rows: steps.map(sweepRow) }, peakRps: result.peakRps, steps };
}

/** The servers count as idle below this share of one core, over SETTLE_SAMPLE_MS... */
const IDLE_CPU_SHARE = 0.2;
const SETTLE_SAMPLE_MS = 500;
/** ...and waiting for it gives up after this long (an overloaded step leaves seconds of work behind). */
const SETTLE_LIMIT_MS = 180_000;

/**
 * Waits until the servers are idle. The load generator abandons requests of an overloaded step, but the
 * server still works through every one it received; the next step must not start behind that backlog,
 * or it fails for the step before it.
 */
async function settle(serverCpuMs: () => number | null): Promise<void> {
  const started = Date.now();
  let before = serverCpuMs();
  while (before !== null && Date.now() - started < SETTLE_LIMIT_MS) {
    await new Promise((done) => setTimeout(done, SETTLE_SAMPLE_MS));
    const after = serverCpuMs();
    if (after === null || after - before < IDLE_CPU_SHARE * SETTLE_SAMPLE_MS) {
      const waited = Date.now() - started;
      if (waited > 2 * SETTLE_SAMPLE_MS)
        say(`  (waited ${(waited / 1000).toFixed(1)} s for the server to finish the last step's backlog)`);
      return;
    }
    before = after;
  }
  if (before !== null)
    say(`  (the server was still busy after ${SETTLE_LIMIT_MS / 1000} s; the next step starts anyway)`);
}

/** The step run at exactly `rate`, if any. */
export function stepAt(outcome: SweepOutcome, rate: number): OpenLoopReport | undefined {
  return outcome.steps.find((step) => step.offeredRps === rate);
}
