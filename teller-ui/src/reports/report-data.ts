import type { DurationStats, KpiGroup } from '@lobbyflow/contracts';
import { getLocale } from '@lobbyflow/ui-kit';

/** A business day moved by whole days: `2026-11-23` + 1 = `2026-11-24` (calendar arithmetic, no zone). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/**
 * The hour groups of a report from its first hour to its last, with the hours between that had nothing
 * (so a chart's axis runs without gaps): `09`, `10`, `11`...
 */
export function hourRange(groups: readonly KpiGroup[]): { hour: string; group: KpiGroup | null }[] {
  if (groups.length === 0) return [];
  const hours = groups.map((group) => Number(group.key));
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  return Array.from({ length: last - first + 1 }, (_, index) => {
    const hour = String(first + index).padStart(2, '0');
    return { hour, group: groups.find((group) => Number(group.key) === first + index) ?? null };
  });
}

/** Minutes with one decimal ("7.5"), or "—" when there is no figure. */
export function minutes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(1).replace(/\.0$/, '');
}

/** A share as a percentage ("83%"), or "—". */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** A count in the screen's locale (thousands separators). */
export function count(value: number): string {
  return value.toLocaleString(getLocale() === 'zh' ? 'zh-CN' : 'en-US');
}

/** The four figures of a duration, in the order the tables show them. */
export function durationCells(stats: DurationStats): string[] {
  return [minutes(stats.mean), minutes(stats.median), minutes(stats.p90), minutes(stats.max)];
}
