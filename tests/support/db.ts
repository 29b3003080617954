// A private, migrated database for one test file (or one test).
//
// By default a copy of a migrated template file. With DATABASE_URL pointing at a libSQL
// server (sqld started with --enable-namespaces, and SQLD_ADMIN_URL naming its admin API),
// each test database is instead a fork of a migrated template namespace on that server.
import { copyFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDb, type DbHandle, type DbOptions } from '@porchlight/db';
import { createNamespace, deleteNamespace } from '@porchlight/db/sqld';
import { TEMPLATE_DB, TMP_DIR } from './paths';
import { remoteTestServer } from './remote';

export interface TestDb extends DbHandle {
  /** The database file, or the namespace on the libSQL server. */
  path: string;
  /**
   * A number that moves whenever anything is written to this database, by any connection:
   * SQLite's total_changes() on the embedded file's one connection (which counts even a
   * write that was rolled back); on a libSQL server its replication index (a new frame for
   * every committed write).
   */
  writeMark(): Promise<number>;
  /** Another private database holding what this one holds now. */
  copy(): Promise<TestDb>;
  destroy(): Promise<void>;
}

async function fileDb(source: string, options: DbOptions): Promise<TestDb> {
  const path = join(TMP_DIR, `test-${randomUUID()}.db`);
  copyFileSync(source, path);
  const handle = await createDb(`file:${path}`, options);
  return {
    ...handle,
    path,
    writeMark: async () =>
      Number((await handle.client.execute('SELECT total_changes()')).rows[0]?.[0]),
    copy: () => fileDb(path, options),
    destroy() {
      handle.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      return Promise.resolve();
    },
  };
}

async function namespaceDb(
  remote: { url: string; adminUrl: string },
  source: string,
  options: DbOptions,
): Promise<TestDb> {
  const namespace = `test-${randomUUID()}`;
  await createNamespace(remote.adminUrl, namespace, source);
  const handle = await createDb(remote.url, { ...options, namespace });
  return {
    ...handle,
    path: namespace,
    async writeMark() {
      const response = await fetch(`${remote.adminUrl}/v1/namespaces/${namespace}/stats`);
      if (!response.ok) throw new Error(`sqld stats of ${namespace}: ${response.status}`);
      return ((await response.json()) as { replication_index: number }).replication_index;
    },
    copy: () => namespaceDb(remote, namespace, options),
    async destroy() {
      handle.close();
      await deleteNamespace(remote.adminUrl, namespace);
    },
  };
}

export async function testDb(options: DbOptions = {}): Promise<TestDb> {
  const remote = remoteTestServer();
  return remote ? namespaceDb(remote, remote.template, options) : fileDb(TEMPLATE_DB, options);
}
