import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

/**
 * Runs an instance's start (migrations, then the demo seed) while holding a PostgreSQL advisory lock, so
 * that N instances started together migrate and seed one after the other: the first does the work, the
 * others find it done. TypeORM takes no such lock itself. The lock is held on a connection of its own,
 * released when `start` ends, and by PostgreSQL itself if this process dies. On SQLite (one instance)
 * there is nothing to wait for.
 */
export async function withBootLock<T>(config: AppConfig, start: () => Promise<T>): Promise<T> {
  if (!config.databaseUrl) return start();
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BOOT_LOCK_KEY]);
    return await start();
  } finally {
    // Closing the session releases the lock even if unlocking fails.
    await client.query('SELECT pg_advisory_unlock($1)', [BOOT_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** A stable 63-bit key, in the same space as the per-branch keys but hashed from another name. */
const BOOT_LOCK_KEY = (
  createHash('sha256').update('lobbyflow:boot').digest().readBigInt64BE(0) & 0x7fffffffffffffffn
).toString();
