// The server's entry (dist/main.js). Before anything else loads, it starts the
// embedded database's thread, which loads the libSQL driver on the other core
// while this one loads the server (packages/db early-thread.ts); then it runs
// the command (cli.ts). Start-up is about a third shorter.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDatabaseThreadEarly } from '@porchlight/db/early-thread';

// beside main.js in the build (from source there is none, and the database opens on this thread)
const dbWorker = join(dirname(fileURLToPath(import.meta.url)), 'db-worker.js');
const command = process.argv[2];
// the configuration is not read yet: should the database turn out not to be a file on its
// own thread (a libSQL server, DATABASE_THREAD=main), opening it stops this thread
if ((command === undefined || command === 'serve') && existsSync(dbWorker))
  startDatabaseThreadEarly(dbWorker);

await import('./cli');
