import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { BranchCommands } from '../commands/branch-commands';
import { IdempotentRequestEntity } from './idempotent-request.entity';

/** Forgets the stored answers of earlier business days when a branch's day starts: retries take seconds. */
@Injectable()
class IdempotentRequestCleanup implements OnModuleInit {
  constructor(private readonly commands: BranchCommands) {}

  onModuleInit(): void {
    this.commands.onDayStart(async ({ manager, branch }) => {
      await manager.delete(IdempotentRequestEntity, { branchId: branch.id, businessDay: LessThan(branch.businessDay) });
    });
  }
}

/** Safe retries of staff commands: see runOnce and the `@Idempotent()` routes. */
@Module({ providers: [IdempotentRequestCleanup] })
export class IdempotencyModule {}
