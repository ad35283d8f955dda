import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `branch.lastSeq` follows the branch's event log by itself: a trigger raises it to each event's `seq` as
 * the event row is inserted, in the same transaction, so it commits or rolls back with the events.
 * Every command used to update the branch row after inserting its events; now it writes the branch row
 * only when the business day moves on. One statement less per command, and on SQLite one trip less to
 * its worker thread on the connection every command waits for (issue #10).
 *
 * TypeORM's SQLite `addColumn` rebuilds a table, which drops its triggers: a later migration that changes
 * `branch_event` on SQLite must create this trigger again.
 */
export class EventLogSeq1763900000015 implements MigrationInterface {
  name = 'EventLogSeq1763900000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`CREATE FUNCTION lobbyflow_last_seq() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE "branch" SET "lastSeq" = GREATEST("lastSeq", NEW."seq") WHERE "id" = NEW."branchId";
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER "trg_branch_event_last_seq" AFTER INSERT ON "branch_event"
        FOR EACH ROW EXECUTE FUNCTION lobbyflow_last_seq()`);
      return;
    }
    await queryRunner.query(`CREATE TRIGGER "trg_branch_event_last_seq" AFTER INSERT ON "branch_event" BEGIN
        UPDATE "branch" SET "lastSeq" = MAX("lastSeq", NEW."seq") WHERE "id" = NEW."branchId";
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER "trg_branch_event_last_seq" ON "branch_event"');
      await queryRunner.query('DROP FUNCTION lobbyflow_last_seq()');
      return;
    }
    await queryRunner.query('DROP TRIGGER "trg_branch_event_last_seq"');
  }
}
