import { KPI_DIMENSIONS, type KpiFigures, type KpiReport } from '@lobbyflow/contracts';

/** The columns of the KPI export, one row per group (and one for the whole range). */
export const KPI_CSV_COLUMNS = [
  'dimension',
  'key',
  'issued',
  'served',
  'no_show',
  'cancelled',
  'expired',
  'open',
  'waits',
  'wait_mean_min',
  'wait_median_min',
  'wait_p90_min',
  'wait_max_min',
  'services',
  'service_mean_min',
  'service_median_min',
  'service_p90_min',
  'service_max_min',
  'service_level_target_min',
  'service_level_share',
  'ratings_asked',
  'ratings',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'satisfied_share',
  'basically_satisfied_share',
  'dissatisfied_share',
  'ratings_per_served_visit',
] as const;

function row(dimension: string, key: string, figures: KpiFigures): (string | number | null)[] {
  const { waiting, service, serviceLevel, ratings } = figures;
  return [
    dimension,
    key,
    figures.issued,
    figures.served,
    figures.noShow,
    figures.cancelled,
    figures.expired,
    figures.open,
    waiting.count,
    waiting.mean,
    waiting.median,
    waiting.p90,
    waiting.max,
    service.count,
    service.mean,
    service.median,
    service.p90,
    service.max,
    serviceLevel.targetMinutes,
    serviceLevel.share,
    ratings.asked,
    ratings.rated,
    ratings.counts.satisfied,
    ratings.counts['basically-satisfied'],
    ratings.counts.dissatisfied,
    ratings.shares.satisfied,
    ratings.shares['basically-satisfied'],
    ratings.shares.dissatisfied,
    ratings.perServedVisit,
  ];
}

/** A cell as RFC 4180 wants it: quoted when it holds a comma, quote or line break; empty for null. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would be a formula in a spreadsheet: a staff name must never run as one.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report's figures as CSV: the totals first, then each dimension's groups. */
export function kpiCsv(report: KpiReport): string {
  const rows = [
    [...KPI_CSV_COLUMNS],
    row('all', `${report.from}..${report.to}`, report.totals),
    ...KPI_DIMENSIONS.flatMap((dimension) =>
      report.by[dimension].map((group) => row(dimension, group.key, group.figures)),
    ),
  ];
  return `${rows.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}
