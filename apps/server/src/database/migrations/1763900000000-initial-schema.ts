import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { amount, bool, id, instant, int, json, ref, text } from './column-options';

/*
 * The first schema, written with TypeORM's Table API so that the same migration runs on SQLite and
 * PostgreSQL. A spec checks that the entities and the migrated schema agree.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'branch',
        columns: [
          id(),
          text('code', 32),
          json('name'),
          text('timeZone', 64),
          { ...text('dayStartsAt', 5), default: "'00:00'" },
          text('businessDay', 10),
          int('lastSeq', 0),
          json('settings'),
        ],
        uniques: [{ columnNames: ['code'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'queue',
        columns: [
          id(),
          ref('branchId'),
          text('code', 16),
          text('prefix', 4),
          json('name'),
          text('destination', 32),
          int('sortOrder', 0),
        ],
        indices: [{ columnNames: ['branchId', 'code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_type',
        columns: [
          id(),
          ref('branchId'),
          text('code', 32),
          json('name'),
          text('category', 16),
          text('icon', 32),
          int('typicalServiceMinutes'),
          json('routes'),
          json('signals'),
          bool('active'),
          int('sortOrder', 0),
        ],
        indices: [{ columnNames: ['branchId', 'code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counter',
        columns: [
          id(),
          ref('branchId'),
          text('code', 16),
          json('name'),
          text('kind', 16),
          { ...text('status', 16), default: "'open'" },
          text('pauseReason', 32, true),
          instant('pausedAt', true),
          json('queues'),
          int('priorityStreak', 0),
          int('sortOrder', 0),
        ],
        indices: [{ columnNames: ['branchId', 'code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          id(),
          ref('branchId'),
          text('username', 64),
          text('displayName', 128),
          text('role', 16),
          ref('counterId', true),
          text('passwordHash', 255),
          json('specialties'),
          bool('active'),
        ],
        uniques: [{ columnNames: ['username'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'device',
        columns: [
          id(),
          ref('branchId'),
          text('kind', 16),
          text('name', 128),
          text('keyHash', 64),
          text('keyPrefix', 16),
          instant('createdAt'),
          instant('revokedAt', true),
        ],
        uniques: [{ columnNames: ['keyHash'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ticket',
        columns: [
          id(),
          ref('branchId'),
          text('businessDay', 10),
          text('issueQueue', 16),
          int('sequence'),
          text('number', 16),
          text('queue', 16),
          text('businessType', 32),
          text('destination', 32),
          amount('amount'),
          bool('hasCard', true),
          text('priority', 16),
          text('priorityReason', 16, true),
          json('signals'),
          text('adviceOutcome', 16, true),
          text('status', 16),
          instant('issuedAt'),
          instant('queuedAt'),
          instant('calledAt', true),
          instant('startedAt', true),
          instant('finishedAt', true),
          int('recallCount', 0),
          ref('counterId', true),
          ref('targetCounterId', true),
          ref('parkedFor', true),
          ref('servedBy', true),
          json('businessDone'),
          text('token', 64),
          text('idempotencyKey', 128, true),
          text('requestHash', 64, true),
        ],
        uniques: [{ columnNames: ['token'] }],
      }),
    );
    await queryRunner.createIndex(
      'ticket',
      new TableIndex({
        name: 'ux_ticket_number',
        columnNames: ['branchId', 'businessDay', 'issueQueue', 'sequence'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'ticket',
      new TableIndex({
        name: 'ux_ticket_idempotency',
        columnNames: ['branchId', 'businessDay', 'idempotencyKey'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'ticket',
      new TableIndex({ name: 'ix_ticket_open', columnNames: ['branchId', 'status'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'branch_event',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          ref('branchId'),
          int('seq'),
          text('type', 48),
          instant('at'),
          json('data'),
        ],
        indices: [{ name: 'ux_branch_event_seq', columnNames: ['branchId', 'seq'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'diversion_record',
        columns: [
          id(),
          ref('branchId'),
          text('businessDay', 10),
          text('businessType', 32),
          text('destination', 32),
          text('outcome', 16),
          ref('ticketId', true),
          instant('at'),
        ],
        indices: [{ name: 'ix_diversion_day', columnNames: ['branchId', 'businessDay'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'diversion_record',
      'branch_event',
      'ticket',
      'device',
      'staff_user',
      'counter',
      'business_type',
      'queue',
      'branch',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
