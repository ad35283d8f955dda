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
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'pretty',
        METRICS_TOKEN: 'metrics-token-0123456789',
        SHUTDOWN_TIMEOUT_MS: '5000',
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
      log: { level: 'debug', format: 'pretty' },
      metricsToken: 'metrics-token-0123456789',
      shutdownTimeoutMs: 5000,
    });
  });

  it('logs JSON lines in production, readable lines in development, only warnings and errors in tests', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: STRONG, CUSTOMER_KEY: STRONG, SEED_DEMO: 'false' };
    expect(loadConfig({ ...production, METRICS_PUBLIC: 'true' }, '/srv', LOCAL).log).toEqual({
      level: 'info',
      format: 'json',
    });
    expect(loadConfig({}, '/srv', LOCAL).log).toEqual({ level: 'info', format: 'pretty' });
    expect(loadConfig({ NODE_ENV: 'test' }, '/srv', LOCAL).log).toEqual({ level: 'warn', format: 'pretty' });
  });

  it('wants a metrics token in production, unless the metrics are declared public', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: STRONG, CUSTOMER_KEY: STRONG, SEED_DEMO: 'false' };
    expect(errorOf(production).variable).toBe('METRICS_TOKEN');
    expect(loadConfig({ ...production, METRICS_PUBLIC: 'true' }, '/srv', LOCAL).metricsToken).toBeNull();
    expect(errorOf({ METRICS_TOKEN: 'metrics-token-0123456789', METRICS_PUBLIC: 'true' }).variable).toBe(
      'METRICS_PUBLIC',
    );
    expect(loadConfig({}, '/srv', LOCAL).metricsToken).toBeNull();
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
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_PUBLIC: 'yes' }, 'METRICS_PUBLIC'],
    [{ SHUTDOWN_TIMEOUT_MS: '10' }, 'SHUTDOWN_TIMEOUT_MS'],
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
        {
          NODE_ENV: 'production',
          JWT_SECRET: STRONG,
          CUSTOMER_KEY: STRONG,
          SEED_DEMO: 'false',
          METRICS_PUBLIC: 'true',
        },
        '/srv',
        LOCAL,
      ),
    ).not.toThrow();
  });

  it('limits sign-in attempts per username and IP and per IP, and allows no other origin by default', () => {
    expect(loadConfig({}, '/srv', LOCAL)).toMatchObject({
      loginRateLimit: { attempts: 10, windowSeconds: 60 },
      loginIpRateLimit: { attempts: 300, windowSeconds: 60 },
      corsOrigins: [],
    });
    const configured = loadConfig(
      {
        LOGIN_RATE_LIMIT: '5/300',
        LOGIN_IP_RATE_LIMIT: '1000/60',
        CORS_ORIGINS: 'https://Console.Bank.example, http://10.0.0.5:8080',
      },
      '/srv',
      LOCAL,
    );
    expect(configured).toMatchObject({
      loginRateLimit: { attempts: 5, windowSeconds: 300 },
      loginIpRateLimit: { attempts: 1000, windowSeconds: 60 },
      corsOrigins: ['https://console.bank.example', 'http://10.0.0.5:8080'],
    });
    for (const bad of ['10', '0/60', '10/0', '10/minute', '-1/60']) {
      expect(errorOf({ LOGIN_RATE_LIMIT: bad }).variable).toBe('LOGIN_RATE_LIMIT');
    }
    for (const bad of ['*', 'console.bank.example', 'https://console.bank.example/', 'ftp://host']) {
      expect(errorOf({ CORS_ORIGINS: bad }).variable).toBe('CORS_ORIGINS');
    }
  });

  it('trusts X-Forwarded-For only from the proxies named in TRUST_PROXY', () => {
    expect(loadConfig({}, '/srv', LOCAL).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '1' }, '/srv', LOCAL).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, '/srv', LOCAL).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(errorOf({ TRUST_PROXY: 'everyone' }).variable).toBe('TRUST_PROXY');
  });
});
