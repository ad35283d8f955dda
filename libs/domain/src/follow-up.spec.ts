import { addDays, DEFAULT_FOLLOW_UP, isFollowUpDue, nextContactDay, validateFollowUpCadence } from './follow-up';

describe('follow-up cadence (domain.md §6)', () => {
  it.each([
    ['A', '2026-11-24'],
    ['B', '2026-11-30'],
    ['C', '2026-12-08'],
    ['D', '2026-12-23'],
    ['E', '2027-11-23'],
  ] as const)('schedules grade %s after a contact on 2026-11-23 for %s', (grade, day) => {
    expect(nextContactDay('2026-11-23', grade, DEFAULT_FOLLOW_UP)).toBe(day);
  });

  it('counts calendar days across month ends, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('is due on its day and stays due until a contact moves it', () => {
    expect(isFollowUpDue('2026-11-23', '2026-11-22')).toBe(false);
    expect(isFollowUpDue('2026-11-23', '2026-11-23')).toBe(true);
    expect(isFollowUpDue('2026-11-23', '2026-12-01')).toBe(true);
    expect(isFollowUpDue(null, '2026-12-01')).toBe(false);
  });

  it('accepts the seed cadence and refuses missing grades, fractions and an inverted order', () => {
    expect(validateFollowUpCadence(DEFAULT_FOLLOW_UP)).toEqual([]);
    const broken = {
      firstContactDays: 0.5,
      grades: { ...DEFAULT_FOLLOW_UP.grades, B: { ...DEFAULT_FOLLOW_UP.grades.B, everyDays: 400 } },
    };
    delete (broken.grades as Partial<typeof broken.grades>).E;
    expect(validateFollowUpCadence(broken).map((problem) => problem.path)).toEqual([
      'firstContactDays',
      'grades.C.everyDays', // 15 after B's 400
      'grades.E.everyDays',
    ]);
  });
});
