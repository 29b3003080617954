// Applies the committed migrations in-process.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client';

/** The migrations folder next to this package's source. Bundles pass their own copy. */
export const defaultMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function migrateDb(db: Db, migrationsFolder = defaultMigrationsFolder): Promise<void> {
  await migrate(db, { migrationsFolder });
}

export interface StartupLockOptions {
  /** How long a holder keeps the lock without renewing it (a holder that died frees it then). */
  leaseMs?: number;
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  pollMs?: number;
}

const LOCK_TABLE = '__porchlight_startup_lock';

/**
 * Runs `work` (migrating, seeding) while holding a lock kept in the database itself, so that
 * several servers started at once against one libSQL server migrate it once: the first takes
 * the lock and migrates, the others wait for it and then find nothing left to do. The lock is
 * a lease, renewed while held, so a server that dies holding it frees it within `leaseMs`.
 */
export async function withStartupLock<T>(
  client: Client,
  work: () => Promise<T>,
  options: StartupLockOptions = {},
): Promise<T> {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 10 * 60_000;
  const pollMs = options.pollMs ?? 100;
  const holder = randomUUID();
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
  );
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = Date.now();
    const taken = await client.execute({
      sql: `INSERT INTO ${LOCK_TABLE} (id, holder, expires_at) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE ${LOCK_TABLE}.expires_at < ?`,
      args: [holder, now + leaseMs, now],
    });
    if (taken.rowsAffected === 1) break;
    if (Date.now() > deadline)
      throw new Error(
        `another server has held the database's start-up lock (migrations) for over ${Math.round(waitMs / 1000)} s`,
      );
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const renew = setInterval(() => {
    void client
      .execute({
        sql: `UPDATE ${LOCK_TABLE} SET expires_at = ? WHERE id = 1 AND holder = ?`,
        args: [Date.now() + leaseMs, holder],
      })
      .catch(() => undefined);
  }, leaseMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    // a release that fails leaves the lease to run out
    await client
      .execute({ sql: `DELETE FROM ${LOCK_TABLE} WHERE id = 1 AND holder = ?`, args: [holder] })
      .catch(() => undefined);
  }
}
