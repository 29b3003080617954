// `porchlight backup FILE` and `porchlight restore FILE` for the embedded
// database (docs/reliability.md). A backup is taken while the server runs: one
// `VACUUM INTO` reads a single consistent snapshot of the file (in WAL mode a
// reader neither waits for the server's writes nor holds them up) and writes it
// out compacted, then the copy is checked. A restore needs the server stopped:
// it takes the server's writer lock, checks the backup, keeps the current file
// beside it, and puts the backup in its place.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { filePathOf, isEmbeddedUrl, openLibsqlClient } from '@porchlight/db';
import type { ServerConfig } from './config';
import { acquireWriterLock, DatabaseInUseError } from './writer-lock';

export class BackupError extends Error {}

type DatabaseConfig = Pick<ServerConfig, 'databaseUrl' | 'encryptionKey'>;

function embeddedPath(config: DatabaseConfig): string {
  if (!isEmbeddedUrl(config.databaseUrl))
    throw new BackupError(
      'backup and restore work on the embedded database file; a libSQL server (DATABASE_URL ' +
        'libsql://, http:// or ws://) is backed up with its own tools (see the README).',
    );
  return filePathOf(config.databaseUrl);
}

function open(path: string, encryptionKey: string | undefined) {
  return openLibsqlClient({ url: `file:${path}`, ...(encryptionKey ? { encryptionKey } : {}) });
}

export interface CheckedDatabase {
  integrity: string;
  /** Rows in each of the product's tables. */
  rows: Record<string, number>;
  migrations: number;
}

/** Integrity, rows per table and migrations applied, of a database file. */
export async function checkDatabaseFile(
  path: string,
  encryptionKey?: string,
): Promise<CheckedDatabase> {
  const client = await open(path, encryptionKey);
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows
      .map((r) => String(r[0] as string))
      .join('; ');
    const tables = await client.execute(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const rows: Record<string, number> = {};
    for (const table of tables.rows) {
      const name = table[0] as string;
      const counted = await client.execute(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`);
      rows[name] = Number(counted.rows[0]?.[0] ?? 0);
    }
    const migrations = rows.__drizzle_migrations ?? 0;
    return { integrity, rows, migrations };
  } finally {
    client.close();
  }
}

export interface BackupResult extends CheckedDatabase {
  target: string;
  bytes: number;
  ms: number;
}

/** A consistent copy of the running (or stopped) server's database, checked. */
export async function backupDatabase(
  config: DatabaseConfig,
  target: string,
): Promise<BackupResult> {
  const source = embeddedPath(config);
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}.`);
  if (existsSync(target))
    throw new BackupError(`${target} already exists: name a new file for the backup.`);
  const begin = performance.now();
  mkdirSync(dirname(target), { recursive: true });
  const client = await open(source, config.encryptionKey);
  try {
    // a reader's wait for a moment when the file is being checkpointed
    await client.execute('PRAGMA busy_timeout = 10000');
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  } catch (error) {
    rmSync(target, { force: true });
    throw new BackupError(
      `the backup could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    client.close();
  }
  const checked = await checkDatabaseFile(target, config.encryptionKey);
  if (checked.integrity !== 'ok') {
    rmSync(target, { force: true });
    throw new BackupError(`the backup failed its integrity check (${checked.integrity}).`);
  }
  return { ...checked, target, bytes: statSync(target).size, ms: performance.now() - begin };
}

export interface RestoreResult extends CheckedDatabase {
  database: string;
  /** Where the database that was replaced now is (nothing is deleted). */
  keptAs: string | null;
}

/** Puts a backup in the place of the database; the server must be stopped. */
export async function restoreDatabase(
  config: DatabaseConfig,
  backup: string,
  now = new Date(),
): Promise<RestoreResult> {
  const database = embeddedPath(config);
  if (!existsSync(backup)) throw new BackupError(`there is no backup at ${backup}.`);
  let release: () => void;
  try {
    release = acquireWriterLock(database);
  } catch (error) {
    if (error instanceof DatabaseInUseError)
      throw new BackupError(
        `a Porchlight server is running on ${database}: stop it, then restore. (${error.message})`,
      );
    throw error;
  }
  try {
    const checked = await checkDatabaseFile(backup, config.encryptionKey);
    if (checked.integrity !== 'ok')
      throw new BackupError(`the backup failed its integrity check (${checked.integrity}).`);
    if (checked.migrations === 0)
      throw new BackupError(`${backup} is not a Porchlight database (it has no migrations).`);
    let keptAs: string | null = null;
    if (existsSync(database)) {
      keptAs = `${database}.before-restore-${now.toISOString().replaceAll(':', '-')}`;
      // the write-ahead log belongs to the file it was written for: it moves with it
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(database + suffix)) renameSync(database + suffix, keptAs + suffix);
    }
    copyFileSync(backup, database);
    return { ...checked, database, keptAs };
  } finally {
    release();
  }
}
