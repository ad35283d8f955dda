import type { BranchSettingsView, CounterView, QueueView, ReferralView, StaffTicketView } from '@lobbyflow/contracts';
import type { HallState } from '../live/hall-state';

/** Something in the hall the lobby manager should act on now. `key` is stable while the cause lasts. */
export type HallAlert =
  | { kind: 'customer-dissatisfied'; key: string; ticket: StaffTicketView; counter: CounterView | null }
  | { kind: 'queue-over-service-level'; key: string; queue: QueueView; waitedMinutes: number }
  | { kind: 'counter-paused-long'; key: string; counter: CounterView; pausedMinutes: number; waiting: number }
  | { kind: 'callover-unanswered'; key: string; referral: ReferralView; seconds: number }
  | { kind: 'callover-passed-over'; key: string; referral: ReferralView }
  | { kind: 'callover-declined'; key: string; referral: ReferralView }
  | { kind: 'rm-late'; key: string; referral: ReferralView; minutesLate: number };

export interface HallAlertInput {
  hall: HallState;
  referrals: readonly ReferralView[];
  settings: Pick<BranchSettingsView, 'serviceLevelMinutes' | 'calloverAnswerSeconds'>;
  /** Today's rated visits the screen heard of (`ticket.rated`): a dissatisfied customer may still be in the hall. */
  rated?: readonly StaffTicketView[];
  /** The server's time now (epoch ms). */
  now: number;
}

const minutesBetween = (from: string, now: number) => Math.floor((now - Date.parse(from)) / 60_000);

/** The calendar day of an instant in the branch's time zone (YYYY-MM-DD). */
function localDay(at: string | number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(at),
    );
  } catch {
    return new Date(at).toISOString().slice(0, 10);
  }
}

/**
 * The lobby manager's alerts, derived from the live hall and the referral board (pure: the screen calls
 * it again as time passes):
 * - a queue whose longest wait is beyond the branch's service level;
 * - a counter paused for longer than the service level while its queues have customers: they wait longer
 *   than the branch promises;
 * - today's RM call-overs that need the lobby manager: unanswered past the answer time, passed over to
 *   another RM, declined by every RM, or an RM who asked for N minutes and is late;
 * - a customer who rated a visit "dissatisfied" (domain.md §8: the duty manager follows up at once).
 * Most urgent kinds first.
 */
export function hallAlerts({ hall, referrals, settings, now, rated = [] }: HallAlertInput): HallAlert[] {
  const alerts: HallAlert[] = [];

  for (const ticket of rated) {
    if (ticket.rating?.grade !== 'dissatisfied') continue;
    const counter = hall.counters.find((candidate) => candidate.id === ticket.rating?.counterId) ?? null;
    alerts.push({ kind: 'customer-dissatisfied', key: `rating:${ticket.id}`, ticket, counter });
  }
  const level = settings.serviceLevelMinutes;

  for (const queue of hall.queues) {
    if (!queue.longestWaitingSince) continue;
    const waitedMinutes = minutesBetween(queue.longestWaitingSince, now);
    if (waitedMinutes > level)
      alerts.push({ kind: 'queue-over-service-level', key: `queue:${queue.code}`, queue, waitedMinutes });
  }

  for (const counter of hall.counters) {
    if (counter.status !== 'paused' || !counter.pausedAt) continue;
    const pausedMinutes = minutesBetween(counter.pausedAt, now);
    const served = new Set(counter.queues.map((entry) => entry.queue));
    const waiting = hall.queues
      .filter((queue) => served.has(queue.code))
      .reduce((sum, queue) => sum + queue.waiting, 0);
    if (pausedMinutes >= level && waiting > 0) {
      alerts.push({ kind: 'counter-paused-long', key: `counter:${counter.id}`, counter, pausedMinutes, waiting });
    }
  }

  const today = localDay(now, hall.timeZone);
  for (const referral of referrals) {
    if (localDay(referral.createdAt, hall.timeZone) !== today) continue;
    const key = `referral:${referral.id}:${referral.status}:${referral.passedOver.length}`;
    if (referral.status === 'declined') {
      alerts.push({ kind: 'callover-declined', key, referral });
    } else if (referral.status === 'alerted' && referral.customerHasTime && referral.alertedAt) {
      const seconds = Math.floor((now - Date.parse(referral.alertedAt)) / 1000);
      if (seconds >= settings.calloverAnswerSeconds) {
        alerts.push({ kind: 'callover-unanswered', key, referral, seconds });
      } else if (referral.passedOver.length > 0) {
        alerts.push({ kind: 'callover-passed-over', key, referral });
      }
    } else if (referral.status === 'deferred' && referral.respondedAt && referral.deferMinutes !== null) {
      const minutesLate = minutesBetween(referral.respondedAt, now) - referral.deferMinutes;
      if (minutesLate > 0) alerts.push({ kind: 'rm-late', key, referral, minutesLate });
    }
  }

  const order: HallAlert['kind'][] = [
    'customer-dissatisfied',
    'callover-declined',
    'callover-unanswered',
    'rm-late',
    'callover-passed-over',
    'queue-over-service-level',
    'counter-paused-long',
  ];
  return alerts.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
