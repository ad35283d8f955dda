import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { plainQuery } from './plain-sql';
import { deepFreeze } from '../common/deep-freeze';

/** Column equality for a WHERE clause; `null` means IS NULL. */
export type RowFilter<E> = { [K in keyof E]?: E[K] | null };

/**
 * Whole-row reads and writes of one entity in plain SQL, for the few rows every command reads or writes
 * (the branch, its events, the ticket, the caller's device, the hall cache's changed tickets): TypeORM
 * builds each statement again on every call, which costs more than the statement itself (issue #10). Here a
 * statement is built once per shape from TypeORM's own metadata, and every value still goes through
 * TypeORM's driver both ways (column transformers, JSON, booleans, engine quirks), so a row reads and
 * writes exactly as through the EntityManager. There are no entity listeners or subscribers in LobbyFlow
 * for these calls to skip.
 */
export class EntityRows<E extends ObjectLiteral> {
  private constructor(
    private readonly manager: EntityManager,
    private readonly shape: EntityShape,
  ) {}

  /** The rows of `entity`, read and written through `manager` (its transaction, if it has one). */
  static of<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>): EntityRows<E> {
    let perEntity = shapes.get(manager.connection);
    if (!perEntity) {
      perEntity = new Map();
      shapes.set(manager.connection, perEntity);
    }
    let shape = perEntity.get(entity);
    if (!shape) {
      shape = new EntityShape(manager.connection.getMetadata(entity));
      perEntity.set(entity, shape);
    }
    return new EntityRows<E>(manager, shape);
  }

  /** The first row matching `where` (every column), or null. */
  async findOne(where: RowFilter<E>): Promise<E | null> {
    const filter = this.shape.filter(where);
    const sql = this.shape.statement(`select:${filter.key}`, () => {
      const columns = this.shape.columns.map((column) => quote(column.databaseName)).join(', ');
      return `SELECT ${columns} FROM ${this.shape.table} WHERE ${filter.sql} LIMIT 1`;
    });
    const [raw] = await plainQuery<Record<string, unknown>>(this.manager, sql, filter.values);
    return raw ? this.hydrate(raw) : null;
  }

  /** Inserts rows in one statement: every column with a value (the rest take their defaults). */
  async insert(rows: E[]): Promise<void> {
    if (rows.length === 0) return;
    const shapes = rows.map((row) => this.shape.insertColumns(row));
    const { key, columns } = shapes[0];
    if (shapes.some((other) => other.key !== key)) {
      throw new Error(`EntityRows.insert: the rows of ${this.shape.table} set different columns`);
    }
    const sql = this.shape.statement(`insert:${rows.length}:${key}`, () => {
      const names = columns.map((column) => quote(column.databaseName)).join(', ');
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      return `INSERT INTO ${this.shape.table} (${names}) VALUES ${rows.map(() => tuple).join(', ')}`;
    });
    const values = rows.flatMap((row) =>
      columns.map((column) => this.shape.persistent(column, column.getEntityValue(row))),
    );
    await plainQuery(this.manager, sql, values);
  }

  /** Sets `changes` on the rows matching `where`. */
  async update(where: RowFilter<E>, changes: Partial<E>): Promise<void> {
    const set = Object.keys(changes).map((property) => this.shape.column(property));
    const filter = this.shape.filter(where);
    const key = `update:${set.map((column) => column.propertyName).join(',')}:${filter.key}`;
    const sql = this.shape.statement(key, () => {
      const assignments = set.map((column) => `${quote(column.databaseName)} = ?`).join(', ');
      return `UPDATE ${this.shape.table} SET ${assignments} WHERE ${filter.sql}`;
    });
    const values = set.map((column) => this.shape.persistent(column, changes[column.propertyName as keyof E]));
    await plainQuery(this.manager, sql, [...values, ...filter.values]);
  }

  /**
   * An entity from a row as the driver returns it: the columns the row carries, converted as TypeORM does.
   * A JSON column holding the same text as the last row read gets the same value, frozen (the branch's
   * settings, parsed once instead of in every command): code replaces such a value, never changes it.
   */
  hydrate(raw: Record<string, unknown>): E {
    const entity = this.shape.metadata.create() as E;
    for (const column of this.shape.columns) {
      if (!(column.databaseName in raw)) continue;
      column.setEntityValue(entity, this.shape.hydrated(column, raw[column.databaseName]));
    }
    return entity;
  }
}

/** What EntityRows builds once per data source and entity: the columns and the statements made so far. */
class EntityShape {
  readonly columns: ColumnMetadata[];
  readonly table: string;
  private readonly statements = new Map<string, string>();
  private readonly byProperty: Map<string, ColumnMetadata>;
  /** Per JSON column, the text last read and its (frozen) value. */
  private readonly lastJson = new Map<ColumnMetadata, { text: string; value: unknown }>();

  constructor(readonly metadata: EntityMetadata) {
    this.columns = metadata.columns;
    this.table = quote(metadata.tableName);
    this.byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
  }

  /** A column's value as read, converted by TypeORM's driver; JSON text seen last time gives the same value. */
  hydrated(column: ColumnMetadata, raw: unknown): unknown {
    const driver = this.metadata.connection.driver;
    if (column.type !== 'simple-json' || typeof raw !== 'string') return driver.prepareHydratedValue(raw, column);
    const last = this.lastJson.get(column);
    if (last?.text === raw) return last.value;
    const value = deepFreeze(driver.prepareHydratedValue(raw, column));
    this.lastJson.set(column, { text: raw, value });
    return value;
  }

  /** The statement for `key`, built once. */
  statement(key: string, build: () => string): string {
    let sql = this.statements.get(key);
    if (sql === undefined) {
      sql = build();
      this.statements.set(key, sql);
    }
    return sql;
  }

  column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`EntityRows: ${this.metadata.tableName} has no column "${property}"`);
    return column;
  }

  /** The columns a row inserts (those with a value), and a key naming them. */
  insertColumns(row: ObjectLiteral): { key: string; columns: ColumnMetadata[] } {
    const columns = this.columns.filter((column) => column.isInsert && column.getEntityValue(row) !== undefined);
    return { key: columns.map((column) => column.propertyName).join(','), columns };
  }

  filter(where: ObjectLiteral): { key: string; sql: string; values: unknown[] } {
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

  persistent(column: ColumnMetadata, value: unknown): unknown {
    return this.metadata.connection.driver.preparePersistentValue(value, column);
  }
}

const shapes = new WeakMap<object, Map<EntityTarget<ObjectLiteral>, EntityShape>>();

const quote = (name: string) => `"${name}"`;
