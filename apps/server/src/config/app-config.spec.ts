import { ConfigError, DEMO_JWT_SECRET, loadConfig } from './app-config';

const STRONG = 'x'.repeat(40);

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, '/srv/lobbyflow');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives a development server the documented defaults', () => {
    const config = loadConfig({}, '/srv/lobbyflow');
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databasePath: '/srv/lobbyflow/data/lobbyflow.sqlite',
      databaseUrl: null,
      redisUrl: null,
      jwtSecret: DEMO_JWT_SECRET,
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
        JWT_TTL_SECONDS: '900',
        DEMO_PASSWORD: 'another-password',
        SEED_DEMO: 'false',
        NODE_ENV: 'production',
      },
      '/srv',
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

  it('refuses to run production without a secret of its own', () => {
    expect(errorOf({ NODE_ENV: 'production' }).variable).toBe('JWT_SECRET');
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET }).message).toMatch(/demo secret/);
  });

  it('refuses to seed production with the public demo password', () => {
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: STRONG }).variable).toBe('DEMO_PASSWORD');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG, SEED_DEMO: 'false' })).not.toThrow();
  });
});
