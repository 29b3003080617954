import * as z from 'zod';
import {
  actionItemInput,
  agendaTemplateInput,
  amendMinutesInput,
  attendanceInput,
  id,
  meetingCreateInput,
  meetingScheduleInput,
  minutesInput,
  motionRecordInput,
  REPORT_SOURCES,
  requiredText,
} from '@porchlight/domain';
import {
  actionItemProcedure,
  houseProcedure,
  housePowerProcedure,
  meetingProcedure,
} from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as meetings from '../services/meetings';

const agendaItems = z
  .array(
    z.strictObject({
      key: z.string().trim().max(60).optional(),
      title: requiredText(120),
      reports: z.array(z.enum(REPORT_SOURCES)).max(REPORT_SOURCES.length).default([]),
    }),
  )
  .min(1, 'must have at least one item.')
  .max(30, 'can have at most 30 items.');

export const meetingsRouter = router({
  /** The house's meetings to come and the record of those held. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: id, ...pageInput }))
    .query(({ ctx, input }) => meetings.listMeetings(ctx, input)),

  /** A meeting in full: agenda with reports, roll, minutes, motions, action items. */
  get: meetingProcedure('member').query(({ ctx }) => meetings.getMeeting(ctx)),

  /** The weekly house meeting (staff, or the officer who sets the agenda). */
  setSchedule: housePowerProcedure('agenda')
    .input(meetingScheduleInput)
    .mutation(({ ctx, input }) => meetings.setSchedule(ctx, input)),

  /** A one-off meeting: an emergency meeting, an officers' meeting. */
  create: housePowerProcedure('agenda')
    .input(meetingCreateInput)
    .mutation(({ ctx, input }) => meetings.createMeeting(ctx, input)),

  cancel: meetingProcedure('agenda')
    .input(z.strictObject({ meetingId: id, reason: requiredText(300) }))
    .mutation(({ ctx, input }) => meetings.cancelMeeting(ctx, input)),

  template: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => meetings.agendaTemplateOf(ctx, ctx.house.id)),

  updateTemplate: housePowerProcedure('agenda')
    .input(agendaTemplateInput)
    .mutation(({ ctx, input }) => meetings.updateTemplate(ctx, input)),

  updateAgenda: meetingProcedure('agenda')
    .input(z.strictObject({ meetingId: id, items: agendaItems }))
    .mutation(({ ctx, input }) => meetings.updateAgenda(ctx, input)),

  /** Opens the meeting: the agenda and the reports are set down as they stand. */
  open: meetingProcedure('chair')
    .input(z.strictObject({ meetingId: id }))
    .mutation(({ ctx }) => meetings.openMeeting(ctx)),

  recordAttendance: meetingProcedure('attendance')
    .input(attendanceInput)
    .mutation(({ ctx, input }) => meetings.recordAttendance(ctx, input)),

  saveMinutes: meetingProcedure('minutes')
    .input(minutesInput)
    .mutation(({ ctx, input }) => meetings.saveMinutes(ctx, input)),

  approveMinutes: meetingProcedure('minutes')
    .input(z.strictObject({ meetingId: id }))
    .mutation(({ ctx }) => meetings.approveMinutes(ctx)),

  amendMinutes: meetingProcedure('minutes')
    .input(amendMinutesInput)
    .mutation(({ ctx, input }) => meetings.amendMinutes(ctx, input)),

  /** A motion as voted: the result is counted here against those present. */
  recordMotion: meetingProcedure('chair')
    .input(motionRecordInput)
    .mutation(({ ctx, input }) => meetings.recordMotion(ctx, input)),

  addActionItem: meetingProcedure('chair')
    .input(actionItemInput)
    .mutation(({ ctx, input }) => meetings.addActionItem(ctx, input)),

  completeActionItem: actionItemProcedure('chair')
    .input(z.strictObject({ actionItemId: id }))
    .mutation(({ ctx }) => meetings.completeActionItem(ctx)),

  actionItems: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => meetings.houseActionItems(ctx)),

  close: meetingProcedure('chair')
    .input(z.strictObject({ meetingId: id }))
    .mutation(({ ctx }) => meetings.closeMeeting(ctx)),
});
