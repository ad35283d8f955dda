import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/server/src/bootstrap';
import { demoDeviceKey } from '../../apps/server/src/auth/secrets';
import { loadConfig } from '../../apps/server/src/config/app-config';
import { MIGRATIONS } from '../../apps/server/src/database/data-source-options';
import { TEST_SECRET } from './support/test-app';
import { TEST_ENGINE, TestDatabase } from './support/test-database';

/**
 * The database under test (a SQLite file, or PostgreSQL with DB=postgres): migrated not synchronised,
 * WAL on SQLite, and what a restart finds in it.
 */
describe(`persistence on ${TEST_ENGINE === 'sqlite' ? 'a SQLite file' : 'PostgreSQL'}`, () => {
  let database: TestDatabase;
  let config: ReturnType<typeof loadConfig>;
  const kiosk = `Bearer ${demoDeviceKey(TEST_SECRET, 'demo', '大厅取号机 Lobby kiosk')}`;

  beforeAll(async () => {
    database = await TestDatabase.create();
    config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, ...database.env });
  });
  afterAll(() => database.drop());

  it('migrates to exactly the schema the entities describe', async () => {
    const app = await createApp(config);
    try {
      const dataSource = app.get(DataSource);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      if (TEST_ENGINE === 'sqlite') {
        expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        // FULL (2): every commit syncs the WAL, so an acknowledged ticket survives a crash or a power cut.
        expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
      }
      const migrations = await dataSource.query('SELECT name FROM migrations ORDER BY id');
      // Every migration the code ships ran, in order.
      expect(migrations).toEqual(MIGRATIONS.map((Migration) => ({ name: new Migration().name })));
    } finally {
      await app.close();
    }
  });

  it('keeps tickets and the event log across a restart, and seeds only once', async () => {
    let app = await createApp(config);
    const first = await request(app.getHttpServer())
      .post('/api/branches/demo/tickets')
      .set('Authorization', kiosk)
      .send({ businessType: 'account-opening' })
      .expect(201);
    await app.close();

    app = await createApp(config);
    try {
      const second = await request(app.getHttpServer())
        .post('/api/branches/demo/tickets')
        .set('Authorization', kiosk)
        .send({ businessType: 'account-opening' })
        .expect(201);
      expect(Number(second.body.number.slice(1))).toBe(Number(first.body.number.slice(1)) + 1);
      const snapshot = await request(app.getHttpServer())
        .get('/api/branches/demo/queue')
        .set('Authorization', kiosk)
        .expect(200);
      expect(snapshot.body.waiting.map((ticket: { id: string }) => ticket.id)).toEqual(
        expect.arrayContaining([first.body.id, second.body.id]),
      );
      expect(snapshot.body.seq).toBe(2);
      const branches = await app.get(DataSource).query('SELECT code FROM branch');
      expect(branches).toEqual([{ code: 'demo' }]);
    } finally {
      await app.close();
    }
  });

  it("counts one ticket revision per ticket write, on the branch and on the row (the hall cache's deltas)", async () => {
    const app = await createApp(config);
    try {
      const dataSource = app.get(DataSource);
      const ticketRev = async () =>
        Number(
          (
            (await dataSource.query(`SELECT "ticketRev" FROM "branch" WHERE "code" = 'demo'`)) as {
              ticketRev: number;
            }[]
          )[0].ticketRev,
        );
      const revOf = async (id: string) =>
        Number(
          (
            (await dataSource.query(
              TEST_ENGINE === 'sqlite'
                ? 'SELECT "rev" FROM "ticket" WHERE "id" = ?'
                : 'SELECT "rev" FROM "ticket" WHERE "id" = $1',
              [id],
            )) as { rev: number }[]
          )[0].rev,
        );
      const before = await ticketRev();
      const issued = await request(app.getHttpServer())
        .post('/api/branches/demo/tickets')
        .set('Authorization', kiosk)
        .send({ businessType: 'account-opening' })
        .expect(201);
      expect(await ticketRev()).toBe(before + 1);
      expect(await revOf(issued.body.id)).toBe(before + 1);
      // An update of the row (as a call or a transfer writes it) counts once more.
      await dataSource.query(
        TEST_ENGINE === 'sqlite'
          ? `UPDATE "ticket" SET "status" = 'cancelled' WHERE "id" = ?`
          : `UPDATE "ticket" SET "status" = 'cancelled' WHERE "id" = $1`,
        [issued.body.id],
      );
      expect(await ticketRev()).toBe(before + 2);
      expect(await revOf(issued.body.id)).toBe(before + 2);
    } finally {
      await app.close();
    }
  });

  it('numbers the audit entries written before the audit order existed by time, then id', async () => {
    const own = await TestDatabase.create();
    const app = await createApp(loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, ...own.env }));
    try {
      const dataSource = app.get(DataSource);
      const param = (index: number) => (TEST_ENGINE === 'sqlite' ? '?' : `$${index}`);
      // Back to the schema before AuditOrder (undoing any migration shipped after it).
      for (;;) {
        const [last] = (await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as {
          name: string;
        }[];
        await dataSource.undoLastMigration();
        if (last.name === 'AuditOrder1763900000017') break;
      }
      const [{ id: branchId }] = (await dataSource.query(`SELECT id FROM branch WHERE code = 'demo'`)) as {
        id: string;
      }[];
      // Two entries of one instant (ids out of the order they were written in) and an earlier one; another
      // branch's entries are numbered on their own.
      const other = '00000000-0000-4000-8000-0000000000ff';
      const rows: [string, string, number][] = [
        ['00000000-0000-4000-8000-00000000000b', branchId, 2000],
        ['00000000-0000-4000-8000-00000000000a', branchId, 2000],
        ['00000000-0000-4000-8000-00000000000c', branchId, 1000],
        ['00000000-0000-4000-8000-00000000000x', other, 1500],
        ['00000000-0000-4000-8000-00000000000y', other, 500],
      ];
      for (const [id, branch, at] of rows) {
        await dataSource.query(
          `INSERT INTO "audit_entry" ("id", "branchId", "actorUserId", "actorRole", "action", "subjectId", "reason", "at")
           VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(param).join(', ')})`,
          [id, branch, null, 'cli', 'customers.import', null, 'rows', at],
        );
      }
      await dataSource.runMigrations();
      const numbered = (await dataSource.query('SELECT "id", "branchId", "seq" FROM "audit_entry"')) as {
        id: string;
        branchId: string;
        seq: number;
      }[];
      const of = (branch: string) =>
        numbered
          .filter((row) => row.branchId === branch)
          .sort((a, b) => Number(a.seq) - Number(b.seq))
          .map((row) => [row.id.slice(-1), Number(row.seq)]);
      expect(of(branchId)).toEqual([
        ['c', 1],
        ['a', 2],
        ['b', 3],
      ]);
      expect(of(other)).toEqual([
        ['y', 1],
        ['x', 2],
      ]);
    } finally {
      await app.close();
      await own.drop();
    }
  });
});
