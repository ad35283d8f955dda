import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows make up a branch's configuration as `BranchConfig` loads it. */
const CONFIG_TABLES = ['queue', 'business_type', 'counter'];

/**
 * Revisions that let a server keep a branch's configuration and open tickets in memory between commands
 * (hall/hall-cache.ts, issue #10), kept by the database itself so that no write path can forget them and
 * every instance sees every other's changes:
 * - `branch.ticketRev` counts the writes to the branch's tickets; each inserted or updated ticket row gets
 *   the new count in `ticket.rev`, so "the tickets changed since revision r" is one indexed query;
 * - `branch.configRev` counts the writes to the branch's queues, business types and counters.
 * The counters are updated by triggers in the writing transaction: they commit or roll back with it, and
 * the branch row they update serialises the writers of one branch, so revisions commit in order.
 *
 * Columns are added with plain ALTER TABLE: TypeORM's SQLite `addColumn` rebuilds the table, which drops
 * its triggers. A later migration that changes these tables on SQLite must recreate the triggers.
 */
export class HallRevisions1763900000014 implements MigrationInterface {
  name = 'HallRevisions1763900000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query('ALTER TABLE "branch" ADD COLUMN "ticketRev" integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE "branch" ADD COLUMN "configRev" integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE "ticket" ADD COLUMN "rev" integer NOT NULL DEFAULT 0');
    await queryRunner.query('CREATE INDEX "ix_ticket_rev" ON "ticket" ("branchId", "rev")');
    for (const statement of postgres ? postgresTriggers() : sqliteTriggers()) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query('DROP TRIGGER "trg_ticket_rev" ON "ticket"');
      await queryRunner.query('DROP FUNCTION lobbyflow_ticket_rev()');
      for (const table of CONFIG_TABLES)
        await queryRunner.query(`DROP TRIGGER "trg_${table}_config_rev" ON "${table}"`);
      await queryRunner.query('DROP FUNCTION lobbyflow_config_rev()');
    } else {
      for (const name of ['trg_ticket_rev_insert', 'trg_ticket_rev_update']) {
        await queryRunner.query(`DROP TRIGGER "${name}"`);
      }
      for (const table of CONFIG_TABLES) {
        for (const change of ['insert', 'update', 'delete']) {
          await queryRunner.query(`DROP TRIGGER "trg_${table}_config_rev_${change}"`);
        }
      }
    }
    await queryRunner.query('DROP INDEX "ix_ticket_rev"');
    await queryRunner.query('ALTER TABLE "ticket" DROP COLUMN "rev"');
    await queryRunner.query('ALTER TABLE "branch" DROP COLUMN "configRev"');
    await queryRunner.query('ALTER TABLE "branch" DROP COLUMN "ticketRev"');
  }
}

function sqliteTriggers(): string[] {
  // SQLite triggers do not fire themselves (recursive_triggers is off), so the row's own rev update is quiet.
  const stampTicket = `
    UPDATE "branch" SET "ticketRev" = "ticketRev" + 1 WHERE "id" = NEW."branchId";
    UPDATE "ticket" SET "rev" = COALESCE((SELECT "ticketRev" FROM "branch" WHERE "id" = NEW."branchId"), 0)
      WHERE "id" = NEW."id";`;
  const statements = [
    `CREATE TRIGGER "trg_ticket_rev_insert" AFTER INSERT ON "ticket" BEGIN ${stampTicket} END`,
    `CREATE TRIGGER "trg_ticket_rev_update" AFTER UPDATE ON "ticket" BEGIN ${stampTicket} END`,
  ];
  for (const table of CONFIG_TABLES) {
    for (const [change, row] of [
      ['insert', 'NEW'],
      ['update', 'NEW'],
      ['delete', 'OLD'],
    ]) {
      statements.push(
        `CREATE TRIGGER "trg_${table}_config_rev_${change}" AFTER ${change.toUpperCase()} ON "${table}" BEGIN
           UPDATE "branch" SET "configRev" = "configRev" + 1 WHERE "id" = ${row}."branchId";
         END`,
      );
    }
  }
  return statements;
}

function postgresTriggers(): string[] {
  return [
    `CREATE FUNCTION lobbyflow_ticket_rev() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE "branch" SET "ticketRev" = "ticketRev" + 1 WHERE "id" = NEW."branchId" RETURNING "ticketRev" INTO NEW."rev";
       -- A ticket of no known branch (history written by a tool) keeps revision 0.
       NEW."rev" := COALESCE(NEW."rev", 0);
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER "trg_ticket_rev" BEFORE INSERT OR UPDATE ON "ticket"
     FOR EACH ROW EXECUTE FUNCTION lobbyflow_ticket_rev()`,
    `CREATE FUNCTION lobbyflow_config_rev() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' THEN
         UPDATE "branch" SET "configRev" = "configRev" + 1 WHERE "id" = OLD."branchId";
       ELSE
         UPDATE "branch" SET "configRev" = "configRev" + 1 WHERE "id" = NEW."branchId";
       END IF;
       RETURN NULL;
     END $$`,
    ...CONFIG_TABLES.map(
      (table) => `CREATE TRIGGER "trg_${table}_config_rev" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
       FOR EACH ROW EXECUTE FUNCTION lobbyflow_config_rev()`,
    ),
  ];
}
