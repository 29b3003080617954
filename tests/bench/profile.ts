// Reads the CPU profile `node --cpu-prof` wrote for the product server and says
// where its time went: the functions with the most self time, each placed in
// its source file through the bundle's source map (the server is one bundled
// main.js), and the same time added up by package.
//
//   tsx tests/bench/profile.ts <folder or .cpuprofile> [how many]
//
// A folder that `pnpm bench --profile` wrote also holds window.json, the span of
// its load: only the samples in it are counted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each generated line, its segments as [column, source index, source line], from a v3 source map. */
function decodeMappings(mappings: string): Array<Array<[number, number, number]>> {
  const lines: Array<Array<[number, number, number]>> = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments: Array<[number, number, number]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) {
        source += values[1] ?? 0;
        sourceLine += values[2] ?? 0;
      }
      segments.push([column, source, sourceLine]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Where a place in a bundled script came from: its source file and line (1-based). */
function sourceLocator(scriptUrl: string) {
  const path = scriptUrl.startsWith('file:') ? fileURLToPath(scriptUrl) : scriptUrl;
  const mapPath = `${path}.map`;
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings);
  return (line: number, column: number) => {
    let found: [number, number, number] | undefined;
    for (const segment of lines[line] ?? []) {
      if (segment[0] > column) break;
      found = segment;
    }
    const source = found ? map.sources[found[1]] : undefined;
    return found && source ? { source, line: found[2] + 1 } : null;
  };
}

function packageOf(source: string): string {
  // pnpm's store folder names the package even when its own source map points into src/
  const pnpm = /\.pnpm\/((?:@[^+/]+\+)?[^@/]+)@/.exec(source);
  if (pnpm?.[1]) return pnpm[1].replace('+', '/');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m?.[1]) return m[1];
  const ours = /(?:^|\/)(packages|apps)\/([^/]+)\//.exec(source);
  return ours ? `${ours[1]}/${ours[2]}` : source;
}

/**
 * The top self time in the profile at `pathOrDir` (a .cpuprofile, or the largest in a folder),
 * counting only samples from `window.fromMs` to `window.toMs` after the profile began.
 */
export function cpuProfileSummary(
  pathOrDir: string,
  top = 25,
  window: { fromMs?: number; toMs?: number } = {},
): string {
  const file = statSync(pathOrDir).isDirectory()
    ? readdirSync(pathOrDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(pathOrDir, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0]
    : pathOrDir;
  if (!file) return `no .cpuprofile in ${pathOrDir}`;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const fromUs = (window.fromMs ?? 0) * 1000;
  const toUs = (window.toMs ?? Infinity) * 1000;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs && at <= toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const locators = new Map<string, ReturnType<typeof sourceLocator>>();
  const where = (frame: ProfileNode['callFrame']) => {
    if (!frame.url) return { source: '(native)', line: 0 };
    if (!locators.has(frame.url)) locators.set(frame.url, sourceLocator(frame.url));
    const found = locators.get(frame.url)?.(frame.lineNumber, frame.columnNumber);
    return found ?? { source: frame.url.replace(/^file:\/\//, ''), line: frame.lineNumber + 1 };
  };
  const fns = new Map<string, { us: number; source: string }>();
  const packages = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const frame = node.callFrame;
    const { source, line } = where(frame);
    const tail = (source.split('node_modules/').at(-1) ?? source).replace(/^(\.\.\/)+/, '');
    const pkg = packageOf(source);
    const short =
      source.includes('node_modules/') && !tail.startsWith(pkg) ? `${pkg}/${tail}` : tail;
    const key = `${frame.functionName || '(anonymous)'}  ${short}:${line}`;
    const entry = fns.get(key) ?? { us: 0, source };
    entry.us += us;
    fns.set(key, entry);
    const group = frame.url ? pkg : frame.functionName || '(native)';
    packages.set(group, (packages.get(group) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / Math.max(1, total)).toFixed(1)}%`.padStart(6);
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`.padStart(9);
  const span =
    window.fromMs === undefined && window.toMs === undefined
      ? ''
      : ` from ${((window.fromMs ?? 0) / 1000).toFixed(1)}s to ${((window.toMs ?? at / 1000) / 1000).toFixed(1)}s`;
  const lines = [
    `${file}: ${(total / 1000).toFixed(0)} ms of samples${span}`,
    '',
    'top self time:',
  ];
  for (const [key, { us }] of [...fns].sort((a, b) => b[1].us - a[1].us).slice(0, top))
    lines.push(`${ms(us)} ${pct(us)}  ${key}`);
  lines.push('', 'self time by package:');
  for (const [pkg, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 20))
    lines.push(`${ms(us)} ${pct(us)}  ${pkg}`);
  // time spent in each of the product's own functions and in everything they
  // called: which of its steps the self time above belongs to
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = new Map<number, string | null>();
  const ownKey = (id: number): string | null => {
    if (keyOf.has(id)) return keyOf.get(id) ?? null;
    const node = byId.get(id);
    let key: string | null = null;
    if (node?.callFrame.url) {
      const { source, line } = where(node.callFrame);
      if (/(^|\/)(packages|apps)\/[^/]+\/src\//.test(source) && !source.includes('node_modules'))
        key = `${node.callFrame.functionName || '(anonymous)'}  ${source.replace(/^(\.\.\/)+/, '')}:${line}`;
    }
    keyOf.set(id, key);
    return key;
  };
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = ownKey(at);
      if (key && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  lines.push('', "the product's own functions, with what they call:");
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${ms(us)} ${pct(us)}  ${key}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: tsx tests/bench/profile.ts <folder or .cpuprofile> [how many]');
    process.exit(2);
  }
  // a folder from `pnpm bench --profile` says when its load ran
  const windowFile = join(target, 'window.json');
  const window = existsSync(windowFile)
    ? (JSON.parse(readFileSync(windowFile, 'utf8')) as { fromMs: number; toMs: number })
    : {};
  console.log(cpuProfileSummary(target, Number(process.argv[3] ?? 25), window));
}
