import {
  inviteAcceptInput,
  inviteCreateInput,
  inviteIdInput,
  inviteTokenInput,
} from '@porchlight/domain';
import * as z from 'zod';
import { orgProcedure } from '../procedures';
import { publicProcedure, router } from '../trpc';
import * as invites from '../services/invites';

export const invitesRouter = router({
  create: orgProcedure
    .input(inviteCreateInput)
    .mutation(({ ctx, input }) => invites.createInvite(ctx, input)),

  list: orgProcedure
    .input(z.strictObject({ organisationId: z.string().optional() }).optional())
    .query(({ ctx }) => invites.listInvites(ctx)),

  revoke: orgProcedure
    .input(inviteIdInput.extend({ organisationId: z.string().optional() }))
    .mutation(({ ctx, input }) => invites.revokeInvite(ctx, input.inviteId)),

  lookup: publicProcedure
    .meta({ access: 'anyone holding the invite code' })
    .input(inviteTokenInput)
    .query(({ ctx, input }) => invites.lookupInvite(ctx, input.token)),

  accept: publicProcedure
    .meta({ access: 'anyone holding the invite code' })
    .input(inviteAcceptInput)
    .mutation(({ ctx, input }) => invites.acceptInvite(ctx, input)),
});
