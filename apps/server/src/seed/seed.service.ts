import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessDayOf } from '@lobbyflow/domain';
import { DataSource, IsNull } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';
import { demoDeviceKey, newDeviceKey, sha256 } from '../auth/secrets';
import { BranchEntity } from '../branches/branch.entity';
import { BusinessTypeEntity } from '../branches/business-type.entity';
import { QueueEntity } from '../branches/queue.entity';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CounterEntity } from '../counters/counter.entity';
import { DeviceEntity } from '../devices/device.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { parseSeedFile } from './seed-file';

export interface DemoDevice {
  kind: string;
  name: string;
  key: string;
}

/** What the start banner prints: where the demo branch is and how to get in. */
export interface DemoCredentials {
  branchCode: string;
  usernames: string[];
  password: string;
  devices: DemoDevice[];
}

/** Seeds the demo branch from the readable seed file into an empty database. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');
  /** Keys of devices created with random keys (production): printable only at the start that made them. */
  private freshKeys: DemoDevice[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Applies the seed when the database holds no branch; returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    if (!this.config.seedDemo || (await this.dataSource.getRepository(BranchEntity).count()) > 0) return false;
    await this.seedBranch(readFileSync(this.config.seedFile, 'utf8'), this.config.seedFile);
    return true;
  }

  /**
   * Adds one branch from a seed file's text (a central deployment holds many): its queues, business
   * types, counters, staff (usernames are unique across branches) and devices, all or nothing.
   */
  async seedBranch(text: string, source = 'a seed file'): Promise<void> {
    const seed = parseSeedFile(text);
    if (await this.dataSource.getRepository(BranchEntity).exists({ where: { code: seed.branch.code } })) {
      throw new Error(`A branch with code "${seed.branch.code}" exists already; ${source} was not applied.`);
    }
    const passwordHashes = await Promise.all(seed.staff.map(() => hashPassword(this.config.demoPassword)));
    const derivedKeys = this.config.nodeEnv !== 'production';

    await this.dataSource.transaction(async (manager) => {
      const branchId = crypto.randomUUID();
      const now = this.clock.now();
      await manager.insert(BranchEntity, {
        id: branchId,
        code: seed.branch.code,
        name: seed.branch.name,
        timeZone: seed.branch.timeZone,
        dayStartsAt: seed.branch.dayStartsAt,
        businessDay: businessDayOf(now, seed.branch.timeZone, seed.branch.dayStartsAt),
        lastSeq: 0,
        settings: seed.settings,
      });
      await manager.insert(
        QueueEntity,
        seed.queues.map((queue, sortOrder) => ({ id: crypto.randomUUID(), branchId, sortOrder, ...queue })),
      );
      await manager.insert(
        BusinessTypeEntity,
        seed.businessTypes.map((type, sortOrder) => ({
          id: crypto.randomUUID(),
          branchId,
          sortOrder,
          active: true,
          ...type,
        })),
      );
      const counters = seed.counters.map((counter, sortOrder) => ({
        id: crypto.randomUUID(),
        branchId,
        sortOrder,
        status: 'open' as const,
        pauseReason: null,
        pausedAt: null,
        priorityStreak: 0,
        ...counter,
      }));
      // Taken before the insert: on SQLite TypeORM re-reads default columns after a multi-row insert and
      // merges the rows back by position, while SQLite returns them in key order, shuffling the ids.
      const counterIds = new Map(counters.map((counter) => [counter.code, counter.id]));
      await manager.insert(CounterEntity, counters);
      await manager.insert(
        StaffUserEntity,
        seed.staff.map((person, index) => ({
          id: crypto.randomUUID(),
          branchId,
          username: person.username,
          displayName: person.displayName,
          role: person.role,
          counterId: (person.counter !== undefined ? counterIds.get(person.counter) : undefined) ?? null,
          passwordHash: passwordHashes[index],
          specialties: person.specialties ?? [],
          active: true,
          presence: null,
          presenceSince: null,
          presenceUntil: null,
          sessionVersion: 0,
        })),
      );
      for (const device of seed.devices) {
        const key = derivedKeys ? demoDeviceKey(this.config.jwtSecret, seed.branch.code, device.name) : newDeviceKey();
        if (!derivedKeys) this.freshKeys.push({ ...device, key });
        await manager.insert(DeviceEntity, {
          id: crypto.randomUUID(),
          branchId,
          kind: device.kind,
          name: device.name,
          counterId: (device.counter !== undefined ? counterIds.get(device.counter) : undefined) ?? null,
          keyHash: sha256(key),
          keyPrefix: key.slice(0, 10),
          createdAt: now,
          revokedAt: null,
        });
      }
    });
    this.logger.log(`Seeded branch "${seed.branch.code}" from ${source}.`);
  }

  /**
   * The demo logins and device keys, if the seeded branch is still there. Demo keys are derived from the
   * server secret, so they are printable at every start; a key that was revoked is not printed.
   */
  async demoCredentials(): Promise<DemoCredentials | null> {
    let seed;
    try {
      seed = parseSeedFile(readFileSync(this.config.seedFile, 'utf8'));
    } catch {
      return null;
    }
    const branch = await this.dataSource.getRepository(BranchEntity).findOne({ where: { code: seed.branch.code } });
    if (!branch) return null;
    const devices: DemoDevice[] = [...this.freshKeys];
    if (this.config.nodeEnv !== 'production') {
      for (const device of seed.devices) {
        const key = demoDeviceKey(this.config.jwtSecret, seed.branch.code, device.name);
        const live = await this.dataSource
          .getRepository(DeviceEntity)
          .exists({ where: { keyHash: sha256(key), revokedAt: IsNull() } });
        if (live) devices.push({ ...device, key });
      }
    }
    const usernames = await this.dataSource
      .getRepository(StaffUserEntity)
      .find({ where: { branchId: branch.id, active: true }, select: { username: true } });
    const seeded = new Set(seed.staff.map((person) => person.username));
    return {
      branchCode: branch.code,
      usernames: usernames.map((user) => user.username).filter((name) => seeded.has(name)),
      password: this.config.nodeEnv === 'production' ? '(the DEMO_PASSWORD you set)' : this.config.demoPassword,
      devices,
    };
  }
}
