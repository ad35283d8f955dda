import type { CallPolicy } from '../rules';
import { mean, percentile } from './accuracy';
import { type DayProfile, monthFactor } from './day-profiles';
import { countersForServiceLevel } from './erlang-c';
import { type SimBusiness, simulateDay } from './simulate-day';

/** The what-if of issue #7: how many counters keep `target` of waits within `minutes`? */
export interface StaffingAnswer {
  /** The fewest counters for which the simulated days met the target. */
  simulated: number;
  /** Erlang C's answer at the day's average arrival rate and at its busiest hour. */
  erlangAtMean: number;
  erlangAtPeak: number;
  /** Share of customers called within `minutes` by counter count, over the simulated days. */
  shares: { counters: number; share: number; p90WaitMinutes: number }[];
}

/**
 * Pools the given businesses into one queue served by N identical counters (the model Erlang C assumes)
 * and simulates the day for N = 1, 2, ... until the share of customers called within `minutes` reaches
 * `target` on every seed. Unlike Erlang C, the simulation sees the day's peaks and skewed service times.
 */
export function countersNeeded(
  profile: DayProfile,
  businesses: readonly SimBusiness[],
  policy: CallPolicy,
  options: { minutes: number; target: number; seeds: number[]; dayOfMonth?: number },
): StaffingAnswer {
  const pooled = businesses.map((business) => ({ ...business, queue: 'ALL' }));
  const shares: StaffingAnswer['shares'] = [];
  let simulated = 0;
  for (let counters = 1; counters <= 60 && simulated === 0; counters += 1) {
    const branch = {
      businesses: pooled,
      counters: Array.from({ length: counters }, (_, index) => ({
        code: `c${index + 1}`,
        queues: [{ queue: 'ALL', weight: 1 }],
      })),
      policy,
      vipQueue: null,
      vipFromQueues: [],
    };
    const days = options.seeds.map((seed) => simulateDay(branch, profile, { seed, dayOfMonth: options.dayOfMonth }));
    const waits = days.flatMap((day) => day.tickets.map((ticket) => ticket.calledAt - ticket.arrivedAt));
    const perDay = days.map(
      (day) =>
        day.tickets.filter((ticket) => ticket.calledAt - ticket.arrivedAt <= options.minutes).length /
        day.tickets.length,
    );
    shares.push({ counters, share: mean(perDay), p90WaitMinutes: percentile(waits, 90) });
    if (perDay.every((share) => share >= options.target)) simulated = counters;
  }

  const totalShare = businesses.reduce((sum, business) => sum + business.share, 0);
  const serviceMinutes = businesses.reduce((sum, b) => sum + b.share * b.typicalMinutes, 0) / totalShare;
  const rates: number[] = [];
  for (let minute = profile.opensAt; minute < profile.closesAt; minute += 1)
    rates.push(profile.arrivalsPerHour(minute));
  const month = monthFactor(options.dayOfMonth ?? 8);
  const hourly = (perHour: number) => (perHour * month * totalShare) / 60;
  const peakHour = Math.max(...rates.map((_, index) => mean(rates.slice(index, index + 60))));
  return {
    simulated,
    erlangAtMean: countersForServiceLevel(hourly(mean(rates)), serviceMinutes, options.minutes, options.target),
    erlangAtPeak: countersForServiceLevel(hourly(peakHour), serviceMinutes, options.minutes, options.target),
    shares,
  };
}
