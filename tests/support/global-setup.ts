// Builds one migrated database file that every test file copies: copying a file
// is faster than migrating, and each copy is a private database.
import { mkdirSync, rmSync } from 'node:fs';
import { createDb, migrateDb } from '@porchlight/db';
import { join } from 'node:path';
import { TMP_DIR } from './paths';

export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  const template = join(TMP_DIR, `template-${process.pid}.db`);
  process.env.PORCHLIGHT_TEST_TEMPLATE = template;
  for (const suffix of ['', '-wal', '-shm']) rmSync(template + suffix, { force: true });
  const handle = await createDb(`file:${template}`);
  await migrateDb(handle.db);
  // fold the WAL into the file so a plain copy carries everything
  await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  handle.close();
  return () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(template + suffix, { force: true });
  };
}
