import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are numbered per branch (`audit_entry.seq`), in the order they were written: the log's
 * "newest first" held only to the millisecond, and entries of one instant (a customer import and the
 * profile view after it, two commands committed together) came back in no particular order. Existing
 * entries are numbered by time, then id, per branch. `ALTER TABLE ... ADD COLUMN` keeps SQLite from
 * rebuilding the table; `UPDATE ... FROM` needs SQLite 3.33 (node-sqlite3 bundles a later one).
 */
export class AuditOrder1763900000017 implements MigrationInterface {
  name = 'AuditOrder1763900000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" ADD COLUMN "seq" integer NOT NULL DEFAULT 0');
    // One pass over the log (a window function), not a count of earlier entries per entry.
    await queryRunner.query(`UPDATE "audit_entry" SET "seq" = "numbered"."n"
      FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "branchId" ORDER BY "at", "id") AS "n" FROM "audit_entry")
        AS "numbered"
      WHERE "numbered"."id" = "audit_entry"."id"`);
    await queryRunner.query('CREATE UNIQUE INDEX "ux_audit_branch_seq" ON "audit_entry" ("branchId", "seq")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ux_audit_branch_seq"');
    await queryRunner.query('ALTER TABLE "audit_entry" DROP COLUMN "seq"');
  }
}
