import { AUDIT_TEXT_LIMIT, auditText, describeChanges } from './change-summary';

describe('describeChanges (what an admin change did, for the audit log)', () => {
  it('lists only the fields that changed, down to nested fields', () => {
    const before = { serviceLevelMinutes: 10, lifecycle: { recallDelaySeconds: 30, noShowAfterRecalls: 2 } };
    const after = { serviceLevelMinutes: 10, lifecycle: { recallDelaySeconds: 45, noShowAfterRecalls: 2 } };
    expect(describeChanges(before, after)).toEqual(['lifecycle.recallDelaySeconds: 30 → 45']);
  });

  it('names added and removed fields, such as a threshold', () => {
    const before = { thresholds: { smallCashLimit: 20000, oldLine: 5 } };
    const after = { thresholds: { smallCashLimit: 10000, newLine: 7 } };
    expect(describeChanges(before, after)).toEqual([
      'thresholds.smallCashLimit: 20000 → 10000',
      'thresholds.newLine: (none) → 7',
      'thresholds.oldLine: 5 → (none)',
    ]);
  });

  it('follows lists item by item, and cuts long values short', () => {
    const before = {
      queues: [
        { queue: 'A', weight: 2 },
        { queue: 'B', weight: 1 },
      ],
      specialties: ['fx'],
    };
    const after = {
      queues: [
        { queue: 'A', weight: 1 },
        { queue: 'B', weight: 5 },
      ],
      specialties: [],
    };
    expect(describeChanges(before, after)).toEqual([
      'queues[0].weight: 2 → 1',
      'queues[1].weight: 1 → 5',
      'specialties[0]: "fx" → (none)',
    ]);
    const [long] = describeChanges({ advice: 'short' }, { advice: 'x'.repeat(100) });
    expect(long).toBe(`advice: "short" → "${'x'.repeat(38)}…`);
  });

  it('lists every field of a creation', () => {
    expect(describeChanges(null, { code: 'D', prefix: 'D', name: { zh: '外币', en: 'FX' } })).toEqual([
      'code: "D"',
      'prefix: "D"',
      'name.zh: "外币"',
      'name.en: "FX"',
    ]);
  });

  it('reports nothing when nothing changed', () => {
    expect(describeChanges({ a: 1, b: { c: [1] } }, { a: 1, b: { c: [1] } })).toEqual([]);
  });
});

describe('auditText', () => {
  it('puts the subject first and fits the audit column', () => {
    expect(auditText('queue A', ['prefix: "A" → "Q"'])).toBe('queue A: prefix: "A" → "Q"');
    expect(auditText('counter 3')).toBe('counter 3');
    const long = auditText(
      'settings',
      Array.from({ length: 30 }, (_, i) => `field${i}: 1 → 2`),
    );
    expect(long).toHaveLength(AUDIT_TEXT_LIMIT);
    expect(long.endsWith('…')).toBe(true);
  });
});
