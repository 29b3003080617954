// How much JavaScript a page of the built dashboard loads, gzipped. Two ways to
// count: from Vite's manifest of apps/web/dist (deterministic, for the CI budget),
// and from a real browser signed in on a running server (the benchmark's cross-check
// that the manifest walk sees what the browser fetches).
//
// Each file is gzipped with node:zlib at level 9, as a server that compresses its
// static files ahead of time would send it; sizes are in KB of 1024 bytes.
import { chromium, devices } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import {
  DEMO_LOGINS,
  firstHouseId,
  PAGE_ROUTES,
  pagePath,
  signInCookie,
  type PageRoute,
} from './pages';

export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const MANIFEST = join(WEB_DIST, '.vite/manifest.json');
const ENTRY = 'index.html';

/**
 * The route module of each page, and what it imports dynamically: `firstRender` is
 * fetched as the page first renders (counted), `later` only on a tap or further down
 * the page's life (not counted). A dynamic import in neither list fails the budget
 * test, so a new one is counted or deliberately left out.
 */
export const PAGE_MODULES: Record<
  PageRoute,
  { route: string; firstRender: string[]; later: string[] }
> = {
  resident: {
    route: 'src/residents/me-page.tsx',
    firstRender: [],
    // zod and the forms' schemas: loaded at the first tap on a form
    later: ['src/lib/schemas.ts'],
  },
  manager: { route: 'src/houses/house-page.tsx', firstRender: [], later: [] },
};

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  gzKb: number;
}
export interface PageJs {
  totalGzKb: number;
  /** largest first */
  chunks: ChunkSize[];
  /** dynamic imports reached by the walk that PAGE_MODULES does not classify */
  unclassified: string[];
}

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(
      `${MANIFEST} is missing: build the dashboard first (pnpm --filter @porchlight/web build)`,
      { cause: error },
    );
  }
}

export function gzKb(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length / 1024;
}

function summarise(sizes: ChunkSize[], unclassified: string[] = []): PageJs {
  const chunks = [...sizes].sort((a, b) => b.gzKb - a.gzKb);
  const totalGzKb = chunks.reduce((sum, c) => sum + c.gzKb, 0);
  return { totalGzKb, chunks, unclassified };
}

/** The page's JavaScript by the manifest: the entry, the route's chunk, what it renders at first, and every static import of those. */
export function pageJsFromManifest(route: PageRoute): PageJs {
  const manifest = readManifest();
  const page = PAGE_MODULES[route];
  const seen = new Set<string>();
  const stack = [ENTRY, page.route, ...page.firstRender];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in ${MANIFEST}`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  const classified = new Set([page.route, ...page.firstRender, ...page.later]);
  const unclassified = [...seen]
    // the entry's dynamic imports are the route table: the other pages
    .filter((key) => key !== ENTRY)
    .flatMap((key) => manifest[key]?.dynamicImports ?? [])
    .filter((key) => !classified.has(key));
  const sizes = [...seen].map((key) => {
    const file = manifest[key]?.file ?? key;
    return { file, gzKb: gzKb(readFileSync(join(WEB_DIST, file))) };
  });
  return summarise(sizes, [...new Set(unclassified)]);
}

/** KB of gzipped JavaScript the page loads, by the manifest of the built dashboard. */
export function pageJsGzKb(route: PageRoute): number {
  return pageJsFromManifest(route).totalGzKb;
}

export function describePageJs(js: PageJs): string {
  return js.chunks.map((c) => `  ${c.gzKb.toFixed(1).padStart(6)} KB  ${c.file}`).join('\n');
}

/**
 * The page's JavaScript as a phone-sized Chromium fetches it: the page opened
 * signed in (`cookie`, a `Cookie` header value) and left until the network is
 * idle, every script response gzipped and added up.
 */
export async function browserPageJs(
  baseUrl: string,
  route: PageRoute,
  cookie: string,
  houseId: string,
): Promise<PageJs> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      ...devices['Pixel 7'],
      extraHTTPHeaders: { cookie },
    });
    const page = await context.newPage();
    const scripts: Array<Promise<ChunkSize>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname.replace(/^\//, '');
      scripts.push(response.body().then((body) => ({ file, gzKb: gzKb(body) })));
    });
    const url = new URL(pagePath(route, houseId), baseUrl).href;
    await page.goto(url, { waitUntil: 'networkidle' });
    if (new URL(page.url()).pathname !== new URL(url).pathname)
      throw new Error(`opening ${url} ended on ${page.url()}: is the cookie signed in?`);
    return summarise(await Promise.all(scripts));
  } finally {
    await browser.close();
  }
}

// `tsx tests/budgets/bundle-size.ts [baseUrl]`: both pages by the manifest, and with a
// base URL of a demo server (SEED_DEMO=true) as the browser fetches them too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.argv[2];
  const managerCookie = baseUrl ? await signInCookie(baseUrl, DEMO_LOGINS.manager) : '';
  const houseId = baseUrl ? await firstHouseId(baseUrl, managerCookie) : '';
  for (const route of PAGE_ROUTES) {
    const byManifest = pageJsFromManifest(route);
    console.log(`${route}: ${byManifest.totalGzKb.toFixed(1)} KB by the manifest`);
    console.log(describePageJs(byManifest));
    if (byManifest.unclassified.length > 0)
      console.log(`  unclassified dynamic imports: ${byManifest.unclassified.join(', ')}`);
    if (!baseUrl) continue;
    const cookie =
      route === 'manager' ? managerCookie : await signInCookie(baseUrl, DEMO_LOGINS[route]);
    const inBrowser = await browserPageJs(baseUrl, route, cookie, houseId);
    console.log(`${route}: ${inBrowser.totalGzKb.toFixed(1)} KB in the browser`);
    console.log(describePageJs(inBrowser));
  }
}
