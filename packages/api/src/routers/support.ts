import * as z from 'zod';
import {
  id,
  supportMemberInput,
  supportMemberUpdateInput,
  volunteeringInput,
} from '@porchlight/domain';
import {
  residentProcedure,
  residentSelfProcedure,
  supportMemberProcedure,
  volunteeringProcedure,
} from '../procedures';
import { router } from '../trpc';
import * as support from '../services/support';

export const supportRouter = router({
  /** A resident's circle by pillar, with how recently they were in touch: the resident and their house's staff. */
  circle: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id }))
    .query(({ ctx }) => support.circleOf(ctx)),

  /** The resident adds someone to their circle; staff of their house suggest someone, for the resident to accept. */
  addMember: residentProcedure('self-or-staff')
    .input(supportMemberInput)
    .mutation(({ ctx, input }) =>
      support.addMember(
        ctx,
        input,
        ctx.actor.memberships.some(
          (m) => m.role === 'resident' && m.residentId === ctx.resident.id,
        ),
      ),
    ),

  updateMember: supportMemberProcedure('owner')
    .input(supportMemberUpdateInput)
    .mutation(({ ctx, input }) => {
      const { memberId: _memberId, ...fields } = input;
      return support.updateMember(ctx, fields);
    }),

  removeMember: supportMemberProcedure('owner')
    .input(z.strictObject({ memberId: id }))
    .mutation(({ ctx }) => support.setMemberStatus(ctx, 'removed')),

  acceptSuggestion: supportMemberProcedure('owner')
    .input(z.strictObject({ memberId: id }))
    .mutation(({ ctx }) => support.setMemberStatus(ctx, 'active')),

  declineSuggestion: supportMemberProcedure('owner')
    .input(z.strictObject({ memberId: id }))
    .mutation(({ ctx }) => support.setMemberStatus(ctx, 'removed')),

  /** Offices held, residents mentored and volunteer hours: the resident and their house's staff. */
  contributions: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id }))
    .query(({ ctx }) => support.contributionsOf(ctx)),

  logVolunteering: residentSelfProcedure
    .input(volunteeringInput)
    .mutation(({ ctx, input }) => support.logVolunteering(ctx, input)),

  removeVolunteering: volunteeringProcedure('owner')
    .input(z.strictObject({ entryId: id }))
    .mutation(({ ctx }) => support.removeVolunteering(ctx)),

  /** The resident's agreement to have their milestones celebrated on the house board and at meetings. */
  setMilestoneSharing: residentSelfProcedure
    .input(z.strictObject({ share: z.boolean({ error: 'must be true or false.' }) }))
    .mutation(({ ctx, input }) => support.setMilestoneSharing(ctx, input.share)),
});
