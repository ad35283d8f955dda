import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of the SQLite ticket triggers (HallRevisions): raise the branch's count, stamp the row. */
const STAMP_TICKET = `
    UPDATE "branch" SET "ticketRev" = "ticketRev" + 1 WHERE "id" = NEW."branchId";
    UPDATE "ticket" SET "rev" = COALESCE((SELECT "ticketRev" FROM "branch" WHERE "id" = NEW."branchId"), 0)
      WHERE "id" = NEW."id";`;

/**
 * SQLite: one revision per inserted ticket, as on PostgreSQL. The insert trigger of HallRevisions stamps
 * the new row with an UPDATE, and that UPDATE fired the update trigger (SQLite keeps a trigger from firing
 * itself, not another one): every insert raised `branch.ticketRev` twice and ran two more statements
 * inside SQLite. The update trigger now leaves alone an update that sets the row's revision itself (only
 * the triggers do), so an inserted ticket gets the next revision, as the HallRevisions comment says and as
 * on PostgreSQL, without the two extra statements.
 */
export class TicketRevOnce1763900000016 implements MigrationInterface {
  name = 'TicketRevOnce1763900000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query('DROP TRIGGER "trg_ticket_rev_update"');
    await queryRunner.query(
      `CREATE TRIGGER "trg_ticket_rev_update" AFTER UPDATE ON "ticket" WHEN NEW."rev" = OLD."rev" BEGIN ${STAMP_TICKET} END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await queryRunner.query('DROP TRIGGER "trg_ticket_rev_update"');
    await queryRunner.query(
      `CREATE TRIGGER "trg_ticket_rev_update" AFTER UPDATE ON "ticket" BEGIN ${STAMP_TICKET} END`,
    );
  }
}
