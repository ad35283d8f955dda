import { businessDayOf, formatTicketNumber, isValidTimeZone } from './numbering';
import { domainErrorOf } from '../testing/domain-error-of';

const at = (iso: string) => new Date(iso);

describe('businessDayOf', () => {
  describe('Asia/Shanghai (UTC+8, no DST)', () => {
    it.each([
      ['2026-11-23T15:59:59Z', '2026-11-23'], // 23:59:59 local
      ['2026-11-23T15:59:59.999Z', '2026-11-23'], // the last instant of the local day
      ['2026-11-23T16:00:00Z', '2026-11-24'], // 00:00 local
      ['2026-11-23T00:00:00Z', '2026-11-23'], // 08:00 local: UTC midnight is no boundary here
      ['2026-12-31T16:00:00Z', '2027-01-01'], // local New Year
    ])('%s is business day %s', (instant, day) => {
      expect(businessDayOf(at(instant), 'Asia/Shanghai')).toBe(day);
    });

    it('defaults the day start to midnight', () => {
      const instant = at('2026-11-23T16:00:00Z');
      expect(businessDayOf(instant, 'Asia/Shanghai')).toBe(businessDayOf(instant, 'Asia/Shanghai', '00:00'));
    });
  });

  describe('fixed UTC offsets', () => {
    it.each([
      ['+08:00', '2026-11-23T15:59:59Z', '2026-11-23'],
      ['+08:00', '2026-11-23T16:00:00Z', '2026-11-24'],
      ['-05:30', '2026-11-24T05:29:59Z', '2026-11-23'], // 23:59:59 local
      ['-05:30', '2026-11-24T05:30:00Z', '2026-11-24'], // 00:00 local
      ['+05:45', '2026-11-23T18:14:59Z', '2026-11-23'], // 23:59:59 local
      ['+05:45', '2026-11-23T18:15:00Z', '2026-11-24'], // 00:00 local
      ['+00:00', '2026-11-23T23:59:59Z', '2026-11-23'],
      ['+00:00', '2026-11-24T00:00:00Z', '2026-11-24'],
      ['+14:00', '2026-11-23T10:00:00Z', '2026-11-24'],
      ['-12:00', '2026-11-24T11:59:59Z', '2026-11-23'],
    ])('%s: %s is business day %s', (zone, instant, day) => {
      expect(businessDayOf(at(instant), zone)).toBe(day);
    });

    it('agrees with the equivalent named zone', () => {
      for (const iso of ['2026-11-23T15:59:59Z', '2026-11-23T16:00:00Z', '2026-06-30T20:00:00Z']) {
        expect(businessDayOf(at(iso), '+08:00')).toBe(businessDayOf(at(iso), 'Asia/Shanghai'));
      }
    });
  });

  describe('America/New_York (DST)', () => {
    it.each([
      // Sunday 2026-03-08 starts in EST (UTC-5); clocks jump 02:00 -> 03:00, then EDT (UTC-4).
      ['2026-03-08T04:59:59Z', '2026-03-07'], // 23:59:59 EST
      ['2026-03-08T05:00:00Z', '2026-03-08'], // 00:00 EST
      ['2026-03-08T07:30:00Z', '2026-03-08'], // 03:30 EDT, just after the jump
      ['2026-03-09T03:59:59Z', '2026-03-08'], // 23:59:59 EDT
      ['2026-03-09T04:00:00Z', '2026-03-09'], // 00:00 EDT: the boundary moved by an hour in UTC
      // Sunday 2026-11-01 starts in EDT (UTC-4); clocks fall back 02:00 -> 01:00, then EST (UTC-5).
      ['2026-11-01T03:59:59Z', '2026-10-31'], // 23:59:59 EDT
      ['2026-11-01T04:00:00Z', '2026-11-01'], // 00:00 EDT
      ['2026-11-01T05:30:00Z', '2026-11-01'], // 01:30 EDT, first time round
      ['2026-11-01T06:30:00Z', '2026-11-01'], // 01:30 EST, second time round
      ['2026-11-02T04:59:59Z', '2026-11-01'], // 23:59:59 EST: a 25-hour day
      ['2026-11-02T05:00:00Z', '2026-11-02'], // 00:00 EST
    ])('%s is business day %s', (instant, day) => {
      expect(businessDayOf(at(instant), 'America/New_York')).toBe(day);
    });

    it('applies a 04:00 day start in local time on both sides of the spring jump', () => {
      expect(businessDayOf(at('2026-03-08T07:59:59Z'), 'America/New_York', '04:00')).toBe('2026-03-07'); // 03:59:59 EDT
      expect(businessDayOf(at('2026-03-08T08:00:00Z'), 'America/New_York', '04:00')).toBe('2026-03-08'); // 04:00 EDT
      expect(businessDayOf(at('2026-03-07T09:00:00Z'), 'America/New_York', '04:00')).toBe('2026-03-07'); // 04:00 EST
    });
  });

  describe('a DST-free zone (Asia/Kolkata, UTC+5:30)', () => {
    it.each([
      ['2026-03-08T18:29:59Z', '2026-03-08'],
      ['2026-03-08T18:30:00Z', '2026-03-09'],
      ['2026-07-15T18:29:59Z', '2026-07-15'],
      ['2026-07-15T18:30:00Z', '2026-07-16'],
    ])('%s is business day %s all year round', (instant, day) => {
      expect(businessDayOf(at(instant), 'Asia/Kolkata')).toBe(day);
    });
  });

  describe('day start other than midnight', () => {
    it('counts 02:30 local as the previous day when the day starts at 04:00', () => {
      // 2026-11-24 02:30 in Shanghai
      expect(businessDayOf(at('2026-11-23T18:30:00Z'), 'Asia/Shanghai', '04:00')).toBe('2026-11-23');
    });

    it('starts the new day exactly at 04:00 local', () => {
      expect(businessDayOf(at('2026-11-23T19:59:59Z'), 'Asia/Shanghai', '04:00')).toBe('2026-11-23'); // 03:59:59
      expect(businessDayOf(at('2026-11-23T20:00:00Z'), 'Asia/Shanghai', '04:00')).toBe('2026-11-24'); // 04:00
    });

    it('steps back across month and year ends', () => {
      expect(businessDayOf(at('2026-12-31T18:30:00Z'), 'Asia/Shanghai', '04:00')).toBe('2026-12-31'); // 2027-01-01 02:30
      expect(businessDayOf(at('2027-02-28T18:30:00Z'), 'Asia/Shanghai', '04:00')).toBe('2027-02-28'); // 2027-03-01 02:30
      expect(businessDayOf(at('2028-02-29T18:30:00Z'), 'Asia/Shanghai', '04:00')).toBe('2028-02-29'); // 2028-03-01 02:30
    });

    it('works with fixed offsets too', () => {
      expect(businessDayOf(at('2026-11-24T08:00:00Z'), '-05:30', '04:00')).toBe('2026-11-23'); // 02:30 local
      expect(businessDayOf(at('2026-11-24T09:30:00Z'), '-05:30', '04:00')).toBe('2026-11-24'); // 04:00 local
    });
  });

  describe('invalid configuration', () => {
    it.each(['Mars/Olympus', 'Asia/Shanghia', '', '+8:00', '08:00'])('rejects the time zone %p', (zone) => {
      const error = domainErrorOf(() => businessDayOf(at('2026-11-23T16:00:00Z'), zone));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain(`"${zone}"`);
    });

    it.each(['4:00', '24:00', '12:60', '04:00:00', 'noon', ''])('rejects the day start %p', (dayStartsAt) => {
      const error = domainErrorOf(() => businessDayOf(at('2026-11-23T16:00:00Z'), 'Asia/Shanghai', dayStartsAt));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain(`"${dayStartsAt}"`);
    });
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'UTC', '+08:00', '-05:30', '+05:45', '+00:00'])(
    'accepts %p',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );

  it.each(['Mars/Olympus', 'Asia/Shanghia', '', 'GMT+8:00', '+8:00', '+08:60', '08:00'])('rejects %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('formatTicketNumber', () => {
  it.each([
    ['A', 1, 'A001'],
    ['A', 42, 'A042'],
    ['B', 100, 'B100'],
    ['A', 999, 'A999'],
    ['A', 1000, 'A1000'],
    ['V', 12345, 'V12345'],
  ])('%s + %i -> %s', (prefix, sequence, number) => {
    expect(formatTicketNumber(prefix, sequence)).toBe(number);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the sequence %p', (sequence) => {
    const error = domainErrorOf(() => formatTicketNumber('A', sequence));
    expect(error.code).toBe('VALIDATION_FAILED');
  });
});
