// The short run of the durability harness inside `pnpm test`: 20 rounds of
// concurrent check-ins with the server killed by SIGKILL at random moments.
import { expect, it } from 'vitest';
import { runDurability } from './harness';

it('20 rounds of SIGKILL under concurrent check-ins: every acknowledged write is in a file that checks ok', async () => {
  const report = await runDurability({ rounds: 20 });
  const context = JSON.stringify(report);
  expect(report.rounds, context).toBe(20);
  expect(report.integrityFailures, context).toBe(0);
  expect(report.chainFailures, context).toBe(0);
  expect(report.lost, context).toBe(0);
  expect(report.halfWritten, context).toBe(0);
  expect(report.refused, context).toBe(0);
  // the harness has to have tested something: writes acknowledged and writes cut off by kills
  expect(report.acknowledged, context).toBeGreaterThan(100);
  expect(report.killedWriting, context).toBeGreaterThan(10);
}, 300_000);
