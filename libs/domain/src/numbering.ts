import { DomainError } from './errors';

const UTC_OFFSET = /^([+-])(0\d|1[0-4]):([0-5]\d)$/;

/** Minutes east of UTC for a fixed offset like `+08:00`, or null for a named zone. */
function fixedOffsetMinutes(timeZone: string): number | null {
  const match = UTC_OFFSET.exec(timeZone);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * True when `timeZone` is an IANA zone this runtime knows (`Asia/Shanghai`) or a fixed UTC offset
 * (`+08:00`, for branches that configure one; Node's Intl does not accept offsets itself).
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (fixedOffsetMinutes(timeZone) !== null) return true;
  try {
    localTimeFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

const localTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter giving local date and time in `timeZone`, made once per zone: every branch command asks for
 * its business day, and building an Intl formatter costs far more than using one. Throws for an unknown zone.
 */
function localTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = localTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    localTimeFormats.set(timeZone, format);
  }
  return format;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a local time of day like `00:00` or `04:30` (a branch's day start). */
export function isTimeOfDay(value: string): boolean {
  return HH_MM.test(value);
}

/**
 * The business day (YYYY-MM-DD) an instant belongs to in the branch's own time zone. A branch whose
 * day starts at `04:00` counts 02:30 local as the previous day.
 */
export function businessDayOf(at: Date, timeZone: string, dayStartsAt = '00:00'): string {
  const match = HH_MM.exec(dayStartsAt);
  if (!match) {
    throw new DomainError('VALIDATION_FAILED', `Day start "${dayStartsAt}" is not a time of day like 00:00.`);
  }
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError('VALIDATION_FAILED', `Time zone "${timeZone}" is unknown.`);
  }
  const startMinutes = Number(match[1]) * 60 + Number(match[2]);
  const local = localParts(at, timeZone);
  const minutesIntoDay = local.hour * 60 + local.minute;
  // Calendar arithmetic on the local date (UTC is used only as a calendar, not as a zone).
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (minutesIntoDay < startMinutes) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function localParts(at: Date, timeZone: string) {
  const offset = fixedOffsetMinutes(timeZone);
  if (offset !== null) {
    const shifted = new Date(at.getTime() + offset * 60_000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
    };
  }
  const parts = localTimeFormat(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** `<queue prefix><3 digits>`: A001 ... A999, then A1000 rather than wrapping to a number already on paper. */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new DomainError('VALIDATION_FAILED', `Ticket sequence must be a positive integer, got ${sequence}.`);
  }
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}
