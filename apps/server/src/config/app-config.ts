import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

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
