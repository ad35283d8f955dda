import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { BranchCommands } from './branch-commands';
import { EventBus } from './event-bus';

/** The single writer of branch state and the bus its committed events leave on. */
@Global()
@Module({
  providers: [BranchCommands, EventBus, Clock],
  exports: [BranchCommands, EventBus, Clock],
})
export class CommandsModule {}
