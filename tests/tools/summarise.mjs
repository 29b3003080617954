// Sums the test runners' own closing lines (vitest and Playwright) from a log of
// `pnpm test` into one plain line, "tests: N passed, N failed". It only reports;
// the exit status of the test run is what decides.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2] ?? 0, 'utf8')
  // eslint-disable-next-line no-control-regex
  .replace(/\u001b\[[0-9;]*m/g, '')
  .split('\n')
  .map((line) => line.replace(/^@porchlight\/[\w-]+:[\w-]+:\s?/, ''));

let passed = 0;
let failed = 0;
let found = false;
for (const line of log) {
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (vitest) {
    found = true;
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  const playwright = /^\s+(\d+) (passed|failed|flaky)\b/.exec(line);
  if (playwright) {
    found = true;
    if (playwright[2] === 'failed') failed += Number(playwright[1]);
    else passed += Number(playwright[1]);
  }
}
if (found) console.log(`tests: ${passed} passed, ${failed} failed`);
