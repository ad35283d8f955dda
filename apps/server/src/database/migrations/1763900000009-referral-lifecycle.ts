import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { instant, int, json, text } from './column-options';

/**
 * The referral after the call-over (walk-ins, consented contact, the meeting, its outcome, follow-up
 * grade and next contact day, the contacts since) and RM presence (available / with customer / away).
 * New columns are nullable: referrals and staff written before this migration keep working.
 */
export class ReferralLifecycle1763900000009 implements MigrationInterface {
  name = 'ReferralLifecycle1763900000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(
      'referral',
      [
        text('walkIn', 200, true),
        int('rulesVersion', undefined, true),
        json('contact', true),
        instant('metAt', true),
        text('outcome', 16, true),
        json('products', true),
        text('grade', 1, true),
        text('nextContactOn', 10, true),
        json('contacts', true),
      ].map((options) => new TableColumn(options)),
    );
    await queryRunner.createIndex(
      'referral',
      new TableIndex({ name: 'ix_referral_follow_up', columnNames: ['branchId', 'rmUserId', 'nextContactOn'] }),
    );
    await queryRunner.addColumns(
      'staff_user',
      [text('presence', 16, true), instant('presenceSince', true), instant('presenceUntil', true)].map(
        (options) => new TableColumn(options),
      ),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('staff_user', ['presence', 'presenceSince', 'presenceUntil']);
    await queryRunner.dropIndex('referral', 'ix_referral_follow_up');
    await queryRunner.dropColumns('referral', [
      'walkIn',
      'rulesVersion',
      'contact',
      'metAt',
      'outcome',
      'products',
      'grade',
      'nextContactOn',
      'contacts',
    ]);
  }
}
