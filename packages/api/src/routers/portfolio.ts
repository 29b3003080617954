import { orgProcedure } from '../procedures';
import { router } from '../trpc';
import * as portfolio from '../services/portfolio';

// Operators see every house of the organisation; managers the houses they cover.
export const portfolioRouter = router({
  overview: orgProcedure.query(({ ctx }) => portfolio.portfolioOverview(ctx)),
  trends: orgProcedure.query(({ ctx }) => portfolio.portfolioTrends(ctx)),
});
