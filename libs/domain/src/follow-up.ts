import { FOLLOW_UP_GRADES, type FollowUpGrade, type LocalizedText, type RuleProblem } from '@lobbyflow/contracts';

/** How often an RM contacts a customer of each grade (domain.md §6), and when the first contact is due. */
export interface FollowUpCadence {
  grades: Record<FollowUpGrade, { everyDays: number; meaning: LocalizedText }>;
  /** Days from a no-time referral to the RM's first contact. */
  firstContactDays: number;
}

/** The playbook's seed figures: A daily, B weekly, C every 15 days, D monthly, E yearly. */
export const DEFAULT_FOLLOW_UP: FollowUpCadence = {
  grades: {
    A: { everyDays: 1, meaning: { zh: '预计1个月内成交，每日跟进', en: 'Expected to convert within a month: daily' } },
    B: { everyDays: 7, meaning: { zh: '预计3个月内成交，每周跟进', en: 'Expected within three months: weekly' } },
    C: {
      everyDays: 15,
      meaning: { zh: '预计6个月内成交，每15天跟进', en: 'Expected within six months: every 15 days' },
    },
    D: { everyDays: 30, meaning: { zh: '仅有潜力，每月跟进', en: 'Potential only: monthly' } },
    E: { everyDays: 365, meaning: { zh: '暂无机会，每年跟进', en: 'No chance for now: yearly' } },
  },
  firstContactDays: 1,
};

/** The day (YYYY-MM-DD) `days` after `day`, on the calendar (no time zone: days are branch-local already). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The next contact for a customer graded `grade` on `contactDay` (the day of the meeting or contact). */
export function nextContactDay(contactDay: string, grade: FollowUpGrade, cadence: FollowUpCadence): string {
  return addDays(contactDay, cadence.grades[grade].everyDays);
}

/** A follow-up is due on its day and stays due (overdue) until the RM records a contact. */
export function isFollowUpDue(nextContactOn: string | null, today: string): boolean {
  return nextContactOn !== null && nextContactOn <= today;
}

/** Problems with a cadence an admin submitted: every grade, whole days, A the most frequent. */
export function validateFollowUpCadence(cadence: FollowUpCadence): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const positiveDays = (value: unknown) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 3660;
  if (!positiveDays(cadence.firstContactDays)) {
    problems.push({ path: 'firstContactDays', message: 'must be a whole number of days from 1 to 3660' });
  }
  let previous = 0;
  for (const grade of FOLLOW_UP_GRADES) {
    const entry = cadence.grades?.[grade];
    if (!entry || !positiveDays(entry.everyDays)) {
      problems.push({ path: `grades.${grade}.everyDays`, message: 'must be a whole number of days from 1 to 3660' });
      continue;
    }
    if (entry.everyDays < previous) {
      problems.push({
        path: `grades.${grade}.everyDays`,
        message: `a lower grade is followed up no more often than a higher one (${entry.everyDays} < ${previous})`,
      });
    }
    previous = entry.everyDays;
  }
  return problems;
}
