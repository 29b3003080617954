// A house's offices and who held them: each office with its powers, its holder
// today and its history; new offices a house adds for itself; terms ending
// early; and the house's term limits. Officers are elected by a motion at a
// house meeting (services/meetings.ts records the term).
import { and, asc, eq, gt, gte, isNull, lte, newId, schema, sql } from '@porchlight/db';
import {
  addDays,
  agendaKey,
  canActInHouse,
  conflict,
  invalid,
  type OfficePower,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { commit } from './write';

type House = typeof schema.houses.$inferSelect;
type Office = typeof schema.offices.$inferSelect;
type Term = typeof schema.officerTerms.$inferSelect;

export async function listOfficers(ctx: AuthedContext & { house: House }) {
  const today = houseToday(ctx, ctx.house);
  const [offices, terms] = await Promise.all([
    ctx.db
      .select()
      .from(schema.offices)
      .where(eq(schema.offices.houseId, ctx.house.id))
      .orderBy(asc(schema.offices.position), asc(schema.offices.name)),
    ctx.db
      .select({
        t: schema.officerTerms,
        r: schema.residents,
        motionMeetingId: schema.motions.meetingId,
        electedOn: schema.meetings.date,
      })
      .from(schema.officerTerms)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.officerTerms.residentId))
      .leftJoin(schema.motions, eq(schema.motions.id, schema.officerTerms.motionId))
      .leftJoin(schema.meetings, eq(schema.meetings.id, schema.motions.meetingId))
      .where(eq(schema.officerTerms.houseId, ctx.house.id))
      .orderBy(asc(schema.officerTerms.startDate)),
  ]);
  const termOut = (row: (typeof terms)[number]) => ({
    id: row.t.id,
    residentId: row.r.id,
    name: displayName(row.r),
    startDate: row.t.startDate,
    endDate: row.t.endDate,
    endedEarly: row.t.endedEarly,
    endReason: row.t.endReason,
    electedAtMeetingId: row.motionMeetingId,
    electedOn: row.electedOn,
  });
  return {
    house: { id: ctx.house.id, name: ctx.house.name, narrLevel: ctx.house.narrLevel },
    today,
    policy: {
      maxMonths: ctx.house.officerTermMonths,
      consecutiveAllowed: ctx.house.officerConsecutiveAllowed,
    },
    offices: offices.map((o) => {
      const theirs = terms.filter((row) => row.t.officeId === o.id);
      const current = theirs.find((row) => row.t.startDate <= today && row.t.endDate >= today);
      return {
        id: o.id,
        key: o.key,
        name: o.name,
        description: o.description,
        powers: o.powers as OfficePower[],
        retired: o.retiredAt !== null,
        current: current ? termOut(current) : null,
        next: theirs.filter((row) => row.t.startDate > today).map(termOut)[0] ?? null,
        history: theirs
          .filter((row) => row.t.endDate < today)
          .map(termOut)
          .reverse(),
      };
    }),
    can: { manage: canActInHouse(ctx.actor, ctx.house, 'chair') },
  };
}

export async function createOffice(
  ctx: AuthedContext & { house: House },
  input: { name: string; powers: OfficePower[]; description?: string | undefined },
) {
  const existing = await ctx.db
    .select({
      key: schema.offices.key,
      name: schema.offices.name,
      retiredAt: schema.offices.retiredAt,
    })
    .from(schema.offices)
    .where(eq(schema.offices.houseId, ctx.house.id));
  if (existing.some((o) => !o.retiredAt && o.name.toLowerCase() === input.name.toLowerCase()))
    throw invalid('name', 'is already an office of this house.');
  const id = newId();
  const key = agendaKey(input.name, new Set(existing.map((o) => o.key)));
  await commit(
    ctx,
    [
      ctx.db.insert(schema.offices).values({
        id,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        key,
        name: input.name,
        description: input.description ?? null,
        powers: input.powers,
        position: existing.length,
      }),
    ],
    [
      {
        action: 'officers.createOffice',
        recordType: 'office',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: { name: input.name, powers: input.powers },
      },
    ],
  );
  return { officeId: id };
}

export async function updateTermPolicy(
  ctx: AuthedContext & { house: House },
  input: { maxMonths: number; consecutiveAllowed: boolean },
) {
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.houses)
        .set({
          officerTermMonths: input.maxMonths,
          officerConsecutiveAllowed: input.consecutiveAllowed,
          updatedAt: ctx.clock.now(),
        })
        .where(eq(schema.houses.id, ctx.house.id)),
    ],
    [
      {
        action: 'officers.updatePolicy',
        recordType: 'house',
        recordId: ctx.house.id,
        organisationId: ctx.house.organisationId,
        details: {
          before: {
            maxMonths: ctx.house.officerTermMonths,
            consecutiveAllowed: ctx.house.officerConsecutiveAllowed,
          },
          after: input,
        },
      },
    ],
  );
  return input;
}

/** A term ends early (the officer steps down or moves out): the record keeps why. */
export async function endTerm(
  ctx: AuthedContext & { record: Term; house: House },
  input: { endDate?: string | undefined; reason: string },
) {
  const term = ctx.record;
  const today = houseToday(ctx, ctx.house);
  const endDate = input.endDate ?? today;
  if (term.endDate < today) throw conflict('This term is already over.', 'termId');
  if (endDate < addDays(term.startDate, -1))
    throw invalid('endDate', 'cannot be before the term began.');
  if (endDate > term.endDate) throw invalid('endDate', 'cannot be after the term was due to end.');
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.officerTerms)
        .set({ endDate, endedEarly: true, endReason: input.reason })
        .where(eq(schema.officerTerms.id, term.id)),
    ],
    [
      {
        action: 'officers.endTerm',
        recordType: 'officer_term',
        recordId: term.id,
        organisationId: ctx.house.organisationId,
        details: { endDate, reason: input.reason, was: term.endDate },
      },
    ],
  );
  return { termId: term.id, endDate };
}

/** An office the house no longer has: its current holder's term ends today. */
export async function retireOffice(ctx: AuthedContext & { record: Office; house: House }) {
  if (ctx.record.retiredAt) throw conflict('This office is already retired.', 'officeId');
  const today = houseToday(ctx, ctx.house);
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.offices)
        .set({ retiredAt: now })
        .where(and(eq(schema.offices.id, ctx.record.id), isNull(schema.offices.retiredAt))),
      // the term under way ends today; one not begun yet never starts
      ctx.db
        .update(schema.officerTerms)
        .set({ endDate: today, endedEarly: true, endReason: 'The office was retired.' })
        .where(
          and(
            eq(schema.officerTerms.officeId, ctx.record.id),
            lte(schema.officerTerms.startDate, today),
            gte(schema.officerTerms.endDate, today),
          ),
        ),
      ctx.db
        .update(schema.officerTerms)
        .set({
          endDate: sql`date(${schema.officerTerms.startDate}, '-1 day')`,
          endedEarly: true,
          endReason: 'The office was retired before the term began.',
        })
        .where(
          and(
            eq(schema.officerTerms.officeId, ctx.record.id),
            gt(schema.officerTerms.startDate, today),
          ),
        ),
    ],
    [
      {
        action: 'officers.retireOffice',
        recordType: 'office',
        recordId: ctx.record.id,
        organisationId: ctx.house.organisationId,
        details: { name: ctx.record.name },
      },
    ],
  );
  return { officeId: ctx.record.id };
}
