import { fileURLToPath } from 'node:url';

export const TMP_DIR = fileURLToPath(new URL('../.tmp', import.meta.url));
/**
 * The migrated database every test copies. Each run builds its own (global setup
 * names it in the environment its workers inherit), so two runs side by side
 * never delete each other's template.
 */
export const TEMPLATE_DB =
  process.env.PORCHLIGHT_TEST_TEMPLATE ??
  fileURLToPath(new URL('../.tmp/template.db', import.meta.url));
export const SERVER_MAIN = fileURLToPath(
  new URL('../../apps/server/dist/main.js', import.meta.url),
);
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
