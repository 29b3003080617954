// Builds one migrated database that every test file copies: copying is faster than
// migrating, and each copy is a private database. A file, or a namespace on the libSQL
// server that DATABASE_URL names (support/db.ts).
import { mkdirSync, rmSync } from 'node:fs';
import { createDb, migrateDb } from '@porchlight/db';
import { createNamespace, deleteNamespace } from '@porchlight/db/sqld';
import { join } from 'node:path';
import { TMP_DIR } from './paths';
import { remoteTestServer } from './remote';

export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  const remote = remoteTestServer();
  if (remote) {
    const template = `template-${process.pid}`;
    process.env.PORCHLIGHT_TEST_TEMPLATE = template;
    await deleteNamespace(remote.adminUrl, template);
    await createNamespace(remote.adminUrl, template);
    const handle = await createDb(remote.url, { namespace: template });
    await migrateDb(handle.db);
    handle.close();
    return () => deleteNamespace(remote.adminUrl, template);
  }
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
