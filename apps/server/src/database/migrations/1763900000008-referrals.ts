import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Referrals to relationship managers (call-overs and follow-ups). */
export class Referrals1763900000008 implements MigrationInterface {
  name = 'Referrals1763900000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'referral',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('branchId', 36),
          text('ticketId', 36, true),
          text('ticketNumber', 16, true),
          { name: 'customer', type: 'text', isNullable: true },
          text('classification', 16),
          { name: 'score', type: 'integer' },
          { name: 'reasons', type: 'text' },
          text('rmUserId', 36),
          text('matchReason', 16),
          text('status', 16),
          { name: 'customerHasTime', type: 'boolean' },
          text('note', 200, true),
          text('referredBy', 36),
          text('referredByRole', 16),
          { name: 'createdAt', type: 'bigint' },
          { name: 'alertedAt', type: 'bigint', isNullable: true },
          { name: 'respondedAt', type: 'bigint', isNullable: true },
          text('response', 8, true),
          { name: 'deferMinutes', type: 'integer', isNullable: true },
          text('declineReason', 200, true),
          { name: 'passedOver', type: 'text' },
        ],
        indices: [{ name: 'ix_referral_rm_status', columnNames: ['branchId', 'rmUserId', 'status'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referral');
  }
}
