import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The engine the e2e suite runs on: SQLite by default, PostgreSQL with `DB=postgres`. */
export const TEST_ENGINE = engineFromEnv(process.env.DB);

/** The PostgreSQL server and database the suite uses with `DB=postgres`; each spec gets a schema of its own. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function engineFromEnv(value: string | undefined): 'sqlite' | 'postgres' {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`DB must be "sqlite" (the default) or "postgres", got "${value}".`);
}

/** A PostgreSQL URL whose sessions use `schema` (search_path): tables, migrations and all. */
export function urlWithSchema(url: string, schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * A throwaway database for one TestHall: a SQLite file in a temporary folder, or with `DB=postgres` a
 * fresh schema in the test database (dropped afterwards), so that specs never see each other's rows.
 * The folder exists on both engines: a development server keeps its generated customer key beside its data.
 */
export class TestDatabase {
  private constructor(
    readonly dir: string,
    /** The SQLite file (the path is set on PostgreSQL too, where it only places the generated secrets). */
    readonly sqlitePath: string,
    /** The PostgreSQL schema, or null on SQLite. */
    readonly schema: string | null,
  ) {}

  /** A fresh database on `engine` (the suite's, unless a test needs one: the scale tests need PostgreSQL). */
  static async create(engine: 'sqlite' | 'postgres' = TEST_ENGINE): Promise<TestDatabase> {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-e2e-'));
    const sqlitePath = join(dir, 'lobbyflow.sqlite');
    if (engine === 'sqlite') return new TestDatabase(dir, sqlitePath, null);
    const schema = `lf_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdmin((client) => client.query(`CREATE SCHEMA ${schema}`));
    return new TestDatabase(dir, sqlitePath, schema);
  }

  /** The environment that points a server at this database. */
  get env(): Record<string, string> {
    return this.schema === null
      ? { DATABASE_PATH: this.sqlitePath }
      : { DATABASE_PATH: this.sqlitePath, DATABASE_URL: urlWithSchema(TEST_POSTGRES_URL, this.schema) };
  }

  /**
   * Everything the database stores, as bytes to search for what must never be there (a card number in
   * clear): the SQLite file and its WAL, or every row of every table of the schema as text.
   */
  async storedBytes(): Promise<Buffer> {
    if (this.schema === null) {
      const wal = (() => {
        try {
          return readFileSync(`${this.sqlitePath}-wal`);
        } catch {
          return Buffer.alloc(0);
        }
      })();
      return Buffer.concat([readFileSync(this.sqlitePath), wal]);
    }
    const schema = this.schema;
    return withAdmin(async (client) => {
      const tables = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      const texts: string[] = [];
      for (const { table_name: table } of tables.rows) {
        const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${schema}."${table}" t`);
        texts.push(...rows.rows.map((row) => row.row));
      }
      return Buffer.from(texts.join('\n'), 'utf8');
    });
  }

  async drop(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    const schema = this.schema;
    if (schema !== null) await withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  }
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
