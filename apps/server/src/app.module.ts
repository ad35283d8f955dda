import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CommandsModule } from './commands/commands.module';
import { Clock } from './common/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { CountersModule } from './counters/counters.module';
import { CustomersModule } from './customers/customers.module';
import { DevicesModule } from './devices/devices.module';
import { HallModule } from './hall/hall.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LiveModule } from './live/live.module';
import { ObservabilityModule } from './observability/observability.module';
import { RatingsModule } from './ratings/ratings.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReportsModule } from './reports/reports.module';
import { RulesModule } from './rules/rules.module';
import { SeedModule } from './seed/seed.module';
import { ShutdownModule } from './shutdown/shutdown.module';
import { TicketsModule } from './tickets/tickets.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The whole server; `config` is validated before this module is built, `clock` defaults to the system's. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        CommandsModule.forRoot(clock),
        ObservabilityModule,
        ShutdownModule,
        AuthModule,
        HallModule,
        TicketsModule,
        CountersModule,
        DevicesModule,
        CustomersModule,
        RulesModule,
        AdminModule,
        ReferralsModule,
        RatingsModule,
        ReportsModule,
        HealthModule,
        IdempotencyModule,
        LiveModule,
        SeedModule,
      ],
    };
  }
}
