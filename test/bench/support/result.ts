/**
 * The shape every benchmark returns to the runner (`npm run bench`), which writes it as Markdown and JSON.
 * Latencies are in milliseconds; figures are named so that docs/benchmarks.md and the JSON agree.
 */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export interface BenchResult {
  /** The benchmark's name, as given to `npm run bench -- <name>`. */
  name: string;
  /** One line saying what was measured and against which baseline. */
  summary: string;
  tables: BenchTable[];
  /** Headline figures and ratios, e.g. { 'peak.lobbyflow.rps': 812, 'peak.ratio.vsRawSqlite': 0.41 }. */
  figures: Record<string, number>;
  /**
   * Target checks of the issue, e.g. { name: 'peak >= 30% of raw sqlite', met: true, value: 0.41 }. A target on
   * a time or rate is reported, never failed on; `mustHold` marks a correctness check (0 double assignments)
   * whose miss makes `npm run bench` exit non-zero.
   */
  targets: Array<{ name: string; met: boolean; value: number | string; mustHold?: boolean }>;
  notes: string[];
}

export interface BenchOptions {
  /** CI smoke: seconds, not minutes — tiny rates and durations, every code path still runs. */
  smoke: boolean;
}
