import { defineConfig } from 'vitest/config';
import { remoteTestServer } from './support/remote';

/**
 * With DATABASE_URL naming a libSQL server (tools/with-sqld.ts), the files about the
 * embedded file alone are left out: its database thread, and upgrading an old file.
 */
const remote = remoteTestServer() !== null;
const EMBEDDED_ONLY = [
  'integration/worker-client.test.ts',
  'integration/migration-upgrade.test.ts',
];

export default defineConfig({
  test: {
    include: [
      'integration/**/*.test.ts',
      'http/**/*.test.ts',
      'budgets/**/*.test.ts',
      'durability/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', ...(remote ? EMBEDDED_ONLY : [])],
    globalSetup: ['./support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
