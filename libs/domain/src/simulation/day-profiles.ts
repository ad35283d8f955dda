/**
 * Simulated days (issue #7): when customers arrive, what they come for, and which counters close. The
 * branch itself (queues, counters, weights, typical service times) comes from the branch configuration.
 */
export interface DayProfile {
  name: string;
  description: string;
  /** Opening and closing time, minutes after midnight (branch-local). */
  opensAt: number;
  closesAt: number;
  /** Arrivals per hour at a minute of the day, before the month factor. */
  arrivalsPerHour: (minute: number) => number;
  /** Counters closed for a while (lunch), by counter code. */
  closures: { counter: string; from: number; to: number }[];
}

/** Share of arrivals by business type (demo codes; an unknown code gets the average share). */
export const DEFAULT_BUSINESS_MIX: Readonly<Record<string, number>> = {
  'cash-deposit': 0.22,
  'cash-withdrawal': 0.18,
  'bill-payment': 0.08,
  transfer: 0.14,
  'account-opening': 0.08,
  'card-service': 0.14,
  'wealth-enquiry': 0.06,
  fx: 0.04,
  corporate: 0.06,
};

/** Shares of priority classes among arrivals (elderly, disabled, pregnant; known VIPs). */
export const PRIORITY_SHARE = 0.06;
export const VIP_SHARE = 0.03;

const hour = (h: number, m = 0) => h * 60 + m;

/** A smooth bump around `center` (minutes) of the given width: 1 at the centre, ~0 two widths away. */
function bump(minute: number, center: number, width: number): number {
  return Math.exp(-(((minute - center) / width) ** 2));
}

/**
 * Queues peak mid-month (domain.md §8: salaries, bills): arrivals rise by up to 30% around the 15th.
 */
export function monthFactor(dayOfMonth: number): number {
  return 1 + 0.3 * bump(dayOfMonth, 15, 5);
}

/** The demo branch's ordinary rate: its six teller counters busy about three quarters of the time. */
const BASE_PER_HOUR = 52;

export const DAY_PROFILES: Readonly<Record<string, DayProfile>> = {
  steady: {
    name: 'steady',
    description: 'an even day: about 52 customers an hour, a little busier before lunch',
    opensAt: hour(9),
    closesAt: hour(17),
    arrivalsPerHour: (minute) => BASE_PER_HOUR * (0.9 + 0.2 * bump(minute, hour(11), 90)),
    closures: [],
  },
  surge: {
    name: 'surge',
    description: 'a mid-morning surge: arrivals more than double between 10:00 and 11:30',
    opensAt: hour(9),
    closesAt: hour(17),
    arrivalsPerHour: (minute) => BASE_PER_HOUR * (0.75 + 1.5 * bump(minute, hour(10, 45), 40)),
    closures: [],
  },
  lunch: {
    name: 'lunch',
    description: 'counters 2 and 4 close for lunch, 12:00-13:30, while customers keep coming',
    opensAt: hour(9),
    closesAt: hour(17),
    arrivalsPerHour: (minute) => BASE_PER_HOUR * (0.85 + 0.3 * bump(minute, hour(12, 30), 60)),
    closures: [
      { counter: '2', from: hour(12), to: hour(13, 30) },
      { counter: '4', from: hour(12), to: hour(13, 30) },
    ],
  },
};

export function dayProfile(name: string): DayProfile {
  const profile = DAY_PROFILES[name];
  if (!profile) {
    throw new Error(`Unknown day profile "${name}"; profiles: ${Object.keys(DAY_PROFILES).join(', ')}.`);
  }
  return profile;
}
