import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { sqliteDriver } from './sqlite-connection';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { BranchEntity } from '../branches/branch.entity';
import { ScheduledJobEntity } from '../cluster/scheduled-job.entity';
import { BusinessTypeEntity } from '../branches/business-type.entity';
import { QueueEntity } from '../branches/queue.entity';
import { CounterEntity } from '../counters/counter.entity';
import { CustomerProfileEntity } from '../customers/customer-profile.entity';
import { DeviceEntity } from '../devices/device.entity';
import { IdempotentRequestEntity } from '../idempotency/idempotent-request.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { BranchEventEntity } from '../events/branch-event.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { DiversionRecordEntity } from '../tickets/diversion-record.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { CounterSeats1763900000001 } from './migrations/1763900000001-counter-seats';
import { CustomersAndAudit1763900000002 } from './migrations/1763900000002-customers-and-audit';
import { TicketIdentification1763900000003 } from './migrations/1763900000003-ticket-identification';
import { TicketObservations1763900000004 } from './migrations/1763900000004-ticket-observations';
import { TicketHold1763900000005 } from './migrations/1763900000005-ticket-hold';
import { DiversionIdempotency1763900000006 } from './migrations/1763900000006-diversion-idempotency';
import { TicketCustomer1763900000007 } from './migrations/1763900000007-ticket-customer';
import { Referrals1763900000008 } from './migrations/1763900000008-referrals';
import { ReferralLifecycle1763900000009 } from './migrations/1763900000009-referral-lifecycle';
import { StaffSessionVersion1763900000010 } from './migrations/1763900000010-staff-session-version';
import { ScaleOut1763900000011 } from './migrations/1763900000011-scale-out';
import { Ratings1763900000012 } from './migrations/1763900000012-ratings';
import { IdempotentRequests1763900000013 } from './migrations/1763900000013-idempotent-requests';
import { HallRevisions1763900000014 } from './migrations/1763900000014-hall-revisions';
import { EventLogSeq1763900000015 } from './migrations/1763900000015-event-log-seq';
import { TicketRevOnce1763900000016 } from './migrations/1763900000016-ticket-rev-once';
import { AuditOrder1763900000017 } from './migrations/1763900000017-audit-order';

export const ENTITIES = [
  BranchEntity,
  QueueEntity,
  BusinessTypeEntity,
  CounterEntity,
  StaffUserEntity,
  DeviceEntity,
  TicketEntity,
  BranchEventEntity,
  DiversionRecordEntity,
  CustomerProfileEntity,
  AuditEntryEntity,
  ReferralEntity,
  ScheduledJobEntity,
  IdempotentRequestEntity,
];

export const MIGRATIONS = [
  InitialSchema1763900000000,
  CounterSeats1763900000001,
  CustomersAndAudit1763900000002,
  TicketIdentification1763900000003,
  TicketObservations1763900000004,
  TicketHold1763900000005,
  DiversionIdempotency1763900000006,
  TicketCustomer1763900000007,
  Referrals1763900000008,
  ReferralLifecycle1763900000009,
  StaffSessionVersion1763900000010,
  ScaleOut1763900000011,
  Ratings1763900000012,
  IdempotentRequests1763900000013,
  HallRevisions1763900000014,
  EventLogSeq1763900000015,
  TicketRevOnce1763900000016,
  AuditOrder1763900000017,
];

/**
 * TypeORM options for the configured engine: PostgreSQL when DATABASE_URL is set, otherwise the
 * SQLite file at DATABASE_PATH. Migrations run at start; the schema is never synchronised.
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (config.databaseUrl) {
    return { ...common, type: 'postgres', url: config.databaseUrl };
  }
  if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: config.databasePath,
    // WAL lets readers (backups, report tools) look while the server writes; a busy timeout rides out
    // a checkpoint instead of failing a request.
    enableWAL: true,
    busyTimeout: 5000,
    driver: sqliteDriver,
  };
}
