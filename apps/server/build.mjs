// Bundles the server and the workspace packages it uses into dist/main.js, which
// loads the rest from dist/cli-*.js (and the database thread into dist/db-worker.js), with
// the migrations beside it. The native libSQL driver stays an external package.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  // the server, and the embedded database's own thread (packages/db db-worker.ts)
  entryPoints: { main: 'src/main.ts', 'db-worker': '../../packages/db/src/db-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // main.js starts the database thread, then loads the rest (cli.ts) as its own file
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  // whitespace and syntax only: the names in a stack trace stay readable, and less to parse at start
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@libsql/client', '@libsql/core', 'libsql'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
cpSync('../../packages/db/migrations', 'dist/migrations', { recursive: true });
