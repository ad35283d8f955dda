import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadReport, OpenLoopPlan, OpenLoopReport, TellerPlan, TellerReport } from './load-plans';

/** Runs one plan in a fresh load-generator process and returns its report. */
export function runLoad(plan: OpenLoopPlan): Promise<OpenLoopReport>;
export function runLoad(plan: TellerPlan): Promise<TellerReport>;
export function runLoad(plan: OpenLoopPlan | TellerPlan): Promise<LoadReport> {
  const child = fork(join(__dirname, 'load-generator.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (report: LoadReport) => resolve(report));
    child.once('exit', (code) => reject(new Error(`the load generator exited with code ${code} before reporting`)));
    child.send(plan);
  });
}

/** A step of a rate sweep keeps up when the server answered at least this share of the offered rate... */
export const KEEPS_UP_SHARE = 0.95;
/** ...with a p99 a kiosk user would not notice as a stall, and almost no failures. */
export const SANE_P99_MS = 250;
const MAX_ERROR_SHARE = 0.001;

/** A step answering less than this share of its offered rate was out of capacity, not just slow. */
const OUT_OF_CAPACITY_SHARE = 0.9;

export function keepsUp(report: OpenLoopReport): boolean {
  const total = report.ok + report.errors;
  return (
    report.achievedRps >= KEEPS_UP_SHARE * report.offeredRps &&
    report.latency.p99Ms <= SANE_P99_MS &&
    report.errors <= MAX_ERROR_SHARE * total
  );
}

export interface Sweep<R extends OpenLoopReport> {
  /** Every step run, in order (fixed rates first, then the search). */
  steps: R[];
  /** The highest offered rate that kept up (0 when none did). */
  peakRps: number;
}

/**
 * Runs the fixed rates, then searches for the peak: doubles the rate from the best one that kept up until
 * a step fails (or the next would pass `ceiling`), then bisects between the two `refinements` times. `step`
 * runs one rate (a fresh open-loop run). A fixed rate above one that could not carry its load (answered
 * under OUT_OF_CAPACITY_SHARE of it) is skipped: it would only fail too (two PostgreSQL instances answering
 * 24-34 of 50/s spent half a minute failing at 200 and 500/s). A step that failed on latency or a few
 * errors alone (a cold server's first seconds) does not skip the rates above it, nor bound the search.
 */
export async function sweep<R extends OpenLoopReport>(
  step: (rate: number) => Promise<R>,
  fixedRates: number[],
  ceiling: number,
  refinements: number,
): Promise<Sweep<R>> {
  const steps: R[] = [];
  const run = async (rate: number) => {
    const report = await step(Math.round(rate));
    steps.push(report);
    return keepsUp(report);
  };
  let good = 0;
  let outOfCapacity = Infinity;
  const failed: number[] = [];
  for (const rate of fixedRates) {
    if (rate > outOfCapacity) continue;
    if (await run(rate)) {
      good = Math.max(good, rate);
      continue;
    }
    failed.push(rate);
    const last = steps[steps.length - 1];
    if (last.achievedRps < OUT_OF_CAPACITY_SHARE * last.offeredRps) outOfCapacity = Math.min(outOfCapacity, rate);
  }
  // The search goes on above the best rate that kept up: a lower rate that failed (a cold server's first
  // step) does not cap it.
  let bad = Math.min(Infinity, ...failed.filter((rate) => rate > good));
  while (bad === Infinity && Math.max(good, 25) * 2 <= ceiling) {
    const rate = Math.max(good, 25) * 2;
    if (await run(rate)) good = rate;
    else bad = rate;
  }
  for (let i = 0; i < refinements && bad !== Infinity && bad - good > Math.max(10, good * 0.1); i += 1) {
    const rate = Math.round((good + bad) / 2);
    if (await run(rate)) good = rate;
    else bad = rate;
  }
  return { steps, peakRps: good };
}
