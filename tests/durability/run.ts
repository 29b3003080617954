// `pnpm test:durability [--rounds N] [--seed N] [--server path/to/main.js]`: the
// durability harness from the command line, with a line per round and the
// figures at the end (also in tests/durability/results/latest.json, not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasFlag, numberFlag } from '../support/flags';
import { runDurability } from './harness';

const rounds = numberFlag('rounds', 20);
const seed = hasFlag('seed') ? numberFlag('seed', 0) : undefined;
// a copy of the built server, for a long run while the tree is rebuilt
const serverAt = process.argv.indexOf('--server');
const serverMain = serverAt === -1 ? undefined : process.argv[serverAt + 1];
const report = await runDurability({
  rounds,
  ...(seed !== undefined ? { seed } : {}),
  ...(serverMain ? { serverMain: resolve(process.env.INIT_CWD ?? process.cwd(), serverMain) } : {}),
  onRound(round, total) {
    const refused = round.refused.length > 0 ? ` · refused: ${round.refused.join(' | ')}` : '';
    process.stderr.write(
      `round ${String(round.round).padStart(String(rounds).length)}/${rounds} · killed ${round.killed} ${round.killed === 'writing' ? `${round.killAfterAcks} acks + ` : ''}${round.killAfterMs} ms · ${round.acknowledged} acknowledged, ${round.cutOff} cut off · integrity ${round.integrity}${round.chainProblems.length > 0 ? ` · audit chain: ${round.chainProblems.join('; ')}` : ''} · lost so far ${total.lost}${refused}\n`,
    );
  },
});
const results = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(results, { recursive: true });
writeFileSync(`${results}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report));
const failed =
  report.lost > 0 ||
  report.halfWritten > 0 ||
  report.integrityFailures > 0 ||
  report.chainFailures > 0 ||
  report.refused > 0;
if (failed) {
  console.error('durability: FAILED (see the figures above)');
  process.exit(1);
}
