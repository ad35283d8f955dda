import type { TableColumnOptions } from 'typeorm';

/*
 * Column shapes for migrations, matching the entity column helpers (database/columns.ts): portable
 * across SQLite and PostgreSQL. Changing one changes only migrations written after the change, never a
 * schema that already ran.
 */
export const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const json = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const int = (name: string, fallback?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(fallback !== undefined ? { default: fallback } : {}),
});
export const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});
export const bool = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: nullable,
});
export const amount = (name: string): TableColumnOptions => ({
  name,
  type: 'decimal',
  precision: 16,
  scale: 2,
  isNullable: true,
});
