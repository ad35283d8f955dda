import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, json, ref, text } from './column-options';

/**
 * Safe retries of staff commands (issue #8): the first answer to each `Idempotency-Key`, per branch,
 * written in the command's transaction and replayed to a retry.
 */
export class IdempotentRequests1763900000013 implements MigrationInterface {
  name = 'IdempotentRequests1763900000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotent_request',
        columns: [
          id(),
          ref('branchId'),
          text('idempotencyKey', 128),
          text('fingerprint', 64),
          json('result'),
          text('businessDay', 10),
          instant('createdAt'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'idempotent_request',
      new TableIndex({
        name: 'ux_idempotent_request_key',
        columnNames: ['branchId', 'idempotencyKey'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('idempotent_request', 'ux_idempotent_request_key');
    await queryRunner.dropTable('idempotent_request');
  }
}
