// Loading the monthly house report: one house, one month of its own calendar.
// The report is read, never changed, so nothing here refreshes other keys.
import { queryOptions } from '@tanstack/solid-query';
import { api, type Api, type Output } from '../lib/trpc';

export type MonthlyReport = Output<Api['reports']['monthlyHouse']>;
export type MoveOutReason = keyof MonthlyReport['occupancy']['moveOuts']['byReason'];

export const reportQueries = {
  monthlyHouse: (houseId: string, month: string) =>
    queryOptions({
      queryKey: ['reports', 'monthly-house', houseId, month],
      queryFn: () => api.reports.monthlyHouse.query({ houseId, month }),
      enabled: houseId !== '',
      // every load is an audited read of violations and tests: a loaded report is kept a while
      staleTime: 5 * 60_000,
    }),
};
