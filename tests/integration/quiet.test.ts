// Work nobody waits for (the day figures after a start, the attention recounts
// behind the overview) waits for a quiet moment: packages/api services/quiet.ts.
import { describe, expect, it } from 'vitest';
import { untilQuiet, whileAnswering } from '@porchlight/api';

const QUIET_MS = 100;

describe('a quiet moment', () => {
  it('comes a moment after it is asked for, even with nothing answered yet', async () => {
    const asked = performance.now();
    await untilQuiet(asked);
    expect(performance.now() - asked).toBeGreaterThanOrEqual(QUIET_MS - 1);
  });

  it('waits for the request being answered, then a moment more', async () => {
    let answered = 0;
    let release!: () => void;
    const answering = whileAnswering(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            answered = performance.now();
            resolve();
          };
        }),
    );
    const asked = performance.now();
    let quietAt = 0;
    const quiet = untilQuiet(asked).then(() => (quietAt = performance.now()));
    await new Promise((r) => setTimeout(r, 3 * QUIET_MS));
    // still answering: not quiet, however long ago it was asked
    expect(quietAt).toBe(0);
    release();
    await answering;
    await quiet;
    expect(quietAt - answered).toBeGreaterThanOrEqual(QUIET_MS - 1);
  });
});
