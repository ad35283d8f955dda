import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseSeedFile } from './seed-file';

const demoText = readFileSync(join(__dirname, '../../seed/demo-branch.yaml'), 'utf8');

/** The parsed YAML before validation: a test edits it freely to break one thing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw YAML tree under test
type Seed = any;

/** The demo seed with one change applied. */
function demoWith(change: (seed: Seed) => void): string {
  const seed = parse(demoText);
  change(seed);
  return stringify(seed);
}

describe('parseSeedFile', () => {
  it('accepts the demo branch with everything issue #2 asks for', () => {
    const seed = parseSeedFile(demoText);
    expect(seed.branch.code).toBe('demo');
    expect(seed.businessTypes.map((type) => type.code)).toEqual(
      expect.arrayContaining(['cash-deposit', 'cash-withdrawal', 'bill-payment', 'transfer', 'account-opening']),
    );
    expect(seed.queues.map((queue) => queue.code)).toEqual(['A', 'B', 'V', 'W', 'C']);
    expect(seed.counters.filter((counter) => counter.kind !== 'rm-desk')).toHaveLength(6);
    expect(seed.staff.map((person) => person.username)).toEqual([
      'admin',
      'lobby',
      'teller1',
      'teller2',
      'teller3',
      'teller4',
      'teller5',
      'teller6',
      'rm1',
      'rm2',
    ]);
    expect(seed.staff.filter((person) => person.role === 'rm').every((rm) => (rm.specialties ?? []).length > 0)).toBe(
      true,
    );
    expect(seed.devices.filter((device) => device.kind !== 'rating-pad').map((device) => device.kind)).toEqual([
      'kiosk',
      'display',
    ]);
    // A rating pad on every teller counter.
    expect(seed.devices.filter((device) => device.kind === 'rating-pad').map((device) => device.counter)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it.each([
    [
      'an unknown queue in a route',
      (s: Seed) => (s.businessTypes[0].routes[1].queue = 'X'),
      'businessTypes[0].routes[1].queue: unknown queue "X"',
    ],
    [
      'an unknown threshold',
      (s: Seed) => (s.businessTypes[0].routes[0].when.amountAtMost = 'tiny'),
      'unknown threshold "tiny"',
    ],
    [
      'a table ending in self-service',
      (s: Seed) => s.businessTypes[2].routes.pop(),
      'businessTypes[2].routes: must end with an unconditional counter route',
    ],
    ['a bad time zone', (s: Seed) => (s.branch.timeZone = 'Mars/Olympus'), 'branch.timeZone'],
    [
      'a counter serving an unknown queue',
      (s: Seed) => s.counters[0].queues.push({ queue: 'Z', weight: 1 }),
      'counters[0].queues[2].queue',
    ],
    ['a zero weight', (s: Seed) => (s.counters[1].queues[0].weight = 0), 'counters[1].queues[0].weight'],
    [
      'a duplicate username',
      (s: Seed) => (s.staff[3].username = 'teller1'),
      'staff[3].username: duplicate user "teller1"',
    ],
    ['staff at an unknown counter', (s: Seed) => (s.staff[2].counter = '99'), 'staff[2].counter: unknown counter "99"'],
    ['a wrong role', (s: Seed) => (s.staff[0].role = 'boss'), 'staff[0].role'],
    ['a bad destination', (s: Seed) => (s.queues[0].destination = 'moon'), 'queues[0].destination'],
    [
      'a diversion signal the identification rules do not define',
      (s: Seed) =>
        (s.settings.identification.signals = s.settings.identification.signals.filter(
          (x: Seed) => x.code !== 'large-cash',
        )),
      'no rule for the signal "large-cash"',
    ],
    [
      'a ladder with an empty band',
      (s: Seed) => (s.settings.tierLadders[2].rungs[1].anyOf[0].below = 10),
      'settings.tierLadders[2].rungs[1]',
    ],
    [
      'a negative weight',
      (s: Seed) => (s.settings.identification.signals[0].weight = -1),
      'settings.identification.signals[0]',
    ],
  ])('names the place of %s', (_name, change, expected) => {
    expect(() => parseSeedFile(demoWith(change))).toThrow(expected);
  });
});
