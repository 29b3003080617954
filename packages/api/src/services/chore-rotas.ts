// Rotas: generating one for a period with the domain's rotation, adjusting and
// publishing it, what each resident has to do, marking done and checking, and
// handing on a resident's chores when they move out. Every change is one batch
// with its audit entry; a published occurrence's changes are events beside it.
import {
  and,
  asc,
  type BatchItem,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  newId,
  or,
  schema,
  sql,
} from '@porchlight/db';
import {
  addDays,
  completion,
  conflict,
  datesFrom,
  doneWindow,
  instantAt,
  invalid,
  occurrenceStatus,
  type OccurrenceStatus,
  passCovers,
  planRota,
  reasonText,
  type RotaChore,
  type RotaReason,
  type RotaResident,
  rotaEnd,
  weekStart,
  weeksBack,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { choreOut, currentResidents } from './chores';
import { displayName, houseToday } from './houses';
import { offsetOf, toPage } from './pages';
import { commit } from './write';

type House = typeof schema.houses.$inferSelect;
type Rota = typeof schema.choreRotas.$inferSelect;
type Occurrence = typeof schema.choreOccurrences.$inferSelect;
type Chore = typeof schema.chores.$inferSelect;
type Ctx = Pick<AuthedContext, 'db' | 'clock'>;

/** The longest rota there is: rotas that could overlap a date start at most this long before it. */
const LONGEST_ROTA = 14;

export function statusOf(o: Occurrence, today: string): OccurrenceStatus {
  return occurrenceStatus(
    {
      date: o.date,
      residentId: o.residentId,
      needsVerification: o.needsVerification,
      doneAt: o.doneAt,
      checkResult: o.checkResult,
    },
    today,
  );
}

/**
 * Who can be given chores on each day of a period: in the house from the day
 * after moving in to the day before moving out, and not away on a pass at
 * midday. `leaving` overrides a stay's end for a move-out being recorded now.
 */
export async function rosterFor(
  ctx: Ctx,
  house: House,
  start: string,
  days: number,
  leaving?: { residentId: string; date: string },
): Promise<RotaResident[]> {
  const end = rotaEnd(start, days);
  const stays = await ctx.db
    .select()
    .from(schema.stays)
    .where(
      and(
        eq(schema.stays.houseId, house.id),
        lte(schema.stays.startDate, end),
        or(isNull(schema.stays.endDate), gte(schema.stays.endDate, start)),
      ),
    );
  const ids = [...new Set(stays.map((s) => s.residentId))];
  if (ids.length === 0) return [];
  const passes = await ctx.db
    .select()
    .from(schema.passes)
    .where(
      and(
        inArray(schema.passes.residentId, ids),
        eq(schema.passes.status, 'approved'),
        lte(schema.passes.departAt, instantAt(addDays(end, 1), 0, 0, house.timezone)),
        gte(schema.passes.expectedReturnAt, instantAt(start, 0, 0, house.timezone)),
      ),
    );
  const dates = datesFrom(start, end);
  return ids.map((residentId) => {
    const theirs = stays
      .filter((s) => s.residentId === residentId)
      .map((s) => ({
        start: s.startDate,
        end: leaving?.residentId === residentId && s.endDate === null ? leaving.date : s.endDate,
      }))
      .sort((a, b) => a.start.localeCompare(b.start));
    // a move within the house (one stay ends the day the next begins) is no move-in
    const present = (date: string) =>
      theirs.some((s, i) => {
        const movedIn = i === 0 || theirs[i - 1]?.end !== s.start;
        const from = movedIn ? addDays(s.start, 1) : s.start;
        const next = theirs[i + 1];
        const movesOut = s.end !== null && next?.start !== s.end;
        return date >= from && (s.end === null || (movesOut ? date < s.end : date <= s.end));
      });
    const away = (date: string) => {
      const noon = instantAt(date, 12, 0, house.timezone);
      return passes.some((p) => p.residentId === residentId && passCovers(p, noon));
    };
    const inHouse = dates.filter((d) => present(d));
    const first = inHouse[0];
    const last = inHouse.at(-1);
    if (first === undefined || last === undefined)
      return { id: residentId, from: addDays(end, 1), until: null, away: [] };
    return {
      id: residentId,
      from: first,
      until: last,
      // a gap between two stays counts as away, like a pass
      away: dates.filter((d) => d >= first && d <= last && (!present(d) || away(d))),
    };
  });
}

/** Balances carried into a period: effort given minus fair share, over the house's published rotas before it. */
async function balancesBefore(ctx: Ctx, houseId: string, start: string) {
  const [given, rotas] = await Promise.all([
    ctx.db
      .select({
        residentId: schema.choreOccurrences.residentId,
        effort: sql<number>`sum(${schema.choreOccurrences.effort})`,
      })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .where(
        and(
          eq(schema.choreRotas.houseId, houseId),
          eq(schema.choreRotas.status, 'published'),
          sql`${schema.choreRotas.startDate} < ${start}`,
          isNotNull(schema.choreOccurrences.residentId),
        ),
      )
      .groupBy(schema.choreOccurrences.residentId),
    ctx.db
      .select({ shares: schema.choreRotas.shares })
      .from(schema.choreRotas)
      .where(
        and(
          eq(schema.choreRotas.houseId, houseId),
          eq(schema.choreRotas.status, 'published'),
          sql`${schema.choreRotas.startDate} < ${start}`,
        ),
      ),
  ]);
  const balances: Record<string, number> = {};
  for (const g of given) if (g.residentId) balances[g.residentId] = Number(g.effort);
  for (const r of rotas)
    for (const [rid, share] of Object.entries(r.shares))
      balances[rid] = (balances[rid] ?? 0) - share;
  return balances;
}

/** Who had which chore in the latest published rota before `start`. */
async function lastPeriodOf(ctx: Ctx, houseId: string, start: string) {
  const last = await ctx.db
    .select({ id: schema.choreRotas.id })
    .from(schema.choreRotas)
    .where(
      and(
        eq(schema.choreRotas.houseId, houseId),
        eq(schema.choreRotas.status, 'published'),
        sql`${schema.choreRotas.startDate} < ${start}`,
      ),
    )
    .orderBy(desc(schema.choreRotas.startDate))
    .limit(1)
    .get();
  if (!last) return [];
  const rows = await ctx.db
    .select({
      residentId: schema.choreOccurrences.residentId,
      choreId: schema.choreOccurrences.choreId,
    })
    .from(schema.choreOccurrences)
    .where(
      and(
        eq(schema.choreOccurrences.rotaId, last.id),
        isNotNull(schema.choreOccurrences.residentId),
      ),
    );
  return rows.flatMap((r) =>
    r.residentId ? [{ residentId: r.residentId, choreId: r.choreId }] : [],
  );
}

async function rulesFor(ctx: Ctx, choreIds: readonly string[]) {
  if (choreIds.length === 0) return { exclusions: [], pins: [] };
  const [exclusions, pins] = await Promise.all([
    ctx.db
      .select({
        residentId: schema.choreExclusions.residentId,
        choreId: schema.choreExclusions.choreId,
      })
      .from(schema.choreExclusions)
      .where(
        and(
          inArray(schema.choreExclusions.choreId, [...choreIds]),
          isNull(schema.choreExclusions.endedAt),
        ),
      ),
    ctx.db
      .select({ residentId: schema.chorePins.residentId, choreId: schema.chorePins.choreId })
      .from(schema.chorePins)
      .where(
        and(inArray(schema.chorePins.choreId, [...choreIds]), isNull(schema.chorePins.endedAt)),
      ),
  ]);
  return { exclusions, pins };
}

function rotaChore(c: Chore): RotaChore {
  return {
    id: c.id,
    effort: c.effort,
    frequency: c.frequency,
    weekdays: c.weekdays,
    residentsNeeded: c.residentsNeeded,
  };
}

/** Multi-row inserts, in pieces small enough for SQLite's variable limit. */
function insertOccurrences(
  ctx: Pick<AuthedContext, 'db'>,
  rows: (typeof schema.choreOccurrences.$inferInsert)[],
) {
  const writes: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += 200)
    writes.push(ctx.db.insert(schema.choreOccurrences).values(rows.slice(i, i + 200)));
  return writes;
}

/**
 * Plans the rota of the period starting `start` (the house's rota length) as a
 * draft. A draft of the same period is planned again, keeping what a manager
 * chose by hand and pinned; a published rota is never replaced.
 */
export async function generateRota(
  ctx: AuthedContext & { house: House },
  input: { start: string },
) {
  const house = ctx.house;
  const today = houseToday(ctx, house);
  if (input.start < today)
    throw invalid('start', 'cannot be in the past: a rota starts today or later.');
  if (input.start > addDays(today, 60))
    throw invalid('start', 'can be at most 60 days from today.');
  const days = house.choreRotaDays;
  const end = rotaEnd(input.start, days);
  const nearby = await ctx.db
    .select()
    .from(schema.choreRotas)
    .where(
      and(
        eq(schema.choreRotas.houseId, house.id),
        gte(schema.choreRotas.startDate, addDays(input.start, -(LONGEST_ROTA - 1))),
        lte(schema.choreRotas.startDate, end),
      ),
    );
  const overlapping = nearby.filter((r) => rotaEnd(r.startDate, r.days) >= input.start);
  const published = overlapping.find((r) => r.status === 'published');
  if (published)
    throw conflict(
      `This period overlaps the published rota of ${published.startDate} to ${rotaEnd(published.startDate, published.days)}.`,
      'start',
    );
  const otherDraft = overlapping.find((r) => r.startDate !== input.start);
  if (otherDraft)
    throw conflict(
      `This period overlaps the draft rota starting ${otherDraft.startDate}: plan that one again, or start after it.`,
      'start',
    );
  const draft = overlapping.find((r) => r.startDate === input.start);
  const chores = await ctx.db
    .select()
    .from(schema.chores)
    .where(and(eq(schema.chores.houseId, house.id), isNull(schema.chores.retiredAt)));
  if (chores.length === 0)
    throw conflict('This house has no chores yet: add them to the chore list first.', 'houseId');
  const [residents, balances, lastPeriod, rules, kept] = await Promise.all([
    rosterFor(ctx, house, input.start, days),
    balancesBefore(ctx, house.id, input.start),
    lastPeriodOf(ctx, house.id, input.start),
    rulesFor(
      ctx,
      chores.map((c) => c.id),
    ),
    draft
      ? ctx.db
          .select()
          .from(schema.choreOccurrences)
          .where(
            and(
              eq(schema.choreOccurrences.rotaId, draft.id),
              eq(schema.choreOccurrences.pinned, true),
            ),
          )
      : Promise.resolve([]),
  ]);
  const plan = planRota({
    start: input.start,
    days,
    chores: chores.map(rotaChore),
    residents,
    balances,
    lastPeriod,
    exclusions: rules.exclusions,
    pins: [
      ...rules.pins,
      // what a manager pinned by hand in the draft stays where they put it
      ...kept.flatMap((o) =>
        o.residentId ? [{ choreId: o.choreId, residentId: o.residentId, date: o.date }] : [],
      ),
    ],
  });
  const now = ctx.clock.now();
  const rotaId = draft?.id ?? newId();
  const shares = Object.fromEntries(plan.loads.map((l) => [l.residentId, l.share]));
  const byHand = new Set(kept.map((o) => `${o.choreId}|${o.date}|${o.residentId ?? ''}`));
  const rows = plan.slots.map((s) => {
    const handPicked = byHand.has(`${s.choreId}|${s.date}|${s.residentId ?? ''}`) && s.pinned;
    return {
      id: newId(),
      organisationId: house.organisationId,
      houseId: house.id,
      rotaId,
      choreId: s.choreId,
      date: s.date,
      slot: s.slot,
      effort: s.effort,
      needsVerification: chores.find((c) => c.id === s.choreId)?.needsVerification ?? false,
      residentId: s.residentId,
      pinned: s.pinned,
      reasons: handPicked ? [{ code: 'by_hand' }] : s.reasons,
    };
  });
  const writes: BatchItem<'sqlite'>[] = draft
    ? [
        ctx.db.delete(schema.choreOccurrences).where(eq(schema.choreOccurrences.rotaId, draft.id)),
        ctx.db
          .update(schema.choreRotas)
          .set({ days, shares, generatedAt: now, generatedBy: ctx.actor.userId })
          .where(and(eq(schema.choreRotas.id, draft.id), eq(schema.choreRotas.status, 'draft'))),
      ]
    : [
        ctx.db.insert(schema.choreRotas).values({
          id: rotaId,
          organisationId: house.organisationId,
          houseId: house.id,
          startDate: input.start,
          days,
          status: 'draft',
          shares,
          generatedAt: now,
          generatedBy: ctx.actor.userId,
        }),
      ];
  writes.push(...insertOccurrences(ctx, rows));
  await commit(ctx, writes, [
    {
      action: 'chores.generateRota',
      recordType: 'chore_rota',
      recordId: rotaId,
      organisationId: house.organisationId,
      details: {
        houseId: house.id,
        start: input.start,
        days,
        occurrences: rows.length,
        unassigned: rows.filter((r) => r.residentId === null).length,
        again: draft !== undefined,
      },
    },
  ]);
  const rota = await ctx.db
    .select()
    .from(schema.choreRotas)
    .where(eq(schema.choreRotas.id, rotaId))
    .get();
  if (!rota) throw conflict('The rota could not be read back.');
  return rotaView(ctx, house, rota, true);
}

/** A rota as the rota page shows it. Residents see who does what, and their own chores' state only. */
export async function rotaView(
  ctx: Pick<AuthedContext, 'db' | 'clock' | 'actor'>,
  house: House,
  rota: Rota,
  isStaff: boolean,
) {
  const today = houseToday(ctx, house);
  const me = ctx.actor.memberships.find(
    (m) => m.role === 'resident' && m.organisationId === house.organisationId,
  )?.residentId;
  const [occurrences, chores, swaps, publisher] = await Promise.all([
    ctx.db
      .select({ o: schema.choreOccurrences, r: schema.residents, checker: schema.users.name })
      .from(schema.choreOccurrences)
      .leftJoin(schema.residents, eq(schema.residents.id, schema.choreOccurrences.residentId))
      .leftJoin(schema.users, eq(schema.users.id, schema.choreOccurrences.checkedBy))
      .where(eq(schema.choreOccurrences.rotaId, rota.id))
      .orderBy(asc(schema.choreOccurrences.date), asc(schema.choreOccurrences.slot)),
    ctx.db
      .select()
      .from(schema.chores)
      .where(
        inArray(
          schema.chores.id,
          ctx.db
            .selectDistinct({ id: schema.choreOccurrences.choreId })
            .from(schema.choreOccurrences)
            .where(eq(schema.choreOccurrences.rotaId, rota.id)),
        ),
      )
      .orderBy(asc(schema.chores.name)),
    // every open swap of the house: they wait for someone whichever rota they are in
    isStaff ? openSwapsOf(ctx, house.id) : Promise.resolve([]),
    rota.publishedBy
      ? ctx.db
          .select({ name: schema.users.name })
          .from(schema.users)
          .where(eq(schema.users.id, rota.publishedBy))
          .get()
      : Promise.resolve(undefined),
  ]);
  const names = new Map<string, string>();
  for (const { r } of occurrences) if (r) names.set(r.id, displayName(r));
  const roster = isStaff ? await currentResidents(ctx, house) : [];
  for (const r of roster) names.set(r.residentId, r.name);
  const nameOf = (id: string) => names.get(id) ?? 'a former resident';
  const loads = isStaff
    ? await loadsOf(
        ctx,
        house.id,
        rota,
        occurrences.map(({ o }) => o),
      )
    : [];
  return {
    period: {
      id: rota.id,
      startDate: rota.startDate,
      endDate: rotaEnd(rota.startDate, rota.days),
      days: rota.days,
      status: rota.status,
      generatedAt: rota.generatedAt.toISOString(),
      publishedAt: rota.publishedAt?.toISOString() ?? null,
      publishedByName: publisher?.name ?? null,
    },
    house: {
      id: house.id,
      name: house.name,
      timezone: house.timezone,
      swapsNeedApproval: house.choreSwapsNeedApproval,
    },
    today,
    dates: datesFrom(rota.startDate, rotaEnd(rota.startDate, rota.days)),
    chores: chores.map(choreOut),
    occurrences: occurrences.map(({ o, r, checker }) => {
      const mine = me !== undefined && o.residentId === me;
      const seesState = isStaff || mine;
      return {
        id: o.id,
        choreId: o.choreId,
        date: o.date,
        slot: o.slot,
        effort: o.effort,
        needsVerification: o.needsVerification,
        residentId: o.residentId,
        residentName: r ? displayName(r) : null,
        mine,
        status: seesState ? statusOf(o, today) : null,
        doneAt: seesState ? (o.doneAt?.toISOString() ?? null) : null,
        doneNote: seesState ? o.doneNote : null,
        checkResult: seesState ? o.checkResult : null,
        checkReason: seesState ? o.checkReason : null,
        checkedByName: seesState ? checker : null,
        pinned: isStaff ? o.pinned : false,
        // why this resident: for staff, in words
        reasons: isStaff
          ? (o.reasons as RotaReason[]).map((reason) => reasonText(reason, nameOf))
          : [],
      };
    }),
    loads: loads.map((l) => ({ ...l, name: nameOf(l.residentId) })),
    residents: roster,
    swaps,
  };
}

/** Each resident's balance before the rota, what it gives them, their share, and after. */
async function loadsOf(ctx: Ctx, houseId: string, rota: Rota, occurrences: readonly Occurrence[]) {
  const before = await balancesBefore(ctx, houseId, rota.startDate);
  const assigned = new Map<string, number>();
  for (const o of occurrences)
    if (o.residentId) assigned.set(o.residentId, (assigned.get(o.residentId) ?? 0) + o.effort);
  // residents with no share and nothing given (moved out before the rota) are left out
  const ids = new Set([
    ...Object.entries(rota.shares)
      .filter(([, share]) => share > 0)
      .map(([id]) => id),
    ...assigned.keys(),
  ]);
  const round = (n: number) => Math.round(n * 10) / 10;
  return [...ids].map((residentId) => {
    const b = before[residentId] ?? 0;
    const given = assigned.get(residentId) ?? 0;
    const share = rota.shares[residentId] ?? 0;
    return {
      residentId,
      before: round(b),
      assigned: given,
      share: round(share),
      after: round(b + given - share),
    };
  });
}

/** Open swaps of a house (for one rota, when given), oldest first. */
export async function openSwapsOf(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  rotaId?: string,
) {
  const requester = schema.residents;
  const rows = await ctx.db
    .select({ s: schema.choreSwaps, o: schema.choreOccurrences, chore: schema.chores.name })
    .from(schema.choreSwaps)
    .innerJoin(
      schema.choreOccurrences,
      eq(schema.choreOccurrences.id, schema.choreSwaps.occurrenceId),
    )
    .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
    .where(
      and(
        eq(schema.choreSwaps.houseId, houseId),
        inArray(schema.choreSwaps.status, ['requested', 'accepted']),
        rotaId ? eq(schema.choreOccurrences.rotaId, rotaId) : undefined,
      ),
    )
    .orderBy(asc(schema.choreSwaps.requestedAt));
  const ids = [...new Set(rows.flatMap(({ s }) => [s.requesterId, s.counterpartId]))];
  const people =
    ids.length === 0 ? [] : await ctx.db.select().from(requester).where(inArray(requester.id, ids));
  const theirIds = rows.flatMap(({ s }) => (s.theirOccurrenceId ? [s.theirOccurrenceId] : []));
  const theirs =
    theirIds.length === 0
      ? []
      : await ctx.db
          .select({ o: schema.choreOccurrences, chore: schema.chores.name })
          .from(schema.choreOccurrences)
          .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
          .where(inArray(schema.choreOccurrences.id, theirIds));
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? displayName(p) : '';
  };
  return rows.map(({ s, o, chore }) => {
    const their = theirs.find((t) => t.o.id === s.theirOccurrenceId);
    return {
      id: s.id,
      status: s.status,
      requesterId: s.requesterId,
      requesterName: nameOf(s.requesterId),
      counterpartId: s.counterpartId,
      counterpartName: nameOf(s.counterpartId),
      occurrence: { id: o.id, choreName: chore, date: o.date },
      theirOccurrence: their
        ? { id: their.o.id, choreName: their.chore, date: their.o.date }
        : null,
      note: s.note,
      requestedAt: s.requestedAt.toISOString(),
    };
  });
}

/** The rota covering `date` (today by default): staff see a draft, residents only a published one. */
export async function rotaOn(
  ctx: AuthedContext & { house: House },
  input: { date?: string | undefined },
  isStaff: boolean,
) {
  const today = houseToday(ctx, ctx.house);
  const date = input.date ?? today;
  const candidates = await ctx.db
    .select()
    .from(schema.choreRotas)
    .where(
      and(
        eq(schema.choreRotas.houseId, ctx.house.id),
        gte(schema.choreRotas.startDate, addDays(date, -(LONGEST_ROTA - 1))),
        lte(schema.choreRotas.startDate, date),
        isStaff ? undefined : eq(schema.choreRotas.status, 'published'),
      ),
    )
    .orderBy(desc(schema.choreRotas.startDate));
  const rota = candidates.find((r) => rotaEnd(r.startDate, r.days) >= date);
  const next = await nextStart(ctx, ctx.house, today);
  return {
    today,
    date,
    nextStart: next,
    rota: rota ? await rotaView(ctx, ctx.house, rota, isStaff) : null,
  };
}

/** Where the next rota would start: the day after the latest one ends, and never in the past. */
async function nextStart(ctx: Ctx, house: House, today: string) {
  const latest = await ctx.db
    .select({ startDate: schema.choreRotas.startDate, days: schema.choreRotas.days })
    .from(schema.choreRotas)
    .where(eq(schema.choreRotas.houseId, house.id))
    .orderBy(desc(schema.choreRotas.startDate))
    .limit(1)
    .get();
  const after = latest
    ? addDays(rotaEnd(latest.startDate, latest.days), 1)
    : weekStart(addDays(today, 7));
  return after < today ? today : after;
}

/** The house's rotas, newest first, for moving between periods. */
export async function listRotas(
  ctx: AuthedContext & { house: House },
  input: { cursor?: string | undefined; limit: number },
  isStaff: boolean,
) {
  const offset = offsetOf(input.cursor);
  const rows = await ctx.db
    .select()
    .from(schema.choreRotas)
    .where(
      and(
        eq(schema.choreRotas.houseId, ctx.house.id),
        isStaff ? undefined : eq(schema.choreRotas.status, 'published'),
      ),
    )
    .orderBy(desc(schema.choreRotas.startDate))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      startDate: r.startDate,
      endDate: rotaEnd(r.startDate, r.days),
      status: r.status,
    })),
  };
}

async function livesThereOn(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  residentId: string,
  date: string,
) {
  const stay = await ctx.db
    .select({ id: schema.stays.id })
    .from(schema.stays)
    .where(
      and(
        eq(schema.stays.residentId, residentId),
        eq(schema.stays.houseId, houseId),
        lte(schema.stays.startDate, date),
        or(isNull(schema.stays.endDate), sql`${schema.stays.endDate} > ${date}`),
      ),
    )
    .get();
  return stay !== undefined;
}

type OccurrenceCtx = AuthedContext & {
  occurrence: Occurrence;
  rota: Rota;
  chore: Chore;
  house: House;
};

/** A manager gives an occurrence to someone by hand (a draft), or hands it on (a published rota). */
export async function assignOccurrence(
  ctx: OccurrenceCtx,
  input: { residentId: string | null; pin: boolean },
) {
  const o = ctx.occurrence;
  const today = houseToday(ctx, ctx.house);
  const published = ctx.rota.status === 'published';
  if (input.residentId === null && published)
    throw invalid('residentId', 'is required: a published chore is always someone’s.');
  if (input.residentId !== null) {
    if (!(await livesThereOn(ctx, ctx.house.id, input.residentId, o.date)))
      throw invalid('residentId', 'is not living in the house on that day.');
    const twice = await ctx.db
      .select({ id: schema.choreOccurrences.id })
      .from(schema.choreOccurrences)
      .where(
        and(
          eq(schema.choreOccurrences.rotaId, o.rotaId),
          eq(schema.choreOccurrences.choreId, o.choreId),
          eq(schema.choreOccurrences.date, o.date),
          eq(schema.choreOccurrences.residentId, input.residentId),
        ),
      )
      .get();
    if (twice && twice.id !== o.id) throw invalid('residentId', 'already has this chore that day.');
  }
  if (published) {
    if (o.doneAt)
      throw conflict('This chore is already done: it stays with who did it.', 'occurrenceId');
    if (o.date < today)
      throw conflict('This day is over: the chore cannot be handed on now.', 'occurrenceId');
    await checkNoOpenSwap(ctx, o.id);
  }
  if (input.residentId === o.residentId && input.pin === o.pinned)
    return { occurrenceId: o.id, changed: false };
  const writes: BatchItem<'sqlite'>[] = [
    ctx.db
      .update(schema.choreOccurrences)
      .set({ residentId: input.residentId, pinned: input.pin, reasons: [{ code: 'by_hand' }] })
      .where(eq(schema.choreOccurrences.id, o.id)),
  ];
  if (published)
    writes.push(
      ctx.db.insert(schema.choreEvents).values({
        id: newId(),
        occurrenceId: o.id,
        at: ctx.clock.now(),
        actorUserId: ctx.actor.userId,
        kind: 'reassigned',
        fromResidentId: o.residentId,
        toResidentId: input.residentId,
      }),
    );
  await commit(ctx, writes, [
    {
      action: 'chores.assign',
      recordType: 'chore_occurrence',
      recordId: o.id,
      organisationId: ctx.house.organisationId,
      details: { from: o.residentId, to: input.residentId, pin: input.pin, published },
    },
  ]);
  return { occurrenceId: o.id, changed: true };
}

async function checkNoOpenSwap(ctx: Pick<AuthedContext, 'db'>, occurrenceId: string) {
  const open = await ctx.db
    .select({ id: schema.choreSwaps.id })
    .from(schema.choreSwaps)
    .where(
      and(
        or(
          eq(schema.choreSwaps.occurrenceId, occurrenceId),
          eq(schema.choreSwaps.theirOccurrenceId, occurrenceId),
        ),
        inArray(schema.choreSwaps.status, ['requested', 'accepted']),
      ),
    )
    .get();
  if (open)
    throw conflict(
      'A swap of this chore is waiting for an answer: settle it first.',
      'occurrenceId',
    );
}

/** A draft becomes the rota residents see. Every chore in it must be someone's. */
export async function publishRota(ctx: AuthedContext & { rota: Rota; house: House }) {
  if (ctx.rota.status === 'published') throw conflict('This rota is already published.', 'rotaId');
  const unassigned = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(schema.choreOccurrences)
    .where(
      and(
        eq(schema.choreOccurrences.rotaId, ctx.rota.id),
        isNull(schema.choreOccurrences.residentId),
      ),
    )
    .get();
  const n = Number(unassigned?.n ?? 0);
  if (n > 0)
    throw conflict(
      n === 1
        ? '1 chore in this rota has nobody: give it to someone first.'
        : `${n} chores in this rota have nobody: give them to someone first.`,
      'rotaId',
    );
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.choreRotas)
        .set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId })
        .where(and(eq(schema.choreRotas.id, ctx.rota.id), eq(schema.choreRotas.status, 'draft'))),
    ],
    [
      {
        action: 'chores.publishRota',
        recordType: 'chore_rota',
        recordId: ctx.rota.id,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id, start: ctx.rota.startDate, days: ctx.rota.days },
      },
    ],
  );
  return { rotaId: ctx.rota.id, publishedAt: now.toISOString() };
}

/** The resident marks their chore done, on its day (a weekly chore: during its week). */
export async function markDone(ctx: OccurrenceCtx, input: { note?: string | undefined }) {
  const o = ctx.occurrence;
  const today = houseToday(ctx, ctx.house);
  const window = doneWindow(o.date, ctx.chore.frequency);
  if (today < window.from)
    throw conflict(`This chore can be marked done from ${window.from}.`, 'occurrenceId');
  if (today > window.to) throw conflict('This chore’s day is over: it was missed.', 'occurrenceId');
  if (o.doneAt && o.checkResult !== 'rejected')
    throw conflict('This chore is already marked done.', 'occurrenceId');
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.choreOccurrences)
        .set({
          doneAt: now,
          doneNote: input.note ?? null,
          checkedAt: null,
          checkedBy: null,
          checkResult: null,
          checkReason: null,
        })
        .where(eq(schema.choreOccurrences.id, o.id)),
      ctx.db.insert(schema.choreEvents).values({
        id: newId(),
        occurrenceId: o.id,
        at: now,
        actorUserId: ctx.actor.userId,
        kind: 'done',
        toResidentId: o.residentId,
        note: input.note ?? null,
      }),
    ],
    [
      {
        action: 'chores.markDone',
        recordType: 'chore_occurrence',
        recordId: o.id,
        organisationId: ctx.house.organisationId,
        details: { again: o.checkResult === 'rejected' },
      },
    ],
  );
  return {
    occurrenceId: o.id,
    doneAt: now.toISOString(),
    needsVerification: o.needsVerification,
  };
}

/** Staff check a chore marked done: verified, or sent back with what is left to do. */
export async function verifyOccurrence(
  ctx: OccurrenceCtx,
  input: { verdict: 'verified' | 'rejected'; reason?: string | undefined },
) {
  const o = ctx.occurrence;
  if (!o.doneAt) throw conflict('This chore has not been marked done yet.', 'occurrenceId');
  if (o.checkResult) throw conflict('This chore was already checked.', 'occurrenceId');
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.choreOccurrences)
        .set({
          checkedAt: now,
          checkedBy: ctx.actor.userId,
          checkResult: input.verdict,
          checkReason: input.reason ?? null,
        })
        .where(
          and(eq(schema.choreOccurrences.id, o.id), isNull(schema.choreOccurrences.checkResult)),
        ),
      ctx.db.insert(schema.choreEvents).values({
        id: newId(),
        occurrenceId: o.id,
        at: now,
        actorUserId: ctx.actor.userId,
        kind: input.verdict,
        toResidentId: o.residentId,
        note: input.reason ?? null,
      }),
    ],
    [
      {
        action: 'chores.verify',
        recordType: 'chore_occurrence',
        recordId: o.id,
        organisationId: ctx.house.organisationId,
        details: { verdict: input.verdict },
      },
    ],
  );
  return { occurrenceId: o.id, checkResult: input.verdict };
}

/** What happened to an occurrence, oldest first: done, checked, swapped, handed on. */
export async function occurrenceHistory(ctx: OccurrenceCtx) {
  const rows = await ctx.db
    .select({ e: schema.choreEvents, actor: schema.users.name })
    .from(schema.choreEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.choreEvents.actorUserId))
    .where(eq(schema.choreEvents.occurrenceId, ctx.occurrence.id))
    .orderBy(asc(schema.choreEvents.at));
  const ids = [
    ...new Set(
      rows.flatMap(({ e }) => [e.fromResidentId, e.toResidentId]).filter((x): x is string => !!x),
    ),
  ];
  const people =
    ids.length === 0
      ? []
      : await ctx.db.select().from(schema.residents).where(inArray(schema.residents.id, ids));
  const nameOf = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? displayName(p) : null;
  };
  return rows.map(({ e, actor }) => ({
    kind: e.kind,
    at: e.at.toISOString(),
    by: actor,
    from: nameOf(e.fromResidentId),
    to: nameOf(e.toResidentId),
    note: e.note,
  }));
}

/**
 * When a resident moves out of a house on `date`, the writes that hand on their
 * chores from that day: a future day goes to whoever the rotation picks now
 * (the rest of the rota stands); a day already past is left to nobody, so it
 * counts against no one. Open swaps with them are withdrawn.
 */
export async function choreWritesOnLeaving(
  ctx: Pick<AuthedContext, 'db' | 'clock' | 'actor'>,
  house: House,
  residentId: string,
  date: string,
): Promise<BatchItem<'sqlite'>[]> {
  const today = houseToday(ctx, house);
  const rotas = (
    await ctx.db
      .select()
      .from(schema.choreRotas)
      .where(
        and(
          eq(schema.choreRotas.houseId, house.id),
          gte(schema.choreRotas.startDate, addDays(date, -(LONGEST_ROTA - 1))),
        ),
      )
  ).filter((r) => rotaEnd(r.startDate, r.days) >= date);
  const now = ctx.clock.now();
  const writes: BatchItem<'sqlite'>[] = [];
  for (const rota of rotas) {
    const occurrences = await ctx.db
      .select()
      .from(schema.choreOccurrences)
      .where(eq(schema.choreOccurrences.rotaId, rota.id));
    const leavingOnes = occurrences.filter(
      (o) => o.residentId === residentId && o.date >= date && o.doneAt === null,
    );
    if (leavingOnes.length === 0) continue;
    const choreIds = [...new Set(occurrences.map((o) => o.choreId))];
    const [chores, residents, balances, lastPeriod, rules] = await Promise.all([
      ctx.db.select().from(schema.chores).where(inArray(schema.chores.id, choreIds)),
      rosterFor(ctx, house, rota.startDate, rota.days, { residentId, date }),
      balancesBefore(ctx, house.id, rota.startDate),
      lastPeriodOf(ctx, house.id, rota.startDate),
      rulesFor(ctx, choreIds),
    ]);
    const handOn = new Set(leavingOnes.filter((o) => o.date >= today).map((o) => o.id));
    const plan = planRota({
      start: rota.startDate,
      days: rota.days,
      chores: chores.map(rotaChore),
      residents,
      balances,
      lastPeriod,
      exclusions: rules.exclusions,
      pins: [],
      fixed: occurrences.flatMap((o) =>
        o.residentId &&
        !handOn.has(o.id) &&
        !(o.residentId === residentId && o.date >= date && o.doneAt === null)
          ? [{ choreId: o.choreId, date: o.date, slot: o.slot, residentId: o.residentId }]
          : [],
      ),
    });
    const planned = new Map(plan.slots.map((s) => [`${s.choreId}|${s.date}|${s.slot}`, s]));
    for (const o of leavingOnes) {
      const slot = handOn.has(o.id) ? planned.get(`${o.choreId}|${o.date}|${o.slot}`) : undefined;
      const to = slot?.residentId ?? null;
      writes.push(
        ctx.db
          .update(schema.choreOccurrences)
          .set({
            residentId: to,
            pinned: false,
            reasons: [{ code: 'left', residentId }, ...(slot?.reasons ?? [])] as Array<
              Record<string, unknown>
            >,
          })
          .where(and(eq(schema.choreOccurrences.id, o.id), isNull(schema.choreOccurrences.doneAt))),
      );
      if (rota.status === 'published')
        writes.push(
          ctx.db.insert(schema.choreEvents).values({
            id: newId(),
            occurrenceId: o.id,
            at: now,
            actorUserId: ctx.actor?.userId ?? null,
            kind: 'reassigned',
            fromResidentId: residentId,
            toResidentId: to,
            note: 'Moved out',
          }),
        );
    }
    writes.push(
      ctx.db
        .update(schema.choreRotas)
        .set({ shares: Object.fromEntries(plan.loads.map((l) => [l.residentId, l.share])) })
        .where(eq(schema.choreRotas.id, rota.id)),
    );
  }
  // pins and exclusions were for their time in the house
  const houseChores = ctx.db
    .select({ id: schema.chores.id })
    .from(schema.chores)
    .where(eq(schema.chores.houseId, house.id));
  for (const table of [schema.chorePins, schema.choreExclusions])
    writes.push(
      ctx.db
        .update(table)
        .set({ endedAt: now, endedBy: ctx.actor?.userId ?? null })
        .where(
          and(
            eq(table.residentId, residentId),
            isNull(table.endedAt),
            inArray(table.choreId, houseChores),
          ),
        ),
    );
  writes.push(
    ctx.db
      .update(schema.choreSwaps)
      .set({ status: 'cancelled', decidedAt: now, decisionReason: 'Moved out of the house.' })
      .where(
        and(
          eq(schema.choreSwaps.houseId, house.id),
          inArray(schema.choreSwaps.status, ['requested', 'accepted']),
          or(
            eq(schema.choreSwaps.requesterId, residentId),
            eq(schema.choreSwaps.counterpartId, residentId),
          ),
        ),
      ),
  );
  return writes;
}

/** Done, checked and missed over the last 4 and 12 weeks, by resident and for the house, and week by week. */
export async function completionReport(ctx: AuthedContext & { house: House }) {
  const today = houseToday(ctx, ctx.house);
  const twelve = weeksBack(today, 12);
  const four = weeksBack(today, 4);
  const rows = await ctx.db
    .select({ o: schema.choreOccurrences, r: schema.residents })
    .from(schema.choreOccurrences)
    .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
    .innerJoin(schema.residents, eq(schema.residents.id, schema.choreOccurrences.residentId))
    .where(
      and(
        eq(schema.choreOccurrences.houseId, ctx.house.id),
        eq(schema.choreRotas.status, 'published'),
        gte(schema.choreOccurrences.date, twelve.from),
        lte(schema.choreOccurrences.date, today),
      ),
    );
  const statuses = rows.map(({ o, r }) => ({
    date: o.date,
    status: statusOf(o, today),
    residentId: r.id,
    name: displayName(r),
  }));
  const people = [...new Map(statuses.map((s) => [s.residentId, s.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const weeks: Array<{ weekStart: string; done: number; verified: number; missed: number }> = [];
  // twelve weeks, Monday to Sunday, the last one this week so far
  for (let w = addDays(weekStart(today), -77); w <= today; w = addDays(w, 7)) {
    const c = completion(statuses, w, addDays(w, 6) < today ? addDays(w, 6) : today);
    weeks.push({ weekStart: w, done: c.done - c.verified, verified: c.verified, missed: c.missed });
  }
  return {
    house: { id: ctx.house.id, name: ctx.house.name },
    today,
    house4: completion(statuses, four.from, four.to),
    house12: completion(statuses, twelve.from, twelve.to),
    residents: people.map(([residentId, name]) => {
      const theirs = statuses.filter((s) => s.residentId === residentId);
      return {
        residentId,
        name,
        weeks4: completion(theirs, four.from, four.to),
        weeks12: completion(theirs, twelve.from, twelve.to),
      };
    }),
    weeks,
  };
}

/**
 * The signed-in resident's chores: today's, the next two weeks', and the last
 * week's with how they went; swaps they asked for or were asked; how their
 * chores went over 4 and 12 weeks.
 */
export async function myChores(
  ctx: AuthedContext & { resident: typeof schema.residents.$inferSelect },
) {
  const stay = await ctx.db
    .select({ house: schema.houses })
    .from(schema.stays)
    .innerJoin(schema.houses, eq(schema.houses.id, schema.stays.houseId))
    .where(and(eq(schema.stays.residentId, ctx.resident.id), isNull(schema.stays.endDate)))
    .get();
  if (!stay) return { livingIn: false as const };
  const house = stay.house;
  const today = houseToday(ctx, house);
  const from = addDays(today, -7);
  const to = addDays(today, 13);
  const twelve = weeksBack(today, 12);
  const [rows, history, swaps, others] = await Promise.all([
    ctx.db
      .select({ o: schema.choreOccurrences, c: schema.chores })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
      .where(
        and(
          eq(schema.choreOccurrences.residentId, ctx.resident.id),
          eq(schema.choreOccurrences.houseId, house.id),
          eq(schema.choreRotas.status, 'published'),
          gte(schema.choreOccurrences.date, from),
          lte(schema.choreOccurrences.date, to),
        ),
      )
      .orderBy(asc(schema.choreOccurrences.date), asc(schema.chores.name)),
    ctx.db
      .select({ o: schema.choreOccurrences })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .where(
        and(
          eq(schema.choreOccurrences.residentId, ctx.resident.id),
          eq(schema.choreOccurrences.houseId, house.id),
          eq(schema.choreRotas.status, 'published'),
          gte(schema.choreOccurrences.date, twelve.from),
          lte(schema.choreOccurrences.date, today),
        ),
      ),
    mySwaps(ctx, house.id, ctx.resident.id, addDays(today, -14)),
    currentResidents(ctx, house),
  ]);
  const openIds = new Set(
    swaps
      .filter((s) => s.status === 'requested' || s.status === 'accepted')
      .flatMap((s) => [s.occurrence.id, s.theirOccurrence?.id ?? '']),
  );
  const statuses = history.map(({ o }) => ({ date: o.date, status: statusOf(o, today) }));
  return {
    livingIn: true as const,
    residentId: ctx.resident.id,
    house: {
      id: house.id,
      name: house.name,
      timezone: house.timezone,
      swapsNeedApproval: house.choreSwapsNeedApproval,
    },
    today,
    occurrences: rows.map(({ o, c }) => {
      const status = statusOf(o, today);
      const window = doneWindow(o.date, c.frequency);
      return {
        id: o.id,
        date: o.date,
        choreId: c.id,
        choreName: c.name,
        area: c.area,
        instructions: c.instructions,
        effort: o.effort,
        needsVerification: o.needsVerification,
        status,
        doneAt: o.doneAt?.toISOString() ?? null,
        doneNote: o.doneNote,
        checkResult: o.checkResult,
        checkReason: o.checkReason,
        canMarkDone:
          today >= window.from &&
          today <= window.to &&
          (o.doneAt === null || o.checkResult === 'rejected'),
        canSwap: o.doneAt === null && o.date >= today && !openIds.has(o.id),
        inOpenSwap: openIds.has(o.id),
      };
    }),
    swaps,
    housemates: others.filter((r) => r.residentId !== ctx.resident.id),
    completion: {
      weeks4: completion(statuses, weeksBack(today, 4).from, today),
      weeks12: completion(statuses, twelve.from, today),
    },
  };
}

/** Swaps the resident asked for or was asked, open ones and those settled since `since`. */
async function mySwaps(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  residentId: string,
  since: string,
) {
  const rows = await ctx.db
    .select({ s: schema.choreSwaps, o: schema.choreOccurrences, chore: schema.chores.name })
    .from(schema.choreSwaps)
    .innerJoin(
      schema.choreOccurrences,
      eq(schema.choreOccurrences.id, schema.choreSwaps.occurrenceId),
    )
    .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
    .where(
      and(
        eq(schema.choreSwaps.houseId, houseId),
        or(
          eq(schema.choreSwaps.requesterId, residentId),
          eq(schema.choreSwaps.counterpartId, residentId),
        ),
        or(
          inArray(schema.choreSwaps.status, ['requested', 'accepted']),
          gte(schema.choreOccurrences.date, since),
        ),
      ),
    )
    .orderBy(desc(schema.choreSwaps.requestedAt));
  const ids = [...new Set(rows.flatMap(({ s }) => [s.requesterId, s.counterpartId]))];
  const theirIds = rows.flatMap(({ s }) => (s.theirOccurrenceId ? [s.theirOccurrenceId] : []));
  const [people, theirs] = await Promise.all([
    ids.length === 0
      ? []
      : ctx.db.select().from(schema.residents).where(inArray(schema.residents.id, ids)),
    theirIds.length === 0
      ? []
      : ctx.db
          .select({ o: schema.choreOccurrences, chore: schema.chores.name })
          .from(schema.choreOccurrences)
          .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
          .where(inArray(schema.choreOccurrences.id, theirIds)),
  ]);
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? displayName(p) : '';
  };
  return rows.map(({ s, o, chore }) => {
    const their = theirs.find((t) => t.o.id === s.theirOccurrenceId);
    return {
      id: s.id,
      status: s.status,
      asked: s.requesterId === residentId,
      otherName: nameOf(s.requesterId === residentId ? s.counterpartId : s.requesterId),
      occurrence: { id: o.id, choreName: chore, date: o.date },
      theirOccurrence: their
        ? { id: their.o.id, choreName: their.chore, date: their.o.date }
        : null,
      note: s.note,
      decisionReason: s.decisionReason,
      requestedAt: s.requestedAt.toISOString(),
    };
  });
}
