import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  accuracyOf,
  countersNeeded,
  DAY_PROFILES,
  dayProfile,
  lognormal,
  monthFactor,
  pickWeighted,
  poissonArrivals,
  seededRandom,
  type SimBranch,
  simulateDay,
} from '@lobbyflow/domain';
import { demoDeviceKey } from '../auth/secrets';
import { loadConfig } from '../config/app-config';
import { parseSeedFile } from '../seed/seed-file';
import { simBranchFromSeed } from '../simulation/sim-branch';

const USAGE = `Usage:
  npm run simulate -- --virtual [--day steady|surge|lunch|all] [--seeds 5] [--day-of-month 8]
      Simulated days in virtual time, no server: each estimator's error against the waits customers had,
      and how many counters keep 90% of waits under 10 minutes (simulation vs Erlang C).
  npm run simulate -- --branch demo --day surge [--speed 60] [--url http://localhost:3000] [--seed 1]
      Drives a running server through its public API: a kiosk issuing tickets as customers arrive and
      the demo tellers calling, serving and finishing them, --speed times faster than real time.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false' });
  const seed = parseSeedFile(readFileSync(config.seedFile, 'utf8'));
  const branch = simBranchFromSeed(seed);
  const dayOfMonth = Number(option('day-of-month') ?? 8);
  if (args.includes('--virtual')) {
    const day = option('day') ?? 'all';
    const profiles = day === 'all' ? Object.keys(DAY_PROFILES) : [dayProfile(day).name];
    virtualDays(branch, profiles, Number(option('seeds') ?? 5), dayOfMonth);
    return 0;
  }
  const code = option('branch') ?? seed.branch.code;
  const profile = dayProfile(option('day') ?? 'steady');
  await driveServer({
    url: option('url') ?? `http://localhost:${config.port}`,
    branch: code,
    kioskKey: demoDeviceKey(config.jwtSecret, code, seed.devices.find((device) => device.kind === 'kiosk')?.name ?? ''),
    // Everyone who works at a counter or desk: tellers and RMs (wealth customers queue for the RMs).
    tellers: seed.staff.filter((person) => person.counter).map((person) => person.username),
    password: config.demoPassword,
    simBranch: branch,
    profile: profile.name,
    speed: Number(option('speed') ?? 60),
    seed: Number(option('seed') ?? 1),
    dayOfMonth,
  });
  return 0;
}

/** Prints the accuracy table of the README and the staffing what-if. */
function virtualDays(branch: SimBranch, profiles: string[], seeds: number, dayOfMonth: number): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Simulated days of the demo branch (${seeds} seeded days per profile, day ${dayOfMonth} of the month).`);
  out('Error of the wait each customer was told at the kiosk against the wait they had, in minutes:\n');
  out(
    '| day | customers | mean wait | p90 wait | LobbyFlow MAE | simple MAE | LobbyFlow p90 error | simple p90 error |',
  );
  out('|---|---|---|---|---|---|---|---|');
  const fixed = (value: number) => value.toFixed(1);
  for (const name of profiles) {
    const tickets = Array.from({ length: seeds }, (_, index) =>
      simulateDay(branch, DAY_PROFILES[name], { seed: index + 1, dayOfMonth }),
    ).flatMap((day) => day.tickets);
    const report = accuracyOf(tickets);
    out(
      `| ${name} | ${report.customers} | ${fixed(report.meanWaitMinutes)} | ${fixed(report.p90WaitMinutes)} | ` +
        `${fixed(report.lobbyflow.mae)} | ${fixed(report.simple.mae)} | ${fixed(report.lobbyflow.p90)} | ${fixed(report.simple.p90)} |`,
    );
  }
  // The what-if pools the teller counters' business (not the RMs') into one line of identical counters.
  const tellerQueues = new Set(
    branch.counters.filter((counter) => !counter.code.startsWith('R')).flatMap((c) => c.queues.map((q) => q.queue)),
  );
  const businesses = branch.businesses.filter((business) => tellerQueues.has(business.queue));
  out('\nHow many counters call 90% of customers within 10 minutes (teller business pooled in one line)?\n');
  out('| day | simulation | Erlang C at the day average | Erlang C at the busiest hour |');
  out('|---|---|---|---|');
  for (const name of profiles) {
    const answer = countersNeeded(DAY_PROFILES[name], businesses, branch.policy, {
      minutes: 10,
      target: 0.9,
      seeds: Array.from({ length: Math.min(seeds, 3) }, (_, index) => index + 1),
      dayOfMonth,
    });
    out(`| ${name} | ${answer.simulated} | ${answer.erlangAtMean} | ${answer.erlangAtPeak} |`);
  }
}

interface DriveOptions {
  url: string;
  branch: string;
  kioskKey: string;
  tellers: string[];
  password: string;
  simBranch: SimBranch;
  profile: string;
  speed: number;
  seed: number;
  dayOfMonth: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays a day against a running server, `speed` times faster than real time: customers arrive at the
 * kiosk (POST tickets), tellers call next, serve for a lognormal time and finish. Every screen follows.
 */
async function driveServer(options: DriveOptions): Promise<void> {
  const profile = dayProfile(options.profile);
  const random = seededRandom(options.seed);
  const rate = (minute: number) => (profile.arrivalsPerHour(minute) * monthFactor(options.dayOfMonth)) / 60;
  let peak = 0;
  for (let minute = profile.opensAt; minute <= profile.closesAt; minute += 1) peak = Math.max(peak, rate(minute));
  const arrivals = poissonArrivals(random, rate, profile.opensAt, profile.closesAt, peak * 1.01);
  const realMs = (minutes: number) => (minutes * 60_000) / options.speed;
  const started = Date.now();
  const at = (minute: number) => started + realMs(minute - profile.opensAt);
  const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const response = await fetch(`${options.url}/api${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${init.token}`, ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  process.stdout.write(
    `Simulating a ${profile.name} day (${profile.description}) at ${options.branch}, ${options.speed}x: ` +
      `${arrivals.length} customers over ${((profile.closesAt - profile.opensAt) / options.speed).toFixed(1)} real minutes.\n`,
  );

  let issued = 0;
  let served = 0;
  let open = true;
  const kiosk = (async () => {
    for (const minute of arrivals) {
      await sleep(Math.max(0, at(minute) - Date.now()));
      const business = pickWeighted(random, options.simBranch.businesses, (candidate) => candidate.share);
      const response = await api(`/branches/${options.branch}/tickets`, {
        method: 'POST',
        token: options.kioskKey,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        // A customer who wants a ticket declines any self-service advice, with an amount that needs a counter.
        body: JSON.stringify({ businessType: business.code, amount: 50000, hasCard: true, declinedAdvice: true }),
      });
      if (response.status === 201) issued += 1;
      else process.stderr.write(`kiosk: ${response.status} ${JSON.stringify(response.body)}\n`);
    }
    open = false;
  })();

  const typical = new Map(options.simBranch.businesses.map((business) => [business.code, business.typicalMinutes]));
  const tellers = options.tellers.map(async (username) => {
    const login = await api('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password: options.password, takeOver: true }),
    });
    if (login.status !== 200) throw new Error(`${username} could not sign in: ${JSON.stringify(login.body)}`);
    const token = login.body?.accessToken as string;
    const counterId = (login.body?.user as { counterId: string }).counterId;
    for (;;) {
      const next = await api(`/counters/${counterId}/call-next`, { method: 'POST', token });
      if (next.status === 204 || next.status === 409) {
        if (!open && next.status === 204) return;
        await sleep(Math.max(200, realMs(0.5)));
        continue;
      }
      if (next.status !== 200 || !next.body)
        throw new Error(`${username}: call-next ${next.status} ${JSON.stringify(next.body)}`);
      const ticket = next.body as { id: string; businessType: string };
      await sleep(realMs(0.5)); // the customer walks up
      await api(`/tickets/${ticket.id}/start`, { method: 'POST', token });
      await sleep(realMs(lognormal(random, typical.get(ticket.businessType) ?? 5, 0.5)));
      await api(`/tickets/${ticket.id}/finish`, {
        method: 'POST',
        token,
        body: JSON.stringify({ businessDone: [ticket.businessType] }),
      });
      served += 1;
    }
  });
  const progress = setInterval(() => process.stdout.write(`  issued ${issued}, served ${served}\n`), 10_000);
  try {
    await Promise.all([kiosk, ...tellers]);
  } finally {
    clearInterval(progress);
  }
  process.stdout.write(`Done: ${issued} tickets issued, ${served} served.\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
