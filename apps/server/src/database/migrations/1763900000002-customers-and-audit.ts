import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { amount, id, instant, text } from './column-options';

/** Known customers (keyed hashes, never numbers) and the append-only audit log. */
export class CustomersAndAudit1763900000002 implements MigrationInterface {
  name = 'CustomersAndAudit1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customer_profile',
        columns: [
          id(),
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
          instant('updatedAt'),
        ],
        indices: [{ name: 'ux_customer_id_hash', columnNames: ['branchId', 'idHash'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id(),
          text('branchId', 36),
          text('actorUserId', 36, true),
          text('actorRole', 16),
          text('action', 32),
          text('subjectId', 36, true),
          text('reason', 200),
          instant('at'),
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
