// Loading the operator's overview and its twelve-week trends.
import { queryOptions } from '@tanstack/solid-query';
import { api, type Api, type Output } from '../lib/trpc';

export type Overview = Output<Api['portfolio']['overview']>;
export type OverviewHouse = Overview['houses'][number];
export type Totals = NonNullable<Overview['totals']>;
export type Trends = Output<Api['portfolio']['trends']>;
export type TrendWeek = Trends['organisation'][number];

export const portfolioQueries = {
  overview: () =>
    queryOptions({
      queryKey: ['portfolio', 'overview'],
      queryFn: () => api.portfolio.overview.query(),
      // a glance, not a live board: fresh enough for a minute
      staleTime: 60_000,
    }),
  trends: () =>
    queryOptions({
      queryKey: ['portfolio', 'trends'],
      queryFn: () => api.portfolio.trends.query(),
      staleTime: 5 * 60_000,
    }),
};

/** A share as a whole percentage; a dash when there was nothing to count. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** How a rate reads against what a well-run house manages: for the colour and the word beside it. */
export type Tone = 'good' | 'watch' | 'concern' | 'none';

export function toneOf(rate: number | null, watchBelow: number, concernBelow: number): Tone {
  if (rate === null) return 'none';
  if (rate < concernBelow) return 'concern';
  if (rate < watchBelow) return 'watch';
  return 'good';
}
