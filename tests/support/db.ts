// A private, migrated database file for one test file (or one test).
import { copyFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@porchlight/db';
import { TEMPLATE_DB, TMP_DIR } from './paths';

export interface TestDb extends DbHandle {
  path: string;
  destroy(): void;
}

export async function testDb(): Promise<TestDb> {
  const path = join(TMP_DIR, `test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, path);
  const handle = await createDb(`file:${path}`);
  return {
    ...handle,
    path,
    destroy() {
      handle.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}
