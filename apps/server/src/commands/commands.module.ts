import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduledJobs } from '../cluster/scheduled-jobs';
import { Clock } from '../common/clock';
import { BranchCommands } from './branch-commands';
import { DayRolloverService } from './day-rollover.service';
import { EventBus } from './event-bus';

/** The single writer of branch state, the bus its committed events leave on, the clock and the timers. */
@Global()
@Module({})
export class CommandsModule {
  /** `clock` replaces the system clock (simulations and tests move time by hand). */
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return {
      module: CommandsModule,
      providers: [BranchCommands, EventBus, ScheduledJobs, DayRolloverService, { provide: Clock, useValue: clock }],
      exports: [BranchCommands, EventBus, ScheduledJobs, DayRolloverService, Clock],
    };
  }
}
