import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** A kiosk retrying "I'll use the machine" must not count the same customer twice in the diversion rate. */
export class DiversionIdempotency1763900000006 implements MigrationInterface {
  name = 'DiversionIdempotency1763900000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'diversion_record',
      new TableColumn({ name: 'idempotencyKey', type: 'varchar', length: '128', isNullable: true }),
    );
    await queryRunner.createIndex(
      'diversion_record',
      new TableIndex({
        name: 'ux_diversion_idempotency',
        columnNames: ['branchId', 'businessDay', 'idempotencyKey'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('diversion_record', 'ux_diversion_idempotency');
    await queryRunner.dropColumn('diversion_record', 'idempotencyKey');
  }
}
