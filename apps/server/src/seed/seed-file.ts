import {
  BUSINESS_CATEGORIES,
  COUNTER_KINDS,
  DESTINATIONS,
  DEVICE_KINDS,
  DIVERSION_SIGNALS,
  type IdentificationRules,
  type LocalizedText,
  STAFF_ROLES,
} from '@lobbyflow/contracts';
import {
  businessDayOf,
  isValidTimeZone,
  type Route,
  type SignalRule,
  validateFollowUpCadence,
  validateIdentificationRules,
  validateLadder,
} from '@lobbyflow/domain';
import { parse } from 'yaml';
import type { BranchSettings } from '../branches/branch.entity';

/** The readable seed file (apps/server/seed/demo-branch.yaml): one branch and everything it needs. */
export interface SeedFile {
  branch: { code: string; name: LocalizedText; timeZone: string; dayStartsAt: string };
  settings: BranchSettings;
  queues: { code: string; prefix: string; destination: (typeof DESTINATIONS)[number]; name: LocalizedText }[];
  businessTypes: {
    code: string;
    name: LocalizedText;
    category: (typeof BUSINESS_CATEGORIES)[number];
    icon: string;
    typicalServiceMinutes: number;
    routes: Route[];
    signals: SignalRule[];
  }[];
  counters: {
    code: string;
    name: LocalizedText;
    kind: (typeof COUNTER_KINDS)[number];
    queues: { queue: string; weight: number }[];
  }[];
  staff: {
    username: string;
    displayName: string;
    role: (typeof STAFF_ROLES)[number];
    counter?: string;
    specialties?: string[];
  }[];
  devices: { kind: (typeof DEVICE_KINDS)[number]; name: string }[];
}

/**
 * Parses and checks a seed file. A mistake stops the start with a message that names the place in the
 * file, e.g. `businessTypes[2].routes[0].queue: unknown queue "X"`.
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

  check(/^[a-z0-9-]{1,32}$/.test(seed.branch?.code ?? ''), 'branch.code', 'must be lower-case letters, digits, dashes');
  text2(seed.branch?.name, 'branch.name');
  check(isValidTimeZone(seed.branch?.timeZone ?? ''), 'branch.timeZone', 'must be an IANA zone or +HH:MM');
  check(
    (() => {
      try {
        businessDayOf(new Date(), 'UTC', seed.branch?.dayStartsAt ?? '');
        return true;
      } catch {
        return false;
      }
    })(),
    'branch.dayStartsAt',
    'must be a time like 00:00',
  );

  const thresholds = seed.settings?.thresholds ?? {};
  for (const [name, value] of Object.entries(thresholds)) {
    check(typeof value === 'number' && value >= 0, `settings.thresholds.${name}`, 'must be a number >= 0');
  }
  const lifecycle = seed.settings?.lifecycle;
  check(
    Number.isInteger(lifecycle?.recallDelaySeconds) && lifecycle.recallDelaySeconds >= 0,
    'settings.lifecycle.recallDelaySeconds',
    'must be a whole number >= 0',
  );
  check(
    Number.isInteger(lifecycle?.noShowAfterRecalls) && lifecycle.noShowAfterRecalls >= 0,
    'settings.lifecycle.noShowAfterRecalls',
    'must be a whole number >= 0',
  );
  check(
    Number.isInteger(lifecycle?.returnHoldSeconds) && lifecycle.returnHoldSeconds >= 0,
    'settings.lifecycle.returnHoldSeconds',
    'must be a whole number >= 0',
  );
  const policy = seed.settings?.callPolicy;
  check(
    policy?.maxPriorityInRow === null ||
      (Number.isInteger(policy?.maxPriorityInRow) && (policy?.maxPriorityInRow ?? 0) >= 1),
    'settings.callPolicy.maxPriorityInRow',
    'must be a whole number >= 1 or null',
  );
  check(
    typeof policy?.agingMinutes === 'number' && policy.agingMinutes > 0,
    'settings.callPolicy.agingMinutes',
    'must be a number > 0',
  );
  check(typeof seed.settings?.serviceLevelMinutes === 'number', 'settings.serviceLevelMinutes', 'must be a number');
  check(
    Array.isArray(seed.settings?.pauseReasons) && seed.settings.pauseReasons.length > 0,
    'settings.pauseReasons',
    'must list at least one reason',
  );

  const queueCodes = new Set<string>();
  (seed.queues ?? []).forEach((queue, i) => {
    const where = `queues[${i}]`;
    check(/^[A-Za-z0-9-]{1,16}$/.test(queue.code ?? ''), `${where}.code`, 'must be a short code');
    check(!queueCodes.has(queue.code), `${where}.code`, `duplicate queue "${queue.code}"`);
    check(/^[A-Z]{1,4}$/.test(queue.prefix ?? ''), `${where}.prefix`, 'must be 1-4 capital letters');
    oneOf(queue.destination, DESTINATIONS, `${where}.destination`);
    text2(queue.name, `${where}.name`);
    queueCodes.add(queue.code);
  });
  check(queueCodes.size > 0, 'queues', 'must list at least one queue');
  const vip = seed.settings?.vipRouting;
  (seed.settings?.tierLadders ?? []).forEach((ladder, i) =>
    validateLadder(ladder).forEach((problem) =>
      problems.push(`settings.tierLadders[${i}].${problem.path}: ${problem.message}`),
    ),
  );
  const callover = seed.settings?.callover;
  check(
    Number.isInteger(callover?.answerSeconds) && (callover?.answerSeconds ?? 0) > 0,
    'settings.callover.answerSeconds',
    'must be a whole number > 0',
  );
  check(
    typeof callover?.needs === 'object' && callover.needs !== null,
    'settings.callover.needs',
    'must map business types or signals to needs',
  );
  if (seed.settings?.followUp) {
    validateFollowUpCadence(seed.settings.followUp).forEach((problem) =>
      problems.push(`settings.followUp.${problem.path}: ${problem.message}`),
    );
  }
  if (seed.settings?.identification) {
    validateIdentificationRules(seed.settings.identification).forEach((problem) =>
      problems.push(`settings.identification.${problem.path}: ${problem.message}`),
    );
    missingSignals(seed.settings.identification, seed.businessTypes ?? []).forEach((code) =>
      problems.push(`settings.identification.signals: no rule for the signal "${code}" that a business type raises`),
    );
  } else {
    problems.push('settings.identification: the identification rules are required');
  }
  if (vip) {
    check(queueCodes.has(vip.queue), 'settings.vipRouting.queue', `unknown queue "${vip.queue}"`);
    text2(vip.advice, 'settings.vipRouting.advice');
  }

  const checkCondition = (when: Route['when'], where: string) => {
    for (const key of ['amountAtMost', 'amountAtLeast'] as const) {
      if (when?.[key] !== undefined)
        check(when[key] in thresholds, `${where}.${key}`, `unknown threshold "${when[key]}"`);
    }
  };
  (seed.businessTypes ?? []).forEach((type, i) => {
    const where = `businessTypes[${i}]`;
    check(/^[a-z0-9-]{1,32}$/.test(type.code ?? ''), `${where}.code`, 'must be a lower-case code');
    text2(type.name, `${where}.name`);
    oneOf(type.category, BUSINESS_CATEGORIES, `${where}.category`);
    check(
      Number.isInteger(type.typicalServiceMinutes) && type.typicalServiceMinutes > 0,
      `${where}.typicalServiceMinutes`,
      'must be a whole number > 0',
    );
    check(Array.isArray(type.routes) && type.routes.length > 0, `${where}.routes`, 'must list at least one route');
    (type.routes ?? []).forEach((route, j) => {
      const at = `${where}.routes[${j}]`;
      oneOf(route.destination, DESTINATIONS, `${at}.destination`);
      if (route.destination !== 'self-service')
        check(queueCodes.has(route.queue ?? ''), `${at}.queue`, `unknown queue "${route.queue}"`);
      text2(route.advice, `${at}.advice`);
      checkCondition(route.when, `${at}.when`);
    });
    const last = type.routes?.[type.routes.length - 1];
    check(
      last && !last.when && last.destination !== 'self-service',
      `${where}.routes`,
      'must end with an unconditional counter route',
    );
    (type.signals ?? []).forEach((signal, j) => {
      oneOf(signal.signal, DIVERSION_SIGNALS, `${where}.signals[${j}].signal`);
      checkCondition(signal.when, `${where}.signals[${j}].when`);
    });
  });

  const counterCodes = new Set<string>();
  (seed.counters ?? []).forEach((counter, i) => {
    const where = `counters[${i}]`;
    check(/^[A-Za-z0-9-]{1,16}$/.test(counter.code ?? ''), `${where}.code`, 'must be a short code');
    check(!counterCodes.has(counter.code), `${where}.code`, `duplicate counter "${counter.code}"`);
    oneOf(counter.kind, COUNTER_KINDS, `${where}.kind`);
    text2(counter.name, `${where}.name`);
    (counter.queues ?? []).forEach((served, j) => {
      check(queueCodes.has(served.queue), `${where}.queues[${j}].queue`, `unknown queue "${served.queue}"`);
      check(
        typeof served.weight === 'number' && served.weight > 0,
        `${where}.queues[${j}].weight`,
        'must be a number > 0',
      );
    });
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
  (seed.devices ?? []).forEach((device, i) => oneOf(device.kind, DEVICE_KINDS, `devices[${i}].kind`));

  if (problems.length) throw new Error(`Seed file is invalid:\n  ${problems.join('\n  ')}`);
  return seed;
}

/** Signals the diversion table raises that the identification rules do not define (each must be). */
export function missingSignals(rules: IdentificationRules, businessTypes: { signals: SignalRule[] }[]): string[] {
  const defined = new Set(rules.signals.map((signal) => signal.code));
  const raised = new Set(businessTypes.flatMap((type) => type.signals.map((rule) => rule.signal)));
  return [...raised].filter((code) => !defined.has(code));
}
