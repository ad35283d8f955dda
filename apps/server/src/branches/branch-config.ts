import type { DiversionRules } from '@lobbyflow/domain';
import { DomainError } from '@lobbyflow/domain';
import type { EntityManager } from 'typeorm';
import { CounterEntity } from '../counters/counter.entity';
import { assertSameAsRead, type ConfigRows, HallCache } from '../hall/hall-cache';
import type { BranchEntity } from './branch.entity';
import { BusinessTypeEntity } from './business-type.entity';
import { QueueEntity } from './queue.entity';

/** Everything configured for a branch, as one command sees it. */
export class BranchConfig {
  constructor(
    readonly branch: BranchEntity,
    readonly queues: QueueEntity[],
    readonly businessTypes: BusinessTypeEntity[],
    readonly counters: CounterEntity[],
  ) {}

  /**
   * The configuration as of the branch row `branch` (read in the same transaction): from the hall cache when
   * the branch's `configRev` has not moved since it was held, otherwise read and held.
   */
  static async load(manager: EntityManager, branch: BranchEntity): Promise<BranchConfig> {
    const cache = HallCache.of(manager);
    const held = await cache.config(manager, branch);
    if (held.rows) {
      // Checked, the held rows are still what the command gets: the checks run what production runs.
      if (cache.verifying)
        assertSameAsRead('configuration', branch.code, held.rows, await BranchConfig.read(manager, branch));
      return BranchConfig.of(branch, held.rows);
    }
    const rows = await BranchConfig.read(manager, branch);
    cache.keepConfig(manager, branch.id, held.rev, rows);
    return BranchConfig.of(branch, rows);
  }

  private static of(branch: BranchEntity, rows: ConfigRows): BranchConfig {
    return new BranchConfig(branch, rows.queues, rows.businessTypes, rows.counters);
  }

  private static async read(manager: EntityManager, branch: BranchEntity): Promise<ConfigRows> {
    const where = { branchId: branch.id };
    // One query after another: inside a transaction they share one connection, and node-postgres
    // deprecates queries sent on a connection that is still busy.
    const queues = await manager.find(QueueEntity, { where, order: { sortOrder: 'ASC' } });
    const businessTypes = await manager.find(BusinessTypeEntity, { where, order: { sortOrder: 'ASC' } });
    const counters = await manager.find(CounterEntity, { where, order: { sortOrder: 'ASC' } });
    return { queues, businessTypes, counters };
  }

  get diversionRules(): DiversionRules {
    return {
      thresholds: this.branch.settings.thresholds,
      businessTypes: this.businessTypes.filter((type) => type.active),
      vipRouting: this.branch.settings.vipRouting,
    };
  }

  queue(code: string): QueueEntity {
    const queue = this.queues.find((candidate) => candidate.code === code);
    if (!queue) {
      const known = this.queues.map((candidate) => candidate.code).join(', ');
      throw new DomainError('UNKNOWN_QUEUE', `This branch has no queue "${code}". Queues: ${known}.`);
    }
    return queue;
  }

  businessType(code: string): BusinessTypeEntity {
    const type = this.businessTypes.find((candidate) => candidate.code === code && candidate.active);
    if (!type) {
      const known = this.businessTypes.filter((candidate) => candidate.active).map((candidate) => candidate.code);
      throw new DomainError(
        'UNKNOWN_BUSINESS_TYPE',
        `Unknown business type "${code}". Known types: ${known.join(', ')}.`,
      );
    }
    return type;
  }

  counter(id: string): CounterEntity {
    const counter = this.counters.find((candidate) => candidate.id === id);
    if (!counter) throw new DomainError('COUNTER_NOT_FOUND', 'This branch has no such counter.');
    return counter;
  }

  counterById(id: string | null): CounterEntity | undefined {
    return id ? this.counters.find((candidate) => candidate.id === id) : undefined;
  }

  /** Open counters that serve a queue: the capacity a wait estimate divides by. */
  servingCounters(queueCode: string): number {
    return this.counters.filter(
      (counter) => counter.status === 'open' && counter.queues.some((served) => served.queue === queueCode),
    ).length;
  }

  /** Typical counter minutes of a business type, active or retired (old tickets keep their type). */
  typicalMinutes(businessTypeCode: string): number {
    const type = this.businessTypes.find((candidate) => candidate.code === businessTypeCode);
    if (!type) throw new DomainError('UNKNOWN_BUSINESS_TYPE', `Unknown business type "${businessTypeCode}".`);
    return type.typicalServiceMinutes;
  }
}
