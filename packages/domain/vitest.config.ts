// Tests run in a timezone with daylight saving, so date arithmetic that leans on
// the machine's clock instead of the house's calendar fails here, not in production.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'America/New_York' },
  },
});
