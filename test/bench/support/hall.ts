import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Database, OPEN_READONLY } from 'sqlite3';
import { parse, stringify } from 'yaml';
import { demoDeviceKey } from '../../../apps/server/src/auth/secrets';
import { TEST_POSTGRES_URL, TestDatabase, urlWithSchema } from '../../e2e/support/test-database';
import { ServerProcess, TestRedis, freePort, removeLogs } from '../../scale/support/processes';
import { statCpuMs } from './cpu-split';
import { BUILT_SERVER, ROOT } from './paths';

const DEMO_SEED = join(ROOT, 'apps/server/seed/demo-branch.yaml');

/** A fixed secret, so that the benchmark derives the kiosk keys of every seeded branch as the server does. */
export const BENCH_SECRET = 'lobbyflow-benchmark-secret-not-for-production';
export const DEMO_PASSWORD = 'demo1234';
/** The counters the call-next tellers sit at: both serve the cash queue A that the benchmark tickets join. */
export const TELLER_COUNTERS = ['1', '2'];

/**
 * The servers' environment. The login limit per client IP is raised: every teller of the benchmark signs in
 * from 127.0.0.1 within seconds, which the real limit (sized for one branch's staff) would refuse.
 */
export function serverEnv(database: Record<string, string>): Record<string, string> {
  return { ...database, JWT_SECRET: BENCH_SECRET, LOGIN_IP_RATE_LIMIT: '100000/60', NODE_ENV: 'development' };
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where that is missing. */
export function processCpuMs(pid: number | undefined): number | null {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return null;
  return statCpuMs(stat);
}

/** One seeded branch: its code, the key of its kiosk, the usernames of its tellers at TELLER_COUNTERS. */
export interface BenchBranch {
  code: string;
  kioskKey: string;
  tellers: string[];
}

interface SeedShape {
  branch: { code: string; name: { zh: string; en: string } };
  staff: { username: string; counter?: string }[];
  devices: { kind: string; name: string }[];
}

const kioskName = (seed: SeedShape) => seed.devices.find((device) => device.kind === 'kiosk')?.name ?? '';

/**
 * The demo branch's configuration under another code, with only the two tellers the benchmark signs in
 * (every account costs a slow password hash at seeding), their usernames prefixed with the code.
 */
function benchBranchSeed(demo: SeedShape, code: string): SeedShape {
  return {
    ...demo,
    branch: { ...demo.branch, code, name: { zh: `压测支行 ${code}`, en: `Benchmark branch ${code}` } },
    staff: demo.staff
      .filter((person) => person.counter !== undefined && TELLER_COUNTERS.includes(person.counter))
      .map((person) => ({ ...person, username: `${code}-${person.username}` })),
    devices: demo.devices.map((device) => ({ ...device, name: `${code} ${device.name}` })),
  };
}

/**
 * Migrates the database and seeds `count` branches (the demo branch and `count - 1` copies) through the
 * built server's own seeding, in this process, before any server serves it.
 */
export async function seedDatabase(database: Record<string, string>, count: number): Promise<BenchBranch[]> {
  const { loadConfig } = (await import(
    join(BUILT_SERVER, 'config/app-config.js')
  )) as typeof import('../../../apps/server/src/config/app-config');
  const { createApp } = (await import(
    join(BUILT_SERVER, 'bootstrap.js')
  )) as typeof import('../../../apps/server/src/bootstrap');
  const { BranchCommands } = (await import(
    join(BUILT_SERVER, 'commands/branch-commands.js')
  )) as typeof import('../../../apps/server/src/commands/branch-commands');
  const { SeedService } = (await import(
    join(BUILT_SERVER, 'seed/seed.service.js')
  )) as typeof import('../../../apps/server/src/seed/seed.service');
  // NODE_ENV=test only quiets the seeding's log; keys are derived from the secret as in development.
  const config = loadConfig({ ...serverEnv(database), NODE_ENV: 'test' });
  const app = await createApp(config);
  const demo = parse(readFileSync(DEMO_SEED, 'utf8')) as SeedShape;
  const seeds = [demo];
  for (let i = 1; i < count; i += 1) seeds.push(benchBranchSeed(demo, `b${String(i).padStart(2, '0')}`));
  try {
    // On SQLite every transaction of the process shares one connection and waits its turn in BranchCommands;
    // seeding there keeps a scheduled job's claim (timers run once the app has booted) out of a seed's.
    const commands = app.get(BranchCommands);
    for (const seed of seeds.slice(1)) {
      await commands.read(() => app.get(SeedService).seedBranch(stringify(seed), 'the benchmark'));
    }
  } finally {
    await app.close();
  }
  return seeds.map((seed) => ({
    code: seed.branch.code,
    kioskKey: demoDeviceKey(BENCH_SECRET, seed.branch.code, kioskName(seed)),
    tellers: seed.staff
      .filter((person) => person.counter !== undefined && TELLER_COUNTERS.includes(person.counter))
      .map((person) => person.username),
  }));
}

/** A benchmark's servers and their database, seeded with `branches`. */
export class BenchHall {
  private constructor(
    readonly servers: ServerProcess[],
    /** Set once seeded. */
    public branches: BenchBranch[],
    private readonly database: TestDatabase,
    private readonly redis: TestRedis | null,
  ) {}

  /** One server on a fresh SQLite file (the single-branch-office deployment). `nodeArgs` e.g. --cpu-prof. */
  static async sqlite(branchCount: number, nodeArgs: string[] = []): Promise<BenchHall> {
    const database = await TestDatabase.create('sqlite');
    const server = new ServerProcess('sqlite', await freePort(), serverEnv(database.env), nodeArgs);
    const hall = new BenchHall([server], [], database, null);
    return hall.open(async () => {
      hall.branches = await seedDatabase(database.env, branchCount);
      await server.start();
    });
  }

  /** Two instances on PostgreSQL + Redis (a fresh schema and a redis-server of its own), as in test:scale. */
  static async scaleOut(branchCount: number): Promise<BenchHall> {
    const database = await TestDatabase.create('postgres');
    const redis = await TestRedis.start();
    const env = serverEnv({ ...database.env, REDIS_URL: redis.url });
    const servers = [
      new ServerProcess('pg-a', await freePort(), env),
      new ServerProcess('pg-b', await freePort(), env),
    ];
    const hall = new BenchHall(servers, [], database, redis);
    return hall.open(async () => {
      hall.branches = await seedDatabase(database.env, branchCount);
      for (const server of servers) await server.start();
    });
  }

  /** Seeds and starts the hall; on failure stops what did start, so that no server or redis outlives the run. */
  private async open(start: () => Promise<void>): Promise<BenchHall> {
    try {
      await start();
      return this;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  get baseUrls(): string[] {
    return this.servers.map((server) => server.url);
  }

  /**
   * CPU time the server processes have used so far (user + system, ms), from /proc: the cost per request
   * follows from two readings, and unlike latency it hardly moves when other work shares the machine.
   * Null where /proc is missing (not Linux).
   */
  serverCpuMs(): number | null {
    let total = 0;
    for (const server of this.servers) {
      const ms = processCpuMs(server.pid);
      if (ms === null) return null;
      total += ms;
    }
    return total;
  }

  /** Rows of a read-only query on the hall's database (SQLite `?` or PostgreSQL `$1` placeholders). */
  async query<T>(sql: string): Promise<T[]> {
    if (this.database.schema === null) {
      const db = new Database(this.database.sqlitePath, OPEN_READONLY);
      try {
        return await new Promise<T[]>((done, fail) =>
          db.all(sql, (error, rows) => (error ? fail(error) : done(rows as T[]))),
        );
      } finally {
        db.close();
      }
    }
    const client = new Client({ connectionString: urlWithSchema(TEST_POSTGRES_URL, this.database.schema) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    for (const server of this.servers) await server.stop();
    await this.redis?.down();
    await this.database.drop();
    removeLogs();
  }
}

/** A scratch folder for a benchmark's own files (cold-start databases, profiles). */
export function scratchDir(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `lobbyflow-bench-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
