import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { json, ref } from './column-options';

/**
 * Customer ratings bound to a visit (issue #7): the rating request and answer live on the ticket (one per
 * visit), and a rating pad is a device that belongs to one counter.
 */
export class Ratings1763900000012 implements MigrationInterface {
  name = 'Ratings1763900000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn(json('rating', true)));
    await queryRunner.addColumn('device', new TableColumn(ref('counterId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('device', 'counterId');
    await queryRunner.dropColumn('ticket', 'rating');
  }
}
