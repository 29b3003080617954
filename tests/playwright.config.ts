// Browser tests: the built server on a fresh demo database, driven through
// Debian's chromium (no browser download).
import { defineConfig, devices } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';

const port = Number(process.env.E2E_PORT ?? 3321);
// one folder per port, so runs on different ports can go side by side
const dir = `.tmp/e2e-${port}`;
if (process.env.TEST_WORKER_INDEX === undefined) {
  // the main process starts each run on an empty database
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // whole journeys of several people; CI runs them beside the rest of the suite on 2 cores
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' } }],
  webServer: {
    command: 'node ../apps/server/dist/main.js',
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${dir}/porchlight.db`,
      AUTH_SIGN_IN_LIMIT: '1000',
      SEED_DEMO: 'true',
    },
  },
});
