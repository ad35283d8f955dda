import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * The known customer a ticket was issued to (identified at the kiosk by card or phone), as the summary
 * staff screens show: profile id, masked number, name, tier. Never an asset figure.
 */
export class TicketCustomer1763900000007 implements MigrationInterface {
  name = 'TicketCustomer1763900000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn({ name: 'customer', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('ticket', 'customer');
  }
}
