import { build, type Histogram } from 'hdr-histogram-js';

/** Latency figures of one run, in milliseconds, as every benchmark table shows them. */
export interface LatencySummary {
  count: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A latency histogram recording microseconds (HdrHistogram, 3 significant digits, up to 10 minutes): exact
 * enough at both ends without keeping every sample. The default JavaScript implementation, no WebAssembly.
 */
export function newLatencyHistogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function summarise(histogram: Histogram): LatencySummary {
  const ms = (us: number) => Math.round(us / 10) / 100;
  // A percentile is its bucket's upper end: capped by the exact maximum, so that p99 never exceeds max.
  const at = (percentile: number) => ms(Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue));
  return { count: histogram.totalCount, medianMs: at(50), p99Ms: at(99), maxMs: ms(histogram.maxValue) };
}
