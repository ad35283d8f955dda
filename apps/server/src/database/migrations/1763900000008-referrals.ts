import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, id, instant, int, json, text } from './column-options';

/** Referrals to relationship managers (call-overs and follow-ups). */
export class Referrals1763900000008 implements MigrationInterface {
  name = 'Referrals1763900000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'referral',
        columns: [
          id(),
          text('branchId', 36),
          text('ticketId', 36, true),
          text('ticketNumber', 16, true),
          json('customer', true),
          text('classification', 16),
          int('score'),
          json('reasons'),
          text('rmUserId', 36),
          text('matchReason', 16),
          text('status', 16),
          bool('customerHasTime'),
          text('note', 200, true),
          text('referredBy', 36),
          text('referredByRole', 16),
          instant('createdAt'),
          instant('alertedAt', true),
          instant('respondedAt', true),
          text('response', 8, true),
          int('deferMinutes', undefined, true),
          text('declineReason', 200, true),
          json('passedOver'),
        ],
        indices: [{ name: 'ix_referral_rm_status', columnNames: ['branchId', 'rmUserId', 'status'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referral');
  }
}
