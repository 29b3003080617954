import { fileURLToPath } from 'node:url';

export const TMP_DIR = fileURLToPath(new URL('../.tmp', import.meta.url));
export const TEMPLATE_DB = fileURLToPath(new URL('../.tmp/template.db', import.meta.url));
export const SERVER_MAIN = fileURLToPath(
  new URL('../../apps/server/dist/main.js', import.meta.url),
);
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
