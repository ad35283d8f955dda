import { isAbsolute, resolve } from 'node:path';

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
  /** Seconds a staff access token stays valid. */
  jwtTtlSeconds: number;
  demoPassword: string;
  /** Where the demo seed lives (a readable YAML file). */
  seedFile: string;
  /** Whether to seed the demo branch into an empty database. */
  seedDemo: boolean;
}

/** The development-only defaults; production refuses to start with them. */
export const DEMO_JWT_SECRET = 'lobbyflow-demo-secret-change-me-in-production';
export const DEMO_PASSWORD = 'demo1234';

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
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';

  const jwtSecret = env.JWT_SECRET ?? (production ? undefined : DEMO_JWT_SECRET);
  if (jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (use 32 or more random characters).');
  }
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', `must be at least 32 characters long, got ${jwtSecret.length}.`);
  }
  if (production && jwtSecret === DEMO_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'is the public demo secret; set a secret of your own in production.');
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

  const databasePath = nonEmpty(env, 'DATABASE_PATH') ?? './data/lobbyflow.sqlite';
  const seedFile = nonEmpty(env, 'SEED_FILE') ?? resolve(__dirname, '../../seed/demo-branch.yaml');

  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    databasePath: databasePath === ':memory:' || isAbsolute(databasePath) ? databasePath : resolve(cwd, databasePath),
    databaseUrl,
    redisUrl,
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 3600, 60, 86_400),
    demoPassword,
    seedFile: isAbsolute(seedFile) ? seedFile : resolve(cwd, seedFile),
    seedDemo,
  };
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
