import {
  type DurationStats,
  type KpiDimension,
  type KpiFigures,
  type KpiGroup,
  RATING_GRADES,
  type RatingGrade,
  type RatingKpis,
} from '@lobbyflow/contracts';
import { localHour } from './local-time';
import type { Visit, VisitLeg } from './visits';

const minutes = (from: number, to: number) => (to - from) / 60_000;

/** Nearest-rank statistics of durations in minutes, rounded to a tenth. */
export function durationStats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
  const tenth = (value: number) => Math.round(value * 10) / 10;
  return {
    count: sorted.length,
    mean: tenth(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    median: tenth(rank(0.5)),
    p90: tenth(rank(0.9)),
    max: tenth(sorted[sorted.length - 1]),
  };
}

/** A share rounded to a thousandth, or null when there is nothing to share. */
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The rating distribution of legs, and answers per served visit. */
export function ratingKpis(legs: readonly VisitLeg[], servedVisits: number): RatingKpis {
  const grades = legs.map((leg) => leg.rating).filter((grade): grade is RatingGrade => grade !== null);
  const counts = Object.fromEntries(
    RATING_GRADES.map((grade) => [grade, grades.filter((given) => given === grade).length]),
  ) as Record<RatingGrade, number>;
  return {
    asked: legs.filter((leg) => leg.ratingAsked).length,
    rated: grades.length,
    counts,
    shares: Object.fromEntries(RATING_GRADES.map((grade) => [grade, share(counts[grade], grades.length)])) as Record<
      RatingGrade,
      number | null
    >,
    perServedVisit: share(grades.length, servedVisits),
  };
}

/** A wait: a leg that was called. */
const waitOf = (leg: VisitLeg) => (leg.calledAt === null ? null : minutes(leg.queuedAt, leg.calledAt));
/** A service: a called leg that ended by a finish, a transfer or a park (a no-show is no service). */
const serviceOf = (leg: VisitLeg) =>
  leg.calledAt !== null &&
  leg.endedAt !== null &&
  (leg.end === 'finished' || leg.end === 'transferred' || leg.end === 'parked')
    ? minutes(leg.calledAt, leg.endedAt)
    : null;

/**
 * The figures of visits (counts by outcome) and of legs (waits and services): a breakdown passes the
 * legs that belong to its group, e.g. the legs served at counter 3 and the visits that ended there.
 */
export function kpiFigures(
  visits: readonly Visit[],
  legs: readonly VisitLeg[],
  serviceLevelMinutes: number,
): KpiFigures {
  const count = (outcome: Visit['outcome']) => visits.filter((visit) => visit.outcome === outcome).length;
  const waits = legs.map(waitOf).filter((value): value is number => value !== null);
  const services = legs.map(serviceOf).filter((value): value is number => value !== null);
  const within = waits.filter((wait) => wait <= serviceLevelMinutes).length;
  return {
    issued: visits.length,
    served: count('served'),
    noShow: count('no-show'),
    cancelled: count('cancelled'),
    expired: count('expired'),
    open: count('open'),
    waiting: durationStats(waits),
    service: durationStats(services),
    serviceLevel: {
      targetMinutes: serviceLevelMinutes,
      within,
      of: waits.length,
      share: share(within, waits.length),
    },
    ratings: ratingKpis(legs, count('served')),
  };
}

/**
 * Figures broken down by a dimension. Waits and services go to the group of their leg (the queue waited
 * in, the counter and staff member who called, the branch-local hour the wait began); visits are counted
 * in the group of their first leg, or for counters and staff of their last called leg (where they ended).
 */
export function kpisBy(
  visits: readonly Visit[],
  dimension: KpiDimension,
  serviceLevelMinutes: number,
  timeZone: string,
): KpiGroup[] {
  const legKey = (visit: Visit, leg: VisitLeg): string | null => {
    switch (dimension) {
      case 'queue':
        return leg.queue;
      case 'businessType':
        return visit.businessType;
      case 'counter':
        return leg.counter;
      case 'staff':
        return leg.staffId;
      case 'hour':
        return String(localHour(leg.queuedAt, timeZone)).padStart(2, '0');
    }
  };
  const visitKey = (visit: Visit): string | null => {
    if (dimension === 'counter' || dimension === 'staff') {
      const called = [...visit.legs].reverse().find((leg) => leg.calledAt !== null);
      return called ? legKey(visit, called) : null;
    }
    if (dimension === 'hour') return String(localHour(visit.issuedAt, timeZone)).padStart(2, '0');
    return legKey(visit, visit.legs[0]);
  };
  const groups = new Map<string, { visits: Visit[]; legs: VisitLeg[] }>();
  const group = (key: string) => {
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { visits: [], legs: [] }));
    return entry;
  };
  for (const visit of visits) {
    const key = visitKey(visit);
    if (key !== null) group(key).visits.push(visit);
    for (const leg of visit.legs) {
      const legGroup = legKey(visit, leg);
      if (legGroup !== null) group(legGroup).legs.push(leg);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, entry]) => ({ key, figures: kpiFigures(entry.visits, entry.legs, serviceLevelMinutes) }));
}
