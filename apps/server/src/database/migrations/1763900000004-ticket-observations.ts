import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Signals staff observed about a ticket's customer (teller while serving, lobby manager in the hall). */
export class TicketObservations1763900000004 implements MigrationInterface {
  name = 'TicketObservations1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn({ name: 'observations', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('ticket', 'observations');
  }
}
