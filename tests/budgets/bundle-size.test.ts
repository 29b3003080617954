// The JavaScript budgets of the two pages people use most on a phone, counted
// from the built dashboard's manifest (apps/web/dist: turbo builds it first).
import { describe, expect, it } from 'vitest';
import { describePageJs, pageJsFromManifest } from './bundle-size';
import type { PageRoute } from './pages';

/** The budgets of the benchmark issue; CI holds both pages to them. */
const BUDGET_KB: Record<PageRoute, number> = { resident: 60, manager: 150 };
const NAMES: Record<PageRoute, string> = {
  resident: "the resident's home page (/me, the daily check-in)",
  manager: 'the manager house page (/houses/:houseId)',
};

describe('JavaScript a page loads, gzipped (level 9)', () => {
  for (const route of ['resident', 'manager'] as const) {
    it(`${NAMES[route]} loads at most ${BUDGET_KB[route]} KB`, () => {
      const js = pageJsFromManifest(route);
      expect(
        js.unclassified,
        'dynamic imports of the page to count (firstRender) or leave out (later) in PAGE_MODULES',
      ).toEqual([]);
      expect(
        js.totalGzKb,
        `${NAMES[route]}: ${js.totalGzKb.toFixed(1)} KB of JavaScript, at most ${BUDGET_KB[route]} KB:\n${describePageJs(js)}`,
      ).toBeLessThanOrEqual(BUDGET_KB[route]);
    });
  }
});
