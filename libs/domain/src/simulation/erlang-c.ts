/**
 * Erlang C (M/M/c): the textbook answer to "how many counters?", for comparison with the simulation.
 * It assumes one queue, identical counters, Poisson arrivals at a constant rate and exponential service.
 */

/** Probability that an arriving customer has to wait, with `counters` servers and `load` = λ/μ erlangs. */
export function erlangC(counters: number, load: number): number {
  if (load >= counters) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= counters; k += 1) b = (load * b) / (k + load * b);
  return (counters * b) / (counters - load * (1 - b));
}

/** Share of customers called within `minutes`: 1 - C(c, a) e^{-(cμ - λ) t}. */
export function shareWithin(
  counters: number,
  arrivalsPerMinute: number,
  serviceMinutes: number,
  minutes: number,
): number {
  const load = arrivalsPerMinute * serviceMinutes;
  if (load >= counters) return 0;
  const mu = 1 / serviceMinutes;
  return 1 - erlangC(counters, load) * Math.exp(-(counters * mu - arrivalsPerMinute) * minutes);
}

/** The fewest counters that call `target` (e.g. 0.9) of customers within `minutes`. */
export function countersForServiceLevel(
  arrivalsPerMinute: number,
  serviceMinutes: number,
  minutes: number,
  target: number,
): number {
  let counters = Math.max(1, Math.ceil(arrivalsPerMinute * serviceMinutes));
  while (shareWithin(counters, arrivalsPerMinute, serviceMinutes, minutes) < target) counters += 1;
  return counters;
}
