import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { plainQuery } from './plain-sql';

/** Column equality for a WHERE clause; `null` means IS NULL. */
export type RowFilter<E> = { [K in keyof E]?: E[K] | null };

/**
 * Whole-row reads and writes of one entity in plain SQL, for the few rows every command reads or writes
 * (the branch, its events, the ticket, the caller's device): TypeORM builds each statement again on every
 * call, which costs more than the statement itself (issue #10). Here a statement is built once per shape
 * from TypeORM's own metadata, and every value still goes through TypeORM's driver both ways (column
 * transformers, JSON, booleans, engine quirks), so a row reads and writes exactly as through the
 * EntityManager. There are no entity listeners or subscribers in LobbyFlow for these calls to skip.
 */
export class EntityRows<E extends ObjectLiteral> {
  private readonly statements = new Map<string, string>();
  private readonly byProperty: Map<string, ColumnMetadata>;

  private constructor(private readonly metadata: EntityMetadata) {
    this.byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
  }

  /** The rows of `entity` on the data source of `manager` (one instance per data source and entity). */
  static of<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>): EntityRows<E> {
    let perEntity = registry.get(manager.connection);
    if (!perEntity) {
      perEntity = new Map();
      registry.set(manager.connection, perEntity);
    }
    let rows = perEntity.get(entity);
    if (!rows) {
      rows = new EntityRows<E>(manager.connection.getMetadata(entity));
      perEntity.set(entity, rows);
    }
    return rows as EntityRows<E>;
  }

  /** The first row matching `where` (every column), or null. */
  async findOne(manager: EntityManager, where: RowFilter<E>): Promise<E | null> {
    const filter = this.filter(where);
    const sql = this.statement(`select:${filter.key}`, () => {
      const columns = this.metadata.columns.map((column) => quote(column.databaseName)).join(', ');
      return `SELECT ${columns} FROM ${quote(this.metadata.tableName)} WHERE ${filter.sql} LIMIT 1`;
    });
    const [raw] = await plainQuery<Record<string, unknown>>(manager, sql, filter.values);
    return raw ? this.hydrate(raw) : null;
  }

  /** Inserts whole rows in one statement: every column with a value (the rest take their defaults). */
  async insert(manager: EntityManager, rows: E[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = this.metadata.columns.filter(
      (column) => column.isInsert && column.getEntityValue(rows[0]) !== undefined,
    );
    const key = `insert:${rows.length}:${columns.map((column) => column.propertyName).join(',')}`;
    const sql = this.statement(key, () => {
      const names = columns.map((column) => quote(column.databaseName)).join(', ');
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      return `INSERT INTO ${quote(this.metadata.tableName)} (${names}) VALUES ${rows.map(() => tuple).join(', ')}`;
    });
    const values = rows.flatMap((row) => {
      const defined = this.metadata.columns.filter(
        (column) => column.isInsert && column.getEntityValue(row) !== undefined,
      );
      if (defined.length !== columns.length) {
        throw new Error(`EntityRows.insert: the rows of ${this.metadata.tableName} set different columns`);
      }
      return columns.map((column) => this.persistent(column, column.getEntityValue(row)));
    });
    await plainQuery(manager, sql, values);
  }

  /** Sets `changes` on the rows matching `where`. */
  async update(manager: EntityManager, where: RowFilter<E>, changes: Partial<E>): Promise<void> {
    const set = Object.keys(changes).map((property) => this.column(property));
    const filter = this.filter(where);
    const key = `update:${set.map((column) => column.propertyName).join(',')}:${filter.key}`;
    const sql = this.statement(key, () => {
      const assignments = set.map((column) => `${quote(column.databaseName)} = ?`).join(', ');
      return `UPDATE ${quote(this.metadata.tableName)} SET ${assignments} WHERE ${filter.sql}`;
    });
    const values = set.map((column) => this.persistent(column, changes[column.propertyName as keyof E]));
    await plainQuery(manager, sql, [...values, ...filter.values]);
  }

  private filter(where: RowFilter<E>): { key: string; sql: string; values: unknown[] } {
    const parts = Object.entries(where).map(([property, value]) => ({ column: this.column(property), value }));
    if (parts.length === 0) throw new Error(`EntityRows: a statement on ${this.metadata.tableName} without a filter`);
    return {
      key: parts.map(({ column, value }) => `${column.propertyName}${value === null ? '=null' : ''}`).join(','),
      sql: parts
        .map(({ column, value }) => `${quote(column.databaseName)} ${value === null ? 'IS NULL' : '= ?'}`)
        .join(' AND '),
      values: parts.filter(({ value }) => value !== null).map(({ column, value }) => this.persistent(column, value)),
    };
  }

  /** The statement for `key`, built once. */
  private statement(key: string, build: () => string): string {
    let sql = this.statements.get(key);
    if (sql === undefined) {
      sql = build();
      this.statements.set(key, sql);
    }
    return sql;
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`EntityRows: ${this.metadata.tableName} has no column "${property}"`);
    return column;
  }

  private persistent(column: ColumnMetadata, value: unknown): unknown {
    return this.metadata.connection.driver.preparePersistentValue(value, column);
  }

  private hydrate(raw: Record<string, unknown>): E {
    const entity = this.metadata.create() as E;
    for (const column of this.metadata.columns) {
      const value = this.metadata.connection.driver.prepareHydratedValue(raw[column.databaseName], column);
      column.setEntityValue(entity, value);
    }
    return entity;
  }
}

const registry = new WeakMap<object, Map<EntityTarget<ObjectLiteral>, EntityRows<ObjectLiteral>>>();

const quote = (name: string) => `"${name}"`;
