import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'integration/**/*.test.ts',
      'http/**/*.test.ts',
      'budgets/**/*.test.ts',
      'durability/**/*.test.ts',
    ],
    globalSetup: ['./support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
