/**
 * Seeded randomness for simulated days: the same seed gives the same day, so accuracy figures and tests
 * are reproducible. mulberry32: small, fast, and good enough for queueing simulation (not cryptography).
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  const u = 1 - random(); // (0, 1]: the logarithm stays finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A lognormal draw with the given mean and shape `sigma`: service times are skewed (most are quick, a
 * few take very long), which a lognormal describes well. mu = ln(mean) - sigma^2 / 2 keeps the mean.
 */
export function lognormal(random: Random, mean: number, sigma: number): number {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * normal(random));
}

/** An exponential draw with the given rate (events per unit of time). */
export function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random()) / rate;
}

/**
 * Arrival times of a time-varying Poisson process on [from, to) by thinning (Lewis & Shedler): draw at
 * the peak rate, keep each draw with probability rate(t) / peak.
 */
export function poissonArrivals(
  random: Random,
  ratePerMinute: (minute: number) => number,
  from: number,
  to: number,
  peakRatePerMinute: number,
): number[] {
  const arrivals: number[] = [];
  if (peakRatePerMinute <= 0) return arrivals;
  let t = from;
  for (;;) {
    t += exponential(random, peakRatePerMinute);
    if (t >= to) return arrivals;
    if (random() * peakRatePerMinute <= ratePerMinute(t)) arrivals.push(t);
  }
}

/** Picks an item with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let draw = random() * total;
  for (const item of items) {
    draw -= weightOf(item);
    if (draw < 0) return item;
  }
  return items[items.length - 1];
}
