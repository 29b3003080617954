// The commands, which main.ts runs. `pnpm start`: migrate, seed the demo into an
// empty database, serve everything on one port.
// `porchlight backup FILE` / `porchlight restore FILE` (`pnpm porchlight …`): see backup.ts.
// `porchlight verify-audit [ID:HASH]`: checks the audit log's hash chain (verify-audit.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@porchlight/db/seed';
import { backupDatabase, BackupError, restoreDatabase } from './backup';
import { loadConfig, loadDatabaseConfig } from './config';
import { startServer } from './start';
import { describeVerification, verifyAudit } from './verify-audit';

const here = dirname(fileURLToPath(import.meta.url));
// in the bundle, migrations are copied beside main.js; from source, the db package's own are used
const bundledMigrations = join(here, 'migrations');
// the embedded database's own thread, where the server is built (from source: none)
const dbWorker = join(here, 'db-worker.js');
const webRoot = [join(here, '../../web/dist'), join(here, 'web')].find((p) =>
  existsSync(join(p, 'index.html')),
);

async function main() {
  const config = loadConfig();
  const server = await startServer(config, {
    ...(webRoot ? { webRoot } : {}),
    ...(existsSync(bundledMigrations) ? { migrationsFolder: bundledMigrations } : {}),
    ...(config.databaseThread === 'worker' && existsSync(dbWorker)
      ? {
          dbWorker,
          // every request would fail from here on: stop, so that a supervisor starts it again
          onDatabaseFailure: (error: Error) => {
            console.error(`Porchlight stopped: the database thread failed: ${error.message}`);
            process.exit(1);
          },
        }
      : {}),
  });
  const lines = [
    '',
    `  Porchlight is running at ${config.publicUrl === `http://localhost:${config.port}` ? server.url.replace('127.0.0.1', 'localhost') : config.publicUrl}`,
    `  Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}${server.seeded ? ' (demo data added)' : ''}`,
  ];
  if (!webRoot) lines.push('  Dashboard not built: run `pnpm build` (the API is still served).');
  if (config.seedDemo) {
    lines.push('', `  Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.role.padEnd(9)} ${account.email}`);
  }
  console.log(lines.join('\n') + '\n');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rowCount = (rows: Record<string, number>) =>
  Object.values(rows)
    .reduce((a, b) => a + b, 0)
    .toLocaleString('en-US');

async function backup(target: string | undefined) {
  if (!target) throw new BackupError('say where the backup goes: porchlight backup FILE');
  const result = await backupDatabase(loadDatabaseConfig(), resolve(baseDir(), target));
  console.log(
    `Backed up to ${result.target}: ${megabytes(result.bytes)}, ${rowCount(result.rows)} rows, ` +
      `integrity ok, in ${result.ms < 1000 ? `${Math.round(result.ms)} ms` : `${(result.ms / 1000).toFixed(1)} s`}.`,
  );
}

async function restore(source: string | undefined) {
  if (!source) throw new BackupError('say which backup to restore: porchlight restore FILE');
  const result = await restoreDatabase(loadDatabaseConfig(), resolve(baseDir(), source));
  console.log(
    `Restored ${result.database} from ${source}: ${rowCount(result.rows)} rows, integrity ok.` +
      (result.keptAs ? `\nThe database it replaced is kept as ${result.keptAs}.` : ''),
  );
}

async function verify(expectHead: string | undefined) {
  const result = await verifyAudit(loadDatabaseConfig(), {
    ...(expectHead ? { expectHead } : {}),
    onProgress: (entries) => {
      if (process.stderr.isTTY)
        process.stderr.write(`\r  checked ${entries.toLocaleString('en-US')} entries`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(describeVerification(result));
  if (!result.ok) process.exitCode = 2;
}

/** Relative paths start where the command was run (pnpm runs scripts from the root). */
function baseDir() {
  return process.env.INIT_CWD ?? process.cwd();
}

const [command, argument] = process.argv.slice(2);
const run =
  command === 'backup'
    ? backup(argument)
    : command === 'restore'
      ? restore(argument)
      : command === 'verify-audit'
        ? verify(argument)
        : command === undefined || command === 'serve'
          ? main()
          : Promise.reject(
              new BackupError(
                `unknown command "${command}": use serve, backup FILE, restore FILE or verify-audit`,
              ),
            );
run.catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    command === 'backup' || command === 'restore' || command === 'verify-audit'
      ? `Porchlight ${command} failed: ${message}`
      : `Porchlight could not start: ${message}`,
  );
  process.exit(1);
});
