// Applies the committed migrations in-process.
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client';

/** The migrations folder next to this package's source. Bundles pass their own copy. */
export const defaultMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function migrateDb(db: Db, migrationsFolder = defaultMigrationsFolder): Promise<void> {
  await migrate(db, { migrationsFolder });
}
