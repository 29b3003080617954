import { monthlyHouseReportInput } from '@porchlight/domain';
import { houseProcedure } from '../procedures';
import { router } from '../trpc';
import * as reports from '../services/reports';

export const reportsRouter = router({
  /**
   * One house's month on one page (occupancy, compliance, chores, meetings,
   * incidents, milestones), in counts only: it may go to a funder or certifier.
   */
  monthlyHouse: houseProcedure('manage')
    .input(monthlyHouseReportInput)
    .query(({ ctx, input }) => reports.monthlyHouseReport(ctx, input)),
});
