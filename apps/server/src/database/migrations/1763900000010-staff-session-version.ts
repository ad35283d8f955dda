import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { int } from './column-options';

/**
 * A session version per staff member, carried in every token: an admin's password reset, deactivation or
 * role change raises it, so that every older token is refused at once although tokens are stateless.
 */
export class StaffSessionVersion1763900000010 implements MigrationInterface {
  name = 'StaffSessionVersion1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_user', new TableColumn(int('sessionVersion', 0)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_user', 'sessionVersion');
  }
}
