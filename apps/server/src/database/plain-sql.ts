import type { EntityManager } from 'typeorm';
import { SqliteConnection } from './sqlite-connection';

/** PostgreSQL's numbered form of each statement, made once. */
const numberedStatements = new Map<string, string>();

/**
 * Runs one plain SQL statement written with `?` placeholders, on either engine (PostgreSQL numbers them):
 * for the few statements every command runs, where TypeORM's query building costs more than the query.
 * Column names are quoted as the entities name them ("branchId"). On SQLite the statement stays prepared
 * on the connection between runs (database/sqlite-connection.ts); the SQL must therefore be one of a
 * bounded set of texts (values always go in as parameters, never into the text).
 */
export async function plainQuery<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  if (manager.connection.options.type === 'postgres') {
    return (await manager.query(numbered(sql), parameters)) as T[];
  }
  const connection = sqliteConnectionOf(manager);
  if (connection) return connection.allPrepared<T>(sql, parameters);
  return (await manager.query(sql, parameters)) as T[];
}

/**
 * SQLite: how many statements that may write have been sent on the connection so far (see
 * SqliteConnection.writes); two equal marks mean nothing was written in between. Null on PostgreSQL, where
 * other connections write too: there a reader must read again.
 */
export function writeMark(manager: EntityManager): number | null {
  return sqliteConnectionOf(manager)?.writes ?? null;
}

/** The SQLite connection under `manager` (LobbyFlow's SqliteConnection), or null on PostgreSQL. */
function sqliteConnectionOf(manager: EntityManager): SqliteConnection | null {
  const connection = (manager.connection.driver as { databaseConnection?: unknown }).databaseConnection;
  return connection instanceof SqliteConnection ? connection : null;
}

function numbered(sql: string): string {
  let text = numberedStatements.get(sql);
  if (text === undefined) {
    let index = 0;
    text = sql.replace(/\?/g, () => `$${++index}`);
    numberedStatements.set(sql, text);
  }
  return text;
}
