import type { EntityManager } from 'typeorm';

/**
 * Runs one plain SQL statement written with `?` placeholders, on either engine (PostgreSQL numbers them):
 * for the few statements every command runs, where TypeORM's query building costs more than the query.
 * Column names are quoted as the entities name them ("branchId").
 */
export async function plainQuery<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  let index = 0;
  const text = manager.connection.options.type === 'postgres' ? sql.replace(/\?/g, () => `$${++index}`) : sql;
  return (await manager.query(text, parameters)) as T[];
}
