import { DEVICE_KINDS, type LocalizedText, type RuleProblem, STAFF_ROLES } from '@lobbyflow/contracts';
import {
  type BusinessTypeConfig,
  type CounterConfig,
  missingSignals,
  prefixProblems,
  type QueueConfig,
  validateBranchIdentity,
  validateBusinessType,
  validateCounter,
  validateHallRules,
  validateIdentificationRules,
  validateLadder,
  validateQueues,
} from '@lobbyflow/domain';
import { parse } from 'yaml';
import type { BranchSettings } from '../branches/branch.entity';

/** The readable seed file (apps/server/seed/demo-branch.yaml): one branch and everything it needs. */
export interface SeedFile {
  branch: { code: string; name: LocalizedText; timeZone: string; dayStartsAt: string };
  settings: BranchSettings;
  queues: QueueConfig[];
  businessTypes: BusinessTypeConfig[];
  counters: CounterConfig[];
  staff: {
    username: string;
    displayName: string;
    role: (typeof STAFF_ROLES)[number];
    counter?: string;
    specialties?: string[];
  }[];
  /** A rating pad names the counter it stands on. */
  devices: { kind: (typeof DEVICE_KINDS)[number]; name: string; counter?: string }[];
}

/**
 * Parses and checks a seed file. A mistake stops the start with a message that names the place in the
 * file, e.g. `businessTypes[2].routes[0].queue: unknown queue "X"`. The checks of settings, queues,
 * business types and counters are libs/domain's, the same the admin API applies to each change.
 */
export function parseSeedFile(text: string): SeedFile {
  const seed = parse(text) as SeedFile;
  const problems: string[] = [];
  const check = (ok: unknown, where: string, message: string) => {
    if (!ok) problems.push(`${where}: ${message}`);
  };
  const text2 = (value: LocalizedText | undefined, where: string) =>
    check(value && typeof value.zh === 'string' && typeof value.en === 'string', where, 'needs { zh, en } text');
  const oneOf = (value: unknown, allowed: readonly string[], where: string) =>
    check(allowed.includes(value as string), where, `must be one of ${allowed.join(', ')}`);

  check(seed && typeof seed === 'object', 'file', 'is not a YAML mapping');
  if (problems.length) throw new Error(`Seed file is invalid:\n  ${problems.join('\n  ')}`);
  const add = (prefix: string, found: RuleProblem[]) =>
    prefixProblems(prefix, found).forEach((problem) => problems.push(`${problem.path}: ${problem.message}`));

  check(/^[a-z0-9-]{1,32}$/.test(seed.branch?.code ?? ''), 'branch.code', 'must be lower-case letters, digits, dashes');
  add('branch', validateBranchIdentity(seed.branch));
  add('settings', validateHallRules(seed.settings));
  check(
    typeof seed.settings?.callover?.needs === 'object' && seed.settings.callover.needs !== null,
    'settings.callover.needs',
    'must map business types or signals to needs',
  );
  (seed.settings?.tierLadders ?? []).forEach((ladder, i) => add(`settings.tierLadders[${i}]`, validateLadder(ladder)));
  if (seed.settings?.identification) {
    add('settings.identification', validateIdentificationRules(seed.settings.identification));
    missingSignals(seed.settings.identification, seed.businessTypes ?? []).forEach((code) =>
      problems.push(`settings.identification.signals: no rule for the signal "${code}" that a business type raises`),
    );
  } else {
    problems.push('settings.identification: the identification rules are required');
  }

  add('queues', validateQueues(seed.queues));
  const queueCodes = (seed.queues ?? []).map((queue) => queue.code);
  const vip = seed.settings?.vipRouting;
  if (vip) {
    check(queueCodes.includes(vip.queue), 'settings.vipRouting.queue', `unknown queue "${vip.queue}"`);
    text2(vip.advice, 'settings.vipRouting.advice');
  }
  const context = { thresholds: seed.settings?.thresholds ?? {}, queues: queueCodes };
  (seed.businessTypes ?? []).forEach((type, i) => add(`businessTypes[${i}]`, validateBusinessType(type, context)));

  const counterCodes = new Set<string>();
  (seed.counters ?? []).forEach((counter, i) => {
    add(`counters[${i}]`, validateCounter(counter, queueCodes));
    check(!counterCodes.has(counter.code), `counters[${i}].code`, `duplicate counter "${counter.code}"`);
    counterCodes.add(counter.code);
  });

  const usernames = new Set<string>();
  (seed.staff ?? []).forEach((person, i) => {
    const where = `staff[${i}]`;
    check(/^[a-z0-9._-]{1,64}$/.test(person.username ?? ''), `${where}.username`, 'must be a lower-case login name');
    check(!usernames.has(person.username), `${where}.username`, `duplicate user "${person.username}"`);
    oneOf(person.role, STAFF_ROLES, `${where}.role`);
    if (person.counter !== undefined)
      check(counterCodes.has(person.counter), `${where}.counter`, `unknown counter "${person.counter}"`);
    usernames.add(person.username);
  });
  (seed.devices ?? []).forEach((device, i) => {
    oneOf(device.kind, DEVICE_KINDS, `devices[${i}].kind`);
    if (device.kind === 'rating-pad') {
      check(counterCodes.has(device.counter ?? ''), `devices[${i}].counter`, 'a rating pad names its counter');
    } else {
      check(device.counter === undefined, `devices[${i}].counter`, 'only a rating pad stands on a counter');
    }
  });

  if (problems.length) throw new Error(`Seed file is invalid:\n  ${problems.join('\n  ')}`);
  return seed;
}
