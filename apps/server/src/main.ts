// `pnpm start`: migrate, seed the demo into an empty database, serve everything on one port.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@porchlight/db/seed';
import { loadConfig } from './config';
import { startServer } from './start';

const here = dirname(fileURLToPath(import.meta.url));
// in the bundle, migrations are copied beside main.js; from source, the db package's own are used
const bundledMigrations = join(here, 'migrations');
const webRoot = [join(here, '../../web/dist'), join(here, 'web')].find((p) =>
  existsSync(join(p, 'index.html')),
);

async function main() {
  const config = loadConfig();
  const server = await startServer(config, {
    ...(webRoot ? { webRoot } : {}),
    ...(existsSync(bundledMigrations) ? { migrationsFolder: bundledMigrations } : {}),
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

main().catch((error: unknown) => {
  console.error(
    `Porchlight could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
