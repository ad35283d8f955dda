import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** One seat per counter: which sign-in session holds it, since when, until when. */
export class CounterSeats1763900000001 implements MigrationInterface {
  name = 'CounterSeats1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('counter', [
      new TableColumn({ name: 'seatSessionId', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'seatUserId', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'seatSince', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'seatExpiresAt', type: 'bigint', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['seatExpiresAt', 'seatSince', 'seatUserId', 'seatSessionId']) {
      await queryRunner.dropColumn('counter', column);
    }
  }
}
