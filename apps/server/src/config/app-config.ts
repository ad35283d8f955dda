import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../observability/json-logger';

export type NodeEnv = 'development' | 'production' | 'test';

/** Configuration of one server process, read from the environment once at boot (design.md §5). */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** SQLite file, used unless `databaseUrl` names a PostgreSQL server. */
  databasePath: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  jwtSecret: string;
  /** Key of the keyed hash that card and ID numbers are stored as (never in clear). */
  customerKey: string;
  /** Seconds a staff access token stays valid. */
  jwtTtlSeconds: number;
  demoPassword: string;
  /** Where the demo seed lives (a readable YAML file). */
  seedFile: string;
  /** Whether to seed the demo branch into an empty database. */
  seedDemo: boolean;
  /** Sign-in attempts allowed per username and client IP in a window (credential guessing). */
  loginRateLimit: RateLimit;
  /** Sign-in attempts allowed per client IP in a window, whatever the usernames (password spraying). */
  loginIpRateLimit: RateLimit;
  /** Origins (`https://host[:port]`) whose pages may call the API and socket.io; none: same origin only. */
  corsOrigins: string[];
  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For), in Express's `trust proxy`
   * form: a hop count, or addresses and subnets. Null: the address of the TCP peer is the client's.
   */
  trustProxy: number | string[] | null;
  /** How much the server logs, and whether as JSON lines (production) or readable lines (development). */
  log: { level: LogLevel; format: LogFormat };
  /** The bearer token `GET /metrics` wants; null: metrics are open to whoever reaches the port. */
  metricsToken: string | null;
  /** How long a stopping server may take to finish its requests and close before it exits anyway. */
  shutdownTimeoutMs: number;
}

/** At most `attempts` in each window of `windowSeconds`. */
export interface RateLimit {
  attempts: number;
  windowSeconds: number;
}

/** The demo accounts' default password; production refuses to seed with it. */
export const DEMO_PASSWORD = 'demo1234';

/**
 * Where a development server keeps the secrets it generated for itself (`jwt-secret`, `customer-key`),
 * so that tokens, demo device keys and customer hashes survive a restart. Never a secret in the code.
 */
export type LocalSecretStore = (dataDir: string, name: string) => string;

export const fileSecretStore: LocalSecretStore = (dataDir, name) => {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

/** A bad configuration value: the message names the variable and what would be accepted. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates the environment. Throws a ConfigError naming the first bad variable, so that a
 * misconfigured server stops at boot instead of failing later on a request.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
  localSecret: LocalSecretStore = fileSecretStore,
): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const databasePath = nonEmpty(env, 'DATABASE_PATH') ?? './data/lobbyflow.sqlite';
  const absoluteDatabasePath =
    databasePath === ':memory:' || isAbsolute(databasePath) ? databasePath : resolve(cwd, databasePath);

  const configuredSecret = nonEmpty(env, 'JWT_SECRET');
  if (configuredSecret === null && production) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (use 32 or more random characters).');
  }
  if (configuredSecret !== null && configuredSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', `must be at least 32 characters long, got ${configuredSecret.length}.`);
  }
  const configuredCustomerKey = nonEmpty(env, 'CUSTOMER_KEY');
  if (configuredCustomerKey === null && production) {
    throw new ConfigError(
      'CUSTOMER_KEY',
      'is required when NODE_ENV=production (32 or more random characters; keep it safe: losing it makes stored card hashes useless).',
    );
  }
  if (configuredCustomerKey !== null && configuredCustomerKey.length < 32) {
    throw new ConfigError('CUSTOMER_KEY', `must be at least 32 characters long, got ${configuredCustomerKey.length}.`);
  }

  const demoPassword = env.DEMO_PASSWORD ?? DEMO_PASSWORD;
  if (demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters long.');
  }
  const seedDemo = oneOf(env, 'SEED_DEMO', ['true', 'false'], 'true') === 'true';
  if (production && seedDemo && demoPassword === DEMO_PASSWORD) {
    throw new ConfigError(
      'DEMO_PASSWORD',
      'is the public demo password; set another one, or SEED_DEMO=false, in production.',
    );
  }

  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a PostgreSQL URL such as postgres://user@host:5432/db.');
  }
  const redisUrl = nonEmpty(env, 'REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must be a Redis URL such as redis://127.0.0.1:6379.');
  }

  const seedFile = resolveSeedFile(nonEmpty(env, 'SEED_FILE'), cwd);
  if (seedDemo && !existsSync(seedFile)) {
    throw new ConfigError('SEED_FILE', `names no file: ${seedFile}.`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const jwtTtlSeconds = integer(env, 'JWT_TTL_SECONDS', 3600, 60, 86_400);
  const loginRateLimit = rateLimit(env, 'LOGIN_RATE_LIMIT', { attempts: 10, windowSeconds: 60 });
  const loginIpRateLimit = rateLimit(env, 'LOGIN_IP_RATE_LIMIT', { attempts: 300, windowSeconds: 60 });
  const corsOrigins = origins(env, 'CORS_ORIGINS');
  const trustProxy = proxies(env, 'TRUST_PROXY');
  const log = {
    level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    format: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, production ? 'json' : 'pretty'),
  };
  const metricsToken = metricsTokenOf(env, production);
  const shutdownTimeoutMs = integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1_000, 600_000);

  // Everything is valid: only now may a development server create its own secret on disk.
  const dataDir = absoluteDatabasePath === ':memory:' ? resolve(cwd, 'data') : dirname(absoluteDatabasePath);
  const jwtSecret = configuredSecret ?? localSecret(dataDir, 'jwt-secret');
  const customerKey = configuredCustomerKey ?? localSecret(dataDir, 'customer-key');

  return {
    nodeEnv,
    port,
    databasePath: absoluteDatabasePath,
    databaseUrl,
    redisUrl,
    jwtSecret,
    customerKey,
    jwtTtlSeconds,
    demoPassword,
    seedFile,
    seedDemo,
    loginRateLimit,
    loginIpRateLimit,
    corsOrigins,
    trustProxy,
    log,
    metricsToken,
    shutdownTimeoutMs,
  };
}

/** The seed named by SEED_FILE, or the demo branch beside the server's sources or build. */
function resolveSeedFile(configured: string | null, cwd: string): string {
  if (configured !== null) return isAbsolute(configured) ? configured : resolve(cwd, configured);
  return resolve(__dirname, '../../seed/demo-branch.yaml');
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return Number(raw);
}

/** `<attempts>/<seconds>`, e.g. `10/60`: ten attempts a minute. */
function rateLimit(env: NodeJS.ProcessEnv, name: string, fallback: RateLimit): RateLimit {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1 || Number(match[2]) > 86_400) {
    throw new ConfigError(
      name,
      `must be <attempts>/<seconds> such as 10/60 (at least 1 attempt, a window of 1 to 86400 s), got "${raw}".`,
    );
  }
  return { attempts: Number(match[1]), windowSeconds: Number(match[2]) };
}

/** A comma-separated list of origins, each a scheme, host and optional port, without a path. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = nonEmpty(env, name);
  if (raw === null) return [];
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
        throw new ConfigError(name, `"${origin}" is not an origin such as https://queue.bank.example (no path).`);
      }
      return origin.toLowerCase();
    });
}

/**
 * METRICS_TOKEN, at least 16 characters. Production wants one, or METRICS_PUBLIC=true to say on purpose that
 * the metrics port is reachable only from a private network; both at once is a contradiction.
 */
function metricsTokenOf(env: NodeJS.ProcessEnv, production: boolean): string | null {
  const token = nonEmpty(env, 'METRICS_TOKEN');
  const open = oneOf(env, 'METRICS_PUBLIC', ['true', 'false'], 'false') === 'true';
  if (token !== null && open) {
    throw new ConfigError('METRICS_PUBLIC', 'cannot be true while METRICS_TOKEN is set; choose one.');
  }
  if (token !== null && token.length < 16) {
    throw new ConfigError('METRICS_TOKEN', `must be at least 16 characters long, got ${token.length}.`);
  }
  if (token === null && production && !open) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'is required when NODE_ENV=production (Prometheus then sends it as a bearer token), or set METRICS_PUBLIC=true when /metrics is reachable only from a private network.',
    );
  }
  return token;
}

/** A hop count (`1`), or comma-separated addresses, subnets and Express's names (`loopback`, `uniquelocal`). */
function proxies(env: NodeJS.ProcessEnv, name: string): number | string[] | null {
  const raw = nonEmpty(env, name);
  if (raw === null) return null;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!/^([0-9a-f.:]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/i.test(entry)) {
      throw new ConfigError(
        name,
        `"${entry}" is not a hop count, an address, a subnet (10.0.0.0/8) or loopback / linklocal / uniquelocal.`,
      );
    }
  }
  return entries;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}".`);
  }
  return raw as T;
}

/** Injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
