import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** A ticket returned to the queue is on hold for a short while (its customer stepped away). */
export class TicketHold1763900000005 implements MigrationInterface {
  name = 'TicketHold1763900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn({ name: 'holdUntil', type: 'bigint', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('ticket', 'holdUntil');
  }
}
