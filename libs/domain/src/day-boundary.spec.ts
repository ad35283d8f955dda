import { dayBoundaryChangeRefusal, dayBoundaryEffect } from './day-boundary';

/** 20:00 in Shanghai (UTC+8) on Monday 2026-11-23: the branch is in business day 2026-11-23. */
const evening = new Date('2026-11-23T12:00:00Z');
/** 10:00 in Shanghai. */
const morning = new Date('2026-11-23T02:00:00Z');
const shanghai = { timeZone: 'Asia/Shanghai', dayStartsAt: '00:00' };

describe('changing the time zone or the day start', () => {
  it('is the same day when the new settings agree on the date', () => {
    expect(dayBoundaryEffect(evening, '2026-11-23', shanghai)).toBe('same-day');
    expect(dayBoundaryEffect(evening, '2026-11-23', { timeZone: '+08:00', dayStartsAt: '04:00' })).toBe('same-day');
  });

  it('extends the day when the new settings are still on the previous date', () => {
    // 10:00 Shanghai is 21:00 on Sunday in New York: today keeps its date until New York's Tuesday.
    expect(dayBoundaryEffect(morning, '2026-11-23', { timeZone: 'America/New_York', dayStartsAt: '00:00' })).toBe(
      'extends-day',
    );
    // A later day start puts 02:00 local back into yesterday.
    const twoAm = new Date('2026-11-23T18:00:00Z'); // 02:00 Shanghai on the 24th
    expect(dayBoundaryEffect(twoAm, '2026-11-24', { ...shanghai, dayStartsAt: '04:00' })).toBe('extends-day');
  });

  it('would end the day now when the new settings are already on the next date', () => {
    // 20:00 Shanghai is 02:00 on Tuesday at UTC+14 (Kiritimati).
    expect(dayBoundaryEffect(evening, '2026-11-23', { timeZone: 'Pacific/Kiritimati', dayStartsAt: '00:00' })).toBe(
      'ends-day-now',
    );
  });

  it('refuses ending a day that has tickets (numbers would restart at 001) and allows it on an empty day', () => {
    const kiritimati = { timeZone: 'Pacific/Kiritimati', dayStartsAt: '00:00' };
    const refusal = dayBoundaryChangeRefusal(evening, '2026-11-23', kiritimati, 12);
    expect(refusal).toContain('would end business day 2026-11-23 now');
    expect(refusal).toContain('2026-11-24');
    expect(refusal).toContain('12 ticket(s)');
    expect(dayBoundaryChangeRefusal(evening, '2026-11-23', kiritimati, 0)).toBeNull();
  });

  it('never refuses a change that keeps or extends the day, whatever the tickets', () => {
    expect(dayBoundaryChangeRefusal(evening, '2026-11-23', { ...shanghai, dayStartsAt: '03:00' }, 40)).toBeNull();
    expect(
      dayBoundaryChangeRefusal(morning, '2026-11-23', { timeZone: 'America/New_York', dayStartsAt: '00:00' }, 40),
    ).toBeNull();
  });
});
