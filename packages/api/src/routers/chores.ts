import * as z from 'zod';
import {
  canActInHouse,
  canManageHouse,
  choreAssignInput,
  choreCreateInput,
  choreExclusionInput,
  chorePinInput,
  choreSettingsInput,
  choreUpdateInput,
  generateRotaInput,
  id,
  localDate,
  markDoneInput,
  swapDecideInput,
  swapRequestInput,
  swapRespondInput,
  verifyChoreInput,
} from '@porchlight/domain';
import {
  choreProcedure,
  houseProcedure,
  housePowerProcedure,
  occurrenceProcedure,
  residentSelfProcedure,
  rotaProcedure,
  swapProcedure,
} from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as chores from '../services/chores';
import * as rotas from '../services/chore-rotas';
import * as swaps from '../services/chore-swaps';
import * as calendar from '../services/calendar';

export const choresRouter = router({
  /** The house's chore list; staff also see exclusions, pins and settings. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => chores.listChores(ctx, canManageHouse(ctx.actor, ctx.house))),

  create: houseProcedure('manage')
    .input(choreCreateInput)
    .mutation(({ ctx, input }) => chores.createChore(ctx, input)),

  update: choreProcedure
    .input(choreUpdateInput)
    .mutation(({ ctx, input }) => chores.updateChore(ctx, input)),

  /** Takes a chore out of future rotas; rotas it was in keep it. */
  retire: choreProcedure
    .input(z.strictObject({ choreId: id }))
    .mutation(({ ctx }) => chores.retireChore(ctx)),

  /** Excuses a resident from a chore (a medical reason, say): staff only ever see why. */
  excuse: choreProcedure
    .input(choreExclusionInput)
    .mutation(({ ctx, input }) => chores.excuseFromChore(ctx, input)),

  endExclusion: houseProcedure('manage')
    .input(z.strictObject({ houseId: id, exclusionId: id }))
    .mutation(({ ctx, input }) => chores.endExclusion(ctx, input.exclusionId, 'exclusion')),

  /** Pins a chore to a resident in every rota while the pin stands. */
  pin: choreProcedure
    .input(chorePinInput)
    .mutation(({ ctx, input }) => chores.pinChore(ctx, input)),

  unpin: houseProcedure('manage')
    .input(z.strictObject({ houseId: id, pinId: id }))
    .mutation(({ ctx, input }) => chores.endExclusion(ctx, input.pinId, 'pin')),

  updateSettings: houseProcedure('manage')
    .input(choreSettingsInput)
    .mutation(({ ctx, input }) => chores.updateChoreSettings(ctx, input)),

  /** Plans the rota of a period as a draft, with why each chore went to whom (staff, or the chore coordinator). */
  generateRota: housePowerProcedure('chores')
    .input(generateRotaInput)
    .mutation(({ ctx, input }) => rotas.generateRota(ctx, input)),

  /** The rota covering a day (today by default): residents see only published rotas. */
  rota: houseProcedure('view')
    .input(z.strictObject({ houseId: id, date: localDate.optional() }))
    .query(({ ctx, input }) =>
      rotas.rotaOn(ctx, input, canActInHouse(ctx.actor, ctx.house, 'chores')),
    ),

  getRota: rotaProcedure('member').query(({ ctx }) =>
    rotas.rotaView(ctx, ctx.house, ctx.rota, ctx.isStaff),
  ),

  rotas: houseProcedure('view')
    .input(z.strictObject({ houseId: id, ...pageInput }))
    .query(({ ctx, input }) =>
      rotas.listRotas(ctx, input, canActInHouse(ctx.actor, ctx.house, 'chores')),
    ),

  /** A manager gives an occurrence to someone, in a draft or (handed on) in a published rota. */
  assign: occurrenceProcedure('staff')
    .input(choreAssignInput)
    .mutation(({ ctx, input }) => rotas.assignOccurrence(ctx, input)),

  publishRota: rotaProcedure('staff')
    .input(z.strictObject({ rotaId: id }))
    .mutation(({ ctx }) => rotas.publishRota(ctx)),

  /** The signed-in resident's chores, swaps and how their chores have gone. */
  mine: residentSelfProcedure.query(({ ctx }) => rotas.myChores(ctx)),

  markDone: occurrenceProcedure('owner')
    .input(markDoneInput)
    .mutation(({ ctx, input }) => rotas.markDone(ctx, input)),

  /** Staff check a chore marked done, or send it back saying what is left. */
  verify: occurrenceProcedure('staff')
    .input(verifyChoreInput)
    .mutation(({ ctx, input }) => rotas.verifyOccurrence(ctx, input)),

  history: occurrenceProcedure('owner-or-staff')
    .input(z.strictObject({ occurrenceId: id }))
    .query(({ ctx }) => rotas.occurrenceHistory(ctx)),

  /** A resident asks another to take one of their chores, for one of theirs or as a favour. */
  requestSwap: occurrenceProcedure('owner')
    .input(swapRequestInput)
    .mutation(({ ctx, input }) => swaps.requestSwap(ctx, input)),

  answerSwap: swapProcedure('counterpart')
    .input(swapRespondInput)
    .mutation(({ ctx, input }) => swaps.answerSwap(ctx, input.answer)),

  cancelSwap: swapProcedure('requester')
    .input(z.strictObject({ swapId: id }))
    .mutation(({ ctx }) => swaps.cancelSwap(ctx)),

  decideSwap: swapProcedure('staff')
    .input(swapDecideInput)
    .mutation(({ ctx, input }) => swaps.decideSwap(ctx, input.decision, input.reason)),

  swaps: housePowerProcedure('chores')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => rotas.openSwapsOf(ctx, ctx.house.id)),

  /** Done, checked and missed over 4 and 12 weeks, by resident and for the house. */
  completion: housePowerProcedure('chores')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => rotas.completionReport(ctx)),

  calendarFeed: residentSelfProcedure.query(({ ctx }) =>
    calendar.calendarFeedStatus(ctx, ctx.resident.id),
  ),

  /** A new private calendar address (shown once); an earlier one stops working. */
  createCalendarFeed: residentSelfProcedure.mutation(({ ctx }) => calendar.createCalendarFeed(ctx)),

  revokeCalendarFeed: residentSelfProcedure.mutation(({ ctx }) => calendar.revokeCalendarFeed(ctx)),
});
