import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** The identification verdict of a ticket (class, score, reasons, rule version), staff-only. */
export class TicketIdentification1763900000003 implements MigrationInterface {
  name = 'TicketIdentification1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn({ name: 'identification', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('ticket', 'identification');
  }
}
