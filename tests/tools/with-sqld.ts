// Runs a command with a libSQL server (sqld) of its own: a fresh data folder, namespaces on,
// and DATABASE_URL and SQLD_ADMIN_URL set for the command. `pnpm test` runs the integration
// suite through this a second time, so that every test also passes against sqld.
//   tsx tools/with-sqld.ts [--ws] <command> [args…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSqld } from '@porchlight/db/sqld';

const args = process.argv.slice(2);
const ws = args[0] === '--ws';
const command = ws ? args.slice(1) : args;
if (command.length === 0) {
  console.error('usage: tsx tools/with-sqld.ts [--ws] <command> [args…]');
  process.exit(2);
}
const dbPath = mkdtempSync(join(tmpdir(), 'porchlight-sqld-'));
const sqld = await startSqld({
  dbPath,
  admin: true,
  namespaces: true,
  ...(process.env.SQLD_LOG ? { onOutput: (line: string) => console.error(line) } : {}),
});
const url = ws ? sqld.url.replace(/^http:/, 'ws:') : sqld.url;
console.log(`libSQL server (sqld) at ${url}`);
const child = spawn(command[0]!, command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, SQLD_ADMIN_URL: sqld.adminUrl },
});
const code = await new Promise<number>((resolveCode) =>
  child.once('exit', (exitCode, signal) => resolveCode(exitCode ?? (signal ? 1 : 0))),
);
await sqld.stop();
rmSync(dbPath, { recursive: true, force: true });
process.exit(code);
