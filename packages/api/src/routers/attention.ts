import * as z from 'zod';
import { id } from '@porchlight/domain';
import { houseProcedure } from '../procedures';
import { router } from '../trpc';
import { attentionList } from '../services/attention';

export const attentionRouter = router({
  /** Who in the house needs a conversation, most urgent first, each flag saying why. */
  list: houseProcedure('manage')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => attentionList(ctx)),
});
