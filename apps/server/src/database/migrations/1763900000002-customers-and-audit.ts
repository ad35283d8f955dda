import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Known customers (keyed hashes, never numbers) and the append-only audit log. */
export class CustomersAndAudit1763900000002 implements MigrationInterface {
  name = 'CustomersAndAudit1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const amount = (name: string) => ({ name, type: 'decimal', precision: 16, scale: 2, isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'customer_profile',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('branchId', 36),
          text('idKind', 8),
          text('idHash', 64),
          text('masked', 32),
          text('displayName', 64, true),
          text('tier', 32, true),
          amount('monthlyAverageAssets'),
          amount('loanBalance'),
          amount('cardSpend12m'),
          amount('starPoints'),
          text('cardLevel', 16, true),
          text('rmUserId', 36, true),
          text('segment', 32, true),
          { name: 'updatedAt', type: 'bigint' },
        ],
        indices: [{ name: 'ux_customer_id_hash', columnNames: ['branchId', 'idHash'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('branchId', 36),
          text('actorUserId', 36, true),
          text('actorRole', 16),
          text('action', 32),
          text('subjectId', 36, true),
          text('reason', 200),
          { name: 'at', type: 'bigint' },
        ],
        indices: [{ name: 'ix_audit_branch_at', columnNames: ['branchId', 'at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
    await queryRunner.dropTable('customer_profile');
  }
}
