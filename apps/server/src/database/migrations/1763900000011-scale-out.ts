import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { instant, int, text } from './column-options';

/**
 * Running N instances on one database (issue #9):
 * - `scheduled_job`: one row per timer (day rollover, call-over escalation); an instance runs a timer only
 *   after claiming its due time with a compare-and-set on this row, so each run happens once across all
 *   instances;
 * - indexes that keep the hot queries independent of the history a branch accumulates: the tickets of
 *   today by status (call next, snapshot, estimates), the ticket a counter is handling (every call checks
 *   it), and the events of a period (reports).
 */
export class ScaleOut1763900000011 implements MigrationInterface {
  name = 'ScaleOut1763900000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'scheduled_job',
        columns: [
          { ...text('name', 64), isPrimary: true },
          instant('dueAt'),
          text('claimedBy', 64, true),
          instant('claimedAt', true),
          int('runs', 0),
        ],
      }),
    );
    await queryRunner.createIndex(
      'ticket',
      new TableIndex({ name: 'ix_ticket_day_status', columnNames: ['branchId', 'businessDay', 'status'] }),
    );
    await queryRunner.createIndex(
      'ticket',
      new TableIndex({ name: 'ix_ticket_counter_status', columnNames: ['counterId', 'status'] }),
    );
    await queryRunner.createIndex(
      'branch_event',
      new TableIndex({ name: 'ix_branch_event_at', columnNames: ['branchId', 'at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('branch_event', 'ix_branch_event_at');
    await queryRunner.dropIndex('ticket', 'ix_ticket_counter_status');
    await queryRunner.dropIndex('ticket', 'ix_ticket_day_status');
    await queryRunner.dropTable('scheduled_job');
  }
}
