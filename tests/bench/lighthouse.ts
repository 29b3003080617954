// Lighthouse's mobile performance score of the resident check-in page and the
// manager house page, signed in, in Debian's chromium. Lighthouse's defaults are
// kept: the mobile form factor and screen, simulated slow 4G and 4x CPU slowdown.
//
// Alone, against a demo server (SEED_DEMO=true) it signs in to:
//   tsx tests/bench/lighthouse.ts http://localhost:3391 [runs, 3 by default]
// prints each page's median score with the metrics and opportunities of that run,
// and last the scores as JSON.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import {
  DEMO_LOGINS,
  firstHouseId,
  PAGE_ROUTES,
  pagePath,
  signInCookie,
  type PageRoute,
} from '../budgets/pages';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export interface LighthousePage {
  /** 0–100 */
  score: number;
  /** the page Lighthouse ended on: a sign-in page here means the cookie did not work */
  finalUrl: string;
  metrics: Record<string, string>;
  /** what Lighthouse says would save time, largest first */
  opportunities: string[];
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

async function audit(port: number, url: string, cookie: string): Promise<LighthousePage> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    formFactor: 'mobile',
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (score === null || score === undefined) throw new Error(`no performance score for ${url}`);
  const metrics = Object.fromEntries(
    METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? '?']),
  );
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.score ?? 1) < 1)
    .map((a) => ({
      a,
      ms: a.details?.type === 'opportunity' ? (a.details.overallSavingsMs ?? 0) : 0,
    }))
    .sort((x, y) => y.ms - x.ms)
    .map(({ a }) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    score: Math.round(score * 100),
    finalUrl: lhr.finalDisplayedUrl,
    metrics,
    opportunities,
  };
}

/**
 * Each page audited `runs` times, alternating, in one headless chromium; the run
 * with the median score of each page is kept. Scores move by several points from
 * run to run on a busy machine (total blocking time is measured, then scaled 4x).
 */
export async function lighthouseReports(
  baseUrl: string,
  cookies: Record<PageRoute, string>,
  houseId: string,
  runs = 3,
): Promise<Record<PageRoute, LighthousePage & { scores: number[] }>> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const all: Record<PageRoute, LighthousePage[]> = { resident: [], manager: [] };
    for (let run = 0; run < runs; run += 1) {
      for (const route of PAGE_ROUTES) {
        const url = new URL(pagePath(route, houseId), baseUrl).href;
        // a trace that Lighthouse could not read (NO_NAVSTART on a busy machine) gets one more try
        const report = await audit(chrome.port, url, cookies[route]).catch(() =>
          audit(chrome.port, url, cookies[route]),
        );
        if (new URL(report.finalUrl).pathname !== new URL(url).pathname)
          throw new Error(`Lighthouse on ${url} ended on ${report.finalUrl}: signed out?`);
        all[route].push(report);
      }
    }
    return { resident: median(all.resident), manager: median(all.manager) };
  } finally {
    chrome.kill();
  }
}

function median(reports: LighthousePage[]): LighthousePage & { scores: number[] } {
  const sorted = [...reports].sort((a, b) => a.score - b.score);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('a page was not audited');
  return { ...middle, scores: reports.map((r) => r.score) };
}

/** Lighthouse mobile performance scores, 0–100, of both pages: the median of `runs` each. */
export async function lighthouseScores(
  baseUrl: string,
  cookies: { resident: string; manager: string },
  houseId: string,
  runs = 3,
): Promise<{ resident: number; manager: number }> {
  const reports = await lighthouseReports(baseUrl, cookies, houseId, runs);
  return { resident: reports.resident.score, manager: reports.manager.score };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.argv[2];
  if (!baseUrl) {
    console.error('usage: tsx tests/bench/lighthouse.ts <baseUrl of a demo server> [runs]');
    process.exit(2);
  }
  const cookies = {
    resident: await signInCookie(baseUrl, DEMO_LOGINS.resident),
    manager: await signInCookie(baseUrl, DEMO_LOGINS.manager),
  };
  const houseId = await firstHouseId(baseUrl, cookies.manager);
  const reports = await lighthouseReports(baseUrl, cookies, houseId, Number(process.argv[3] ?? 3));
  for (const route of PAGE_ROUTES) {
    const r = reports[route];
    console.log(`${route} ${r.finalUrl}: ${r.score} (runs: ${r.scores.join(', ')})`);
    for (const [id, value] of Object.entries(r.metrics)) console.log(`  ${id}: ${value}`);
    for (const o of r.opportunities) console.log(`  opportunity: ${o}`);
  }
  console.log(JSON.stringify({ resident: reports.resident.score, manager: reports.manager.score }));
}
