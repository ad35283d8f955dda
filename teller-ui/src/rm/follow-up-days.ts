import { t } from './messages';

/**
 * Whole days from one branch-local day to another (both YYYY-MM-DD, as the server gives business days and
 * next contact days): positive when `to` is later.
 */
export function daysBetween(from: string, to: string): number {
  const day = (value: string) => Date.parse(`${value}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** When a follow-up is due, as an RM reads it: "逾期 2 天" / "今天" / "明天" / "7 天后", and whether it is late. */
export function dueLabel(nextContactOn: string, today: string): { text: string; overdue: boolean; today: boolean } {
  const days = daysBetween(today, nextContactOn);
  if (days < 0) {
    return { text: days === -1 ? t('dueOverdueOne') : t('dueOverdue', { days: -days }), overdue: true, today: false };
  }
  if (days === 0) return { text: t('dueToday'), overdue: false, today: true };
  return { text: days === 1 ? t('dueTomorrow') : t('dueInDays', { days }), overdue: false, today: false };
}

/**
 * A business day for people: "11月30日" / "30 Nov", with the year when it is not `today`'s year (a grade E
 * customer is due a year later: "2027年11月23日" / "23 Nov 2027").
 */
export function dayLabel(day: string, locale: 'zh' | 'en', today?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const withYear = !!today && today.slice(0, 4) !== day.slice(0, 4);
  if (locale === 'zh') {
    return `${withYear ? `${date.getUTCFullYear()}年` : ''}${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  }
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

/** The branch-local day (YYYY-MM-DD) of a server time, in the branch's zone (the screen's own if unknown). */
export function localDay(at: string, timeZone: string): string {
  const format = (zone?: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(at));
  try {
    return format(timeZone || undefined);
  } catch {
    return format();
  }
}
