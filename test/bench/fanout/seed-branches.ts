import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { demoDeviceKey } from '../../../apps/server/src/auth/secrets';
import { BUILT_SERVER, ROOT } from '../support/paths';

const DEMO_SEED = join(ROOT, 'apps/server/seed/demo-branch.yaml');

const DISPLAY = 'Hall display';
const KIOSK = 'Lobby kiosk';

/** One seeded branch and the keys its screens and kiosk use. */
export interface SeededBranch {
  code: string;
  displayKey: string;
  kioskKey: string;
}

/**
 * Seeds `count` branches (`b000`, `b001`, ...) into the database `env` points at, through the built app's
 * own SeedService: each is the demo branch's configuration (queues, business types, counters) with a
 * kiosk and a display and no staff, which saves the password hashing that would make seeding take
 * minutes. Device keys are derived from JWT_SECRET, as a development server does, so the benchmark knows
 * them without reading them back. Runs in a Nest application context, as the customer import CLI does.
 */
export async function seedBranches(env: Record<string, string>, count: number): Promise<SeededBranch[]> {
  const { loadConfig } = (await import(
    join(BUILT_SERVER, 'config/app-config.js')
  )) as typeof import('../../../apps/server/src/config/app-config');
  const { AppModule } = (await import(
    join(BUILT_SERVER, 'app.module.js')
  )) as typeof import('../../../apps/server/src/app.module');
  const { SeedService } = (await import(
    join(BUILT_SERVER, 'seed/seed.service.js')
  )) as typeof import('../../../apps/server/src/seed/seed.service');
  const { BranchCommands } = (await import(
    join(BUILT_SERVER, 'commands/branch-commands.js')
  )) as typeof import('../../../apps/server/src/commands/branch-commands');
  const { NestFactory } = await import('@nestjs/core');

  const config = loadConfig({ ...env, SEED_DEMO: 'false' }, ROOT);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const seeder = app.get(SeedService);
    const commands = app.get(BranchCommands);
    const template = parse(readFileSync(DEMO_SEED, 'utf8')) as Record<string, unknown>;
    const branches: SeededBranch[] = [];
    for (let i = 0; i < count; i++) {
      const code = `b${String(i).padStart(3, '0')}`;
      const seed = {
        ...template,
        branch: { ...(template.branch as object), code, name: { zh: `支行${i}`, en: `Branch ${i}` } },
        staff: [],
        devices: [
          { kind: 'display', name: DISPLAY },
          { kind: 'kiosk', name: KIOSK },
        ],
      };
      // In the write queue: on SQLite the app's scheduled jobs share the one connection, and a seed
      // transaction running beside one of theirs would interleave with it.
      await commands.runShared(() => seeder.seedBranch(stringify(seed), `the benchmark's branch ${code}`));
      branches.push({
        code,
        displayKey: demoDeviceKey(config.jwtSecret, code, DISPLAY),
        kioskKey: demoDeviceKey(config.jwtSecret, code, KIOSK),
      });
    }
    return branches;
  } finally {
    await app.close();
  }
}
