import * as z from 'zod';
import { id, shareCreateInput } from '@porchlight/domain';
import { residentSelfProcedure, shareProcedure } from '../procedures';
import { router } from '../trpc';
import * as sharing from '../services/sharing';

export const sharingRouter = router({
  /** The resident shares a summary with someone: the link is shown this once. */
  create: residentSelfProcedure
    .input(shareCreateInput)
    .mutation(({ ctx, input }) => sharing.createShare(ctx, input)),

  /** Revoking takes effect at once: the next request for the page is a 404. */
  revoke: shareProcedure('owner')
    .input(z.strictObject({ shareId: id }))
    .mutation(({ ctx }) => sharing.revokeShare(ctx)),

  /** The resident's shares, with their state and every view. */
  list: residentSelfProcedure.query(({ ctx }) => sharing.listShares(ctx)),
});
