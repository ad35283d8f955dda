import { businessDayOf } from './numbering';

/**
 * What a new time zone or day start does to the business day a branch is in. The stored day only ever
 * moves forward (BranchCommands), so:
 * - `same-day`: the new settings put this instant in the same business day: nothing moves;
 * - `extends-day`: they put it in an earlier day: the current day keeps its date and its numbers and
 *   ends at the first new-style boundary after which the local date is past it;
 * - `ends-day-now`: they put it in a later day: the next command would start a new business day at
 *   once, expiring the open tickets and restarting numbers at 001.
 */
export type DayBoundaryEffect = 'same-day' | 'extends-day' | 'ends-day-now';

export function dayBoundaryEffect(
  now: Date,
  businessDay: string,
  next: { timeZone: string; dayStartsAt: string },
): DayBoundaryEffect {
  const day = businessDayOf(now, next.timeZone, next.dayStartsAt);
  if (day === businessDay) return 'same-day';
  return day < businessDay ? 'extends-day' : 'ends-day-now';
}

/**
 * Why a time zone or day start change must wait, or null when it is safe now. Ending the business day
 * mid-day would renumber from 001 while today's numbers are on customers' paper and split the day's
 * reports, so that is refused once the day has tickets; a day with no ticket yet may start afresh.
 */
export function dayBoundaryChangeRefusal(
  now: Date,
  businessDay: string,
  next: { timeZone: string; dayStartsAt: string },
  ticketsToday: number,
): string | null {
  if (dayBoundaryEffect(now, businessDay, next) !== 'ends-day-now' || ticketsToday === 0) return null;
  const newDay = businessDayOf(now, next.timeZone, next.dayStartsAt);
  return (
    `it would end business day ${businessDay} now (the new settings say it is already ${newDay}), while ` +
    `${ticketsToday} ticket(s) were issued in it: numbers would restart at 001 mid-day; make this change after ` +
    'the day has ended, before the first ticket of the next one'
  );
}
