// Peer mentoring: staff (or the house's chair) pair a newcomer with a senior
// resident for a while; both see the pairing; the mentor logs short notes of
// their check-ins with the mentee. Pairings are ended, never deleted.
import { and, asc, desc, eq, gte, inArray, isNull, lte, newId, or, schema } from '@porchlight/db';
import { addDays, conflict, invalid } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { auditRead, commit } from './write';

type House = typeof schema.houses.$inferSelect;
type Mentorship = typeof schema.mentorships.$inferSelect;

export async function pair(
  ctx: AuthedContext & { house: House },
  input: {
    mentorId: string;
    menteeId: string;
    startDate?: string | undefined;
    endDate?: string | undefined;
  },
) {
  if (input.mentorId === input.menteeId)
    throw invalid('menteeId', 'must be someone other than the mentor.');
  const today = houseToday(ctx, ctx.house);
  const startDate = input.startDate ?? today;
  const endDate = input.endDate ?? addDays(startDate, 89);
  if (endDate < startDate) throw invalid('endDate', 'must be after the start.');
  if (endDate > addDays(startDate, 365))
    throw invalid('endDate', 'can be at most a year after the start.');
  const [mentor, mentee] = await Promise.all([
    currentResident(ctx, ctx.house.id, input.mentorId),
    currentResident(ctx, ctx.house.id, input.menteeId),
  ]);
  if (!mentor) throw invalid('mentorId', 'is not living in this house.');
  if (!mentee) throw invalid('menteeId', 'is not living in this house.');
  const since = new Map(
    (await livingIn(ctx, ctx.house.id, [input.mentorId, input.menteeId])).map((r) => [
      r.resident.id,
      r.since,
    ]),
  );
  const mentorSince = since.get(input.mentorId);
  const menteeSince = since.get(input.menteeId);
  if (mentorSince && menteeSince && mentorSince > menteeSince)
    throw invalid('mentorId', 'must have lived in the house longer than the resident they mentor.');
  const open = await ctx.db
    .select({ id: schema.mentorships.id })
    .from(schema.mentorships)
    .where(
      and(
        eq(schema.mentorships.menteeId, input.menteeId),
        lte(schema.mentorships.startDate, endDate),
        gte(schema.mentorships.endDate, startDate),
      ),
    )
    .get();
  if (open)
    throw conflict(
      'This resident already has a mentor for that time: end that pairing first.',
      'menteeId',
    );
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.mentorships).values({
        id,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        mentorId: input.mentorId,
        menteeId: input.menteeId,
        startDate,
        endDate,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'mentorship.pair',
        recordType: 'mentorship',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: { mentorId: input.mentorId, menteeId: input.menteeId, startDate, endDate },
      },
    ],
  );
  return { mentorshipId: id, startDate, endDate };
}

/** The residents living in the house now and when their stay began, longest first. */
async function livingIn(ctx: Pick<AuthedContext, 'db'>, houseId: string, only?: readonly string[]) {
  return ctx.db
    .select({ resident: schema.residents, since: schema.stays.startDate })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, houseId),
        isNull(schema.stays.endDate),
        only ? inArray(schema.stays.residentId, [...only]) : undefined,
      ),
    )
    .orderBy(asc(schema.stays.startDate), asc(schema.residents.id));
}

/**
 * Who can be paired, for the house's chair: the residents living in the house,
 * longest first, with when they moved in and whether they have a mentor now.
 */
export async function pairingCandidates(ctx: AuthedContext & { house: House }) {
  const today = houseToday(ctx, ctx.house);
  const [rows, mentored] = await Promise.all([
    livingIn(ctx, ctx.house.id),
    ctx.db
      .select({ menteeId: schema.mentorships.menteeId })
      .from(schema.mentorships)
      .where(
        and(
          eq(schema.mentorships.houseId, ctx.house.id),
          lte(schema.mentorships.startDate, today),
          gte(schema.mentorships.endDate, today),
        ),
      ),
  ]);
  const hasMentor = new Set(mentored.map((m) => m.menteeId));
  return rows.map((r) => ({
    id: r.resident.id,
    name: displayName(r.resident),
    since: r.since,
    hasMentor: hasMentor.has(r.resident.id),
  }));
}

async function currentResident(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  residentId: string,
) {
  const row = await ctx.db
    .select({ r: schema.residents })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(and(eq(schema.stays.houseId, houseId), eq(schema.stays.residentId, residentId)))
    .orderBy(desc(schema.stays.startDate))
    .limit(1)
    .get();
  return row && (await isOpen(ctx, houseId, residentId)) ? row.r : undefined;
}

async function isOpen(ctx: Pick<AuthedContext, 'db'>, houseId: string, residentId: string) {
  const rows = await ctx.db
    .select({ endDate: schema.stays.endDate })
    .from(schema.stays)
    .where(and(eq(schema.stays.houseId, houseId), eq(schema.stays.residentId, residentId)));
  return rows.some((r) => r.endDate === null);
}

export async function endPairing(
  ctx: AuthedContext & { mentorship: Mentorship; house: House },
  input: { reason: string },
) {
  const today = houseToday(ctx, ctx.house);
  if (ctx.mentorship.endDate < today)
    throw conflict('This pairing is already over.', 'mentorshipId');
  const endDate = today < ctx.mentorship.startDate ? addDays(ctx.mentorship.startDate, -1) : today;
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.mentorships)
        .set({ endDate, endedEarly: true, endReason: input.reason })
        .where(eq(schema.mentorships.id, ctx.mentorship.id)),
    ],
    [
      {
        action: 'mentorship.end',
        recordType: 'mentorship',
        recordId: ctx.mentorship.id,
        organisationId: ctx.house.organisationId,
        details: { reason: input.reason, was: ctx.mentorship.endDate },
      },
    ],
  );
  return { mentorshipId: ctx.mentorship.id, endDate };
}

export async function logNote(
  ctx: AuthedContext & { mentorship: Mentorship; house: House },
  input: { note: string; date?: string | undefined },
) {
  const today = houseToday(ctx, ctx.house);
  const date = input.date ?? today;
  if (date > today) throw invalid('date', 'cannot be in the future.');
  if (date < ctx.mentorship.startDate || date > ctx.mentorship.endDate)
    throw invalid('date', 'must fall within the pairing.');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.mentorNotes).values({
        id,
        mentorshipId: ctx.mentorship.id,
        date,
        note: input.note,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'mentorship.logNote',
        recordType: 'mentorship',
        recordId: ctx.mentorship.id,
        organisationId: ctx.house.organisationId,
      },
    ],
  );
  return { noteId: id };
}

async function pairingsOut(
  ctx: Pick<AuthedContext, 'db'>,
  rows: readonly Mentorship[],
  today: string,
) {
  const ids = [...new Set(rows.flatMap((m) => [m.mentorId, m.menteeId]))];
  const people =
    ids.length === 0
      ? []
      : await ctx.db.select().from(schema.residents).where(inArray(schema.residents.id, ids));
  const notes =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(schema.mentorNotes)
          .where(
            inArray(
              schema.mentorNotes.mentorshipId,
              rows.map((m) => m.id),
            ),
          )
          .orderBy(desc(schema.mentorNotes.date), desc(schema.mentorNotes.createdAt));
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? displayName(p) : '';
  };
  return rows.map((m) => ({
    id: m.id,
    mentorId: m.mentorId,
    mentorName: nameOf(m.mentorId),
    menteeId: m.menteeId,
    menteeName: nameOf(m.menteeId),
    startDate: m.startDate,
    endDate: m.endDate,
    endedEarly: m.endedEarly,
    endReason: m.endReason,
    current: m.startDate <= today && m.endDate >= today,
    notes: notes
      .filter((n) => n.mentorshipId === m.id)
      .map((n) => ({ id: n.id, date: n.date, note: n.note })),
  }));
}

/** A house's pairings, current first. */
export async function housePairings(ctx: AuthedContext & { house: House }) {
  const today = houseToday(ctx, ctx.house);
  const rows = await ctx.db
    .select()
    .from(schema.mentorships)
    .where(eq(schema.mentorships.houseId, ctx.house.id))
    .orderBy(desc(schema.mentorships.endDate), asc(schema.mentorships.startDate));
  const out = await pairingsOut(ctx, rows, today);
  // the mentors' notes are about their mentees: staff or the chair reading them is on the trail
  const notes = out.reduce((sum, p) => sum + p.notes.length, 0);
  if (notes > 0)
    await auditRead(ctx, {
      action: 'mentorship.read',
      recordType: 'house',
      recordId: ctx.house.id,
      organisationId: ctx.house.organisationId,
      details: { pairings: out.length, notes },
    });
  return out;
}

/** The resident's pairings as mentor and as mentee. */
export async function myPairings(
  ctx: AuthedContext & { resident: typeof schema.residents.$inferSelect },
) {
  const house = await ctx.db
    .select()
    .from(schema.houses)
    .where(eq(schema.houses.id, ctx.resident.houseId))
    .get();
  const today = house ? houseToday(ctx, house) : '';
  const rows = await ctx.db
    .select()
    .from(schema.mentorships)
    .where(
      or(
        eq(schema.mentorships.mentorId, ctx.resident.id),
        eq(schema.mentorships.menteeId, ctx.resident.id),
      ),
    )
    .orderBy(desc(schema.mentorships.endDate));
  const out = await pairingsOut(ctx, rows, today);
  return {
    asMentor: out.filter((p) => p.mentorId === ctx.resident.id),
    // the mentor's notes are about the mentee, who sees their own record
    asMentee: out.filter((p) => p.menteeId === ctx.resident.id),
  };
}
