import { Client } from 'pg';
import { demoDeviceKey } from '../../../apps/server/src/auth/secrets';
import { TestDatabase } from '../../e2e/support/test-database';
import { freePort, removeLogs, ServerProcess, TestRedis } from './processes';
import { TcpBalancer } from './tcp-balancer';

export const SCALE_SECRET = 'scale-test-secret-0123456789abcdef-01234567';
const CUSTOMER_KEY = 'scale-test-customer-key-0123456789abcdef-0123';

/** A JSON answer from one instance. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * A scaled-out deployment on one machine: two server processes (A and B) on a fresh PostgreSQL schema
 * and a Redis of the test's own, behind a TCP balancer that sends new connections to A while A is up.
 */
export class ScaleCluster {
  private constructor(
    readonly database: TestDatabase,
    readonly redis: TestRedis,
    readonly a: ServerProcess,
    readonly b: ServerProcess,
    readonly balancer: TcpBalancer,
  ) {}

  /** Starts everything; both instances start at the same time (they migrate and seed one after the other). */
  static async start(): Promise<ScaleCluster> {
    const database = await TestDatabase.create('postgres');
    const redis = await TestRedis.start();
    const env = {
      NODE_ENV: 'test',
      JWT_SECRET: SCALE_SECRET,
      CUSTOMER_KEY,
      REDIS_URL: redis.url,
      // Both instances check their hall cache against full reads: each sees the other's writes only there.
      LOBBYFLOW_VERIFY_CACHES: '1',
      ...database.env,
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const a = new ServerProcess('A', portA, env);
    const b = new ServerProcess('B', portB, env);
    await Promise.all([a.start(), b.start()]);
    const balancer = await TcpBalancer.start([portA, portB]);
    return new ScaleCluster(database, redis, a, b, balancer);
  }

  async stop(): Promise<void> {
    await this.balancer.stop();
    await Promise.all([this.a.stop(), this.b.stop()]);
    await this.redis.down();
    await this.database.drop();
    removeLogs();
  }

  displayKey(): string {
    return demoDeviceKey(SCALE_SECRET, 'demo', '大厅叫号屏 Hall display');
  }

  kioskKey(): string {
    return demoDeviceKey(SCALE_SECRET, 'demo', '大厅取号机 Lobby kiosk');
  }

  /** A query straight on the deployment's PostgreSQL schema (what an operator would run). */
  async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
}

/** One HTTP call to an instance, as JSON. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Like `call`, but fails unless the status is the expected one. */
export async function expectCall<T = Record<string, unknown>>(
  expected: number,
  ...args: Parameters<typeof call>
): Promise<T> {
  const answer = await call<T>(...args);
  if (answer.status !== expected) {
    throw new Error(`${args[1]} ${args[2]}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** Count, median, 95th percentile and maximum of some durations in ms, for the test's report. */
export function summary(values: number[]): string {
  if (values.length === 0) return 'no samples';
  const sorted = [...values].sort((x, y) => x - y);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return `n=${sorted.length}, p50 ${rank(50)} ms, p95 ${rank(95)} ms, max ${sorted[sorted.length - 1]} ms`;
}

/** A line in the test output: figures are reported, never asserted (a loaded machine must not fail a test). */
export function report(line: string): void {
  process.stdout.write(`  scale: ${line}\n`);
}
