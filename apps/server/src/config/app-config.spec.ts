import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, fileSecretStore, loadConfig, type LocalSecretStore } from './app-config';

const STRONG = 'x'.repeat(40);
/** A development server's own secret, without touching the disk. */
const LOCAL: LocalSecretStore = (_dir, name) => `${name}-`.padEnd(43, 'g');

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, '/srv/lobbyflow', LOCAL);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives a development server the documented defaults', () => {
    const config = loadConfig({}, '/srv/lobbyflow', LOCAL);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databasePath: '/srv/lobbyflow/data/lobbyflow.sqlite',
      databaseUrl: null,
      redisUrl: null,
      jwtSecret: 'jwt-secret-'.padEnd(43, 'g'),
      customerKey: 'customer-key-'.padEnd(43, 'g'),
      jwtTtlSeconds: 3600,
      demoPassword: 'demo1234',
      seedDemo: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_PATH: '/var/lib/lf.sqlite',
        DATABASE_URL: 'postgres://lf@127.0.0.1:5432/lf',
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWT_SECRET: STRONG,
        CUSTOMER_KEY: STRONG,
        JWT_TTL_SECONDS: '900',
        DEMO_PASSWORD: 'another-password',
        SEED_DEMO: 'false',
        NODE_ENV: 'production',
      },
      '/srv',
      LOCAL,
    );
    expect(config).toMatchObject({
      port: 8080,
      databasePath: '/var/lib/lf.sqlite',
      databaseUrl: 'postgres://lf@127.0.0.1:5432/lf',
      redisUrl: 'redis://127.0.0.1:6379',
      jwtSecret: STRONG,
      jwtTtlSeconds: 900,
      seedDemo: false,
      nodeEnv: 'production',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_TTL_SECONDS: '5' }, 'JWT_TTL_SECONDS'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO'],
  ])('refuses %j, naming %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('refuses to run production without secrets of its own', () => {
    expect(errorOf({ NODE_ENV: 'production' }).variable).toBe('JWT_SECRET');
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: STRONG }).variable).toBe('CUSTOMER_KEY');
  });

  it('refuses a SEED_FILE that names no file, unless seeding is off', () => {
    expect(errorOf({ SEED_FILE: '/nonexistent/seed.yaml' }).variable).toBe('SEED_FILE');
    expect(() => loadConfig({ SEED_FILE: '/nonexistent/seed.yaml', SEED_DEMO: 'false' }, '/srv', LOCAL)).not.toThrow();
  });

  it('gives a development server a secret of its own, kept beside its database and readable only by it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-secret-'));
    try {
      const first = loadConfig({ DATABASE_PATH: join(dir, 'db', 'lf.sqlite') }, dir);
      const again = loadConfig({ DATABASE_PATH: join(dir, 'db', 'lf.sqlite') }, dir);
      expect(first.jwtSecret).toHaveLength(43);
      expect(again.jwtSecret).toBe(first.jwtSecret);
      const file = join(dir, 'db', 'jwt-secret');
      expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first.customerKey).not.toBe(first.jwtSecret);
      expect(fileSecretStore(join(dir, 'other'), 'jwt-secret')).not.toBe(first.jwtSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to seed production with the public demo password', () => {
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: STRONG, CUSTOMER_KEY: STRONG }).variable).toBe(
      'DEMO_PASSWORD',
    );
    expect(() =>
      loadConfig(
        { NODE_ENV: 'production', JWT_SECRET: STRONG, CUSTOMER_KEY: STRONG, SEED_DEMO: 'false' },
        '/srv',
        LOCAL,
      ),
    ).not.toThrow();
  });
});
