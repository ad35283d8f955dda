import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { SeedService } from '../../../apps/server/src/seed/seed.service';
import { demoDeviceKey } from '../../../apps/server/src/auth/secrets';
import { TEST_SECRET, type TestHall } from './test-app';

/** The code of the second branch the authorization tests seed beside the demo branch. */
export const EAST = 'east';

interface SeedShape {
  branch: { code: string; name: { zh: string; en: string } };
  staff: { username: string; displayName: string }[];
  devices: { kind: string; name: string }[];
}

/**
 * Seeds a second branch into the hall's database: the demo branch's configuration under the code `east`,
 * its staff prefixed `east-` (usernames are unique across branches), its own devices. Returns how to act
 * as its people and screens.
 */
export async function seedEastBranch(hall: TestHall) {
  const seed = parse(readFileSync(join(__dirname, '../../../apps/server/seed/demo-branch.yaml'), 'utf8')) as SeedShape;
  seed.branch = { ...seed.branch, code: EAST, name: { zh: '东城支行', en: 'East Branch' } };
  seed.staff = seed.staff.map((person) => ({ ...person, username: `east-${person.username}` }));
  seed.devices = seed.devices.map((device) => ({ ...device, name: `east ${device.name}` }));
  await hall.app.get(SeedService).seedBranch(stringify(seed), 'the east branch of the authorization tests');
  const key = (kind: string) => demoDeviceKey(TEST_SECRET, EAST, seed.devices.find((d) => d.kind === kind)?.name ?? '');
  // The first rating pad stands on counter 1.
  return { kioskKey: key('kiosk'), displayKey: key('display'), ratingPadKey: key('rating-pad') };
}
