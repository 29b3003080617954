import * as z from 'zod';
import { id, resourceCreateInput, resourceUpdateInput } from '@porchlight/domain';
import { houseProcedure, resourceProcedure, resourceScopeProcedure } from '../procedures';
import { router } from '../trpc';
import * as resources from '../services/resources';

export const resourcesRouter = router({
  /** The directory a house's residents browse: the house's entries and the organisation's. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => resources.listResources(ctx)),

  create: resourceScopeProcedure.input(resourceCreateInput).mutation(({ ctx, input }) => {
    const { houseId: _h, organisationId: _o, ...fields } = input;
    return resources.createResource(ctx, ctx.scope, fields);
  }),

  update: resourceProcedure.input(resourceUpdateInput).mutation(({ ctx, input }) => {
    const { resourceId: _r, ...fields } = input;
    return resources.updateResource(ctx, fields);
  }),

  archive: resourceProcedure
    .input(z.strictObject({ resourceId: id }))
    .mutation(({ ctx }) => resources.archiveResource(ctx)),
});
