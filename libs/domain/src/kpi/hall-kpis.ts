import type { CounterKpis, DiversionKpis, FunnelKpis } from '@lobbyflow/contracts';
import type { Visit } from './visits';

/** A counter change as the reports read it from the log (`counter.updated`). */
export interface KpiCounterEvent {
  at: string;
  counter: { code: string; status: string; pauseReason: string | null };
}

const minutes = (from: number, to: number) => (to - from) / 60_000;
const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * Utilisation and pause time per counter. Busy time is the sum of its services (call to finish, transfer
 * or park, no-shows included: the counter was occupied); pauses run from `paused` to the next change of
 * status, or to `until` when still paused. Utilisation = busy / (span - pauses), the span running from
 * the counter's first call to its last service end.
 */
export function counterKpis(
  visits: readonly Visit[],
  counterEvents: readonly KpiCounterEvent[],
  until: number,
): CounterKpis[] {
  const byCounter = new Map<string, CounterKpis & { first: number; last: number; pauses: [number, number][] }>();
  const entry = (counter: string) => {
    let kpis = byCounter.get(counter);
    if (!kpis) {
      kpis = {
        counter,
        busyMinutes: 0,
        pausedMinutes: 0,
        pausedByReason: {},
        utilisation: null,
        first: Infinity,
        last: -Infinity,
        pauses: [],
      };
      byCounter.set(counter, kpis);
    }
    return kpis;
  };
  for (const leg of visits.flatMap((visit) => visit.legs)) {
    if (leg.counter === null || leg.calledAt === null || leg.endedAt === null) continue;
    const kpis = entry(leg.counter);
    kpis.busyMinutes += minutes(leg.calledAt, leg.endedAt);
    kpis.first = Math.min(kpis.first, leg.calledAt);
    kpis.last = Math.max(kpis.last, leg.endedAt);
  }
  const pausedSince = new Map<string, { at: number; reason: string }>();
  const endPause = (code: string, at: number) => {
    const pause = pausedSince.get(code);
    if (!pause) return;
    const kpis = entry(code);
    const length = minutes(pause.at, at);
    kpis.pausedMinutes += length;
    kpis.pauses.push([pause.at, at]);
    kpis.pausedByReason[pause.reason] = tenth((kpis.pausedByReason[pause.reason] ?? 0) + length);
    pausedSince.delete(code);
  };
  for (const event of counterEvents) {
    const at = Date.parse(event.at);
    const { code, status, pauseReason } = event.counter;
    if (status === 'paused') {
      if (!pausedSince.has(code)) pausedSince.set(code, { at, reason: pauseReason ?? 'other' });
    } else {
      endPause(code, at);
    }
  }
  for (const code of [...pausedSince.keys()]) endPause(code, until);
  return [...byCounter.values()]
    .sort((a, b) => a.counter.localeCompare(b.counter, undefined, { numeric: true }))
    .map(({ first, last, pauses, ...kpis }) => {
      const span = last > first ? minutes(first, last) : 0;
      // Only the pauses within the span take time from it.
      const pausedInSpan = pauses.reduce(
        (sum, [from, to]) => sum + Math.max(0, minutes(Math.max(from, first), Math.min(to, last))),
        0,
      );
      const open = span - pausedInSpan;
      return {
        ...kpis,
        busyMinutes: tenth(kpis.busyMinutes),
        pausedMinutes: tenth(kpis.pausedMinutes),
        utilisation: open > 0 ? Math.round(Math.min(1, kpis.busyMinutes / open) * 1000) / 1000 : null,
      };
    });
}

export function diversionKpis(outcomes: readonly { outcome: string }[]): DiversionKpis {
  const accepted = outcomes.filter((entry) => entry.outcome === 'accepted').length;
  const declined = outcomes.filter((entry) => entry.outcome === 'declined').length;
  const advised = accepted + declined;
  const redirected = outcomes.filter((entry) => entry.outcome === 'redirected').length;
  const rate = advised === 0 ? null : Math.round((accepted / advised) * 1000) / 1000;
  return { advised, accepted, declined, rate, redirected };
}

/** What the funnel reads of a referral. */
export interface FunnelReferral {
  rm: string;
  source: string;
  alertedAt: string | null;
  metAt: string | null;
  outcome: string | null;
}

/** The funnel in total and by a key (the RM, or the flag's source: teller, lobby manager, walk-in). */
export function referralFunnel(
  referrals: readonly FunnelReferral[],
  keyOf: (referral: FunnelReferral) => string,
): FunnelKpis[] {
  const groups = new Map<string, FunnelReferral[]>();
  for (const referral of referrals) groups.set(keyOf(referral), [...(groups.get(keyOf(referral)) ?? []), referral]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({
      key,
      flagged: list.length,
      // A customer with no time is never alerted but may still be met and converted later.
      alerted: list.filter((referral) => referral.alertedAt !== null).length,
      met: list.filter((referral) => referral.metAt !== null).length,
      converted: list.filter((referral) => referral.outcome === 'converted').length,
    }));
}
