import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are numbered per branch (`audit_entry.seq`), in the order they were written: the log's
 * "newest first" held only to the millisecond, and entries of one instant (a customer import and the
 * profile view after it, two commands committed together) came back in no particular order. Existing
 * entries are numbered by time, then id. `ALTER TABLE ... ADD COLUMN` keeps SQLite from rebuilding the table.
 */
export class AuditOrder1763900000017 implements MigrationInterface {
  name = 'AuditOrder1763900000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" ADD COLUMN "seq" integer NOT NULL DEFAULT 0');
    await queryRunner.query(`UPDATE "audit_entry" SET "seq" = (
        SELECT COUNT(*) FROM "audit_entry" AS "earlier"
        WHERE "earlier"."branchId" = "audit_entry"."branchId"
          AND ("earlier"."at" < "audit_entry"."at"
            OR ("earlier"."at" = "audit_entry"."at" AND "earlier"."id" <= "audit_entry"."id")))`);
    await queryRunner.query('CREATE UNIQUE INDEX "ux_audit_branch_seq" ON "audit_entry" ("branchId", "seq")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ux_audit_branch_seq"');
    await queryRunner.query('ALTER TABLE "audit_entry" DROP COLUMN "seq"');
  }
}
