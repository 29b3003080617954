// Sharing with consent: a resident shows someone (a family member, a probation
// officer, an employer) a read-only summary behind an unguessable link. Only
// the parts they chose are ever read from the database for the page, the
// consent's elements are kept with the share as the resident agreed to them,
// revoking takes effect on the next request, and every view is logged for the
// resident to see. Only the token's hash is kept.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, newId, schema } from '@porchlight/db';
import {
  addDays,
  conflict,
  consentWords,
  invalid,
  localDateAt,
  REDISCLOSURE_NOTICE,
  SHARE_FIELDS,
  type ShareCreateInput,
  type ShareField,
  shareState,
  shareUntilProblem,
  weekStart,
} from '@porchlight/domain';
import type { Context } from '../context';
import type { AuthedContext } from '../trpc';
import { summary } from './check-ins';
import { displayName } from './houses';
import { milestonesOf } from './support';
import { commit, commitGuarded } from './write';

type Resident = typeof schema.residents.$inferSelect;
type Share = typeof schema.shares.$inferSelect;

export function hashShareToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function sharePath(token: string) {
  return `/share/${token}`;
}

async function residentClock(ctx: Pick<AuthedContext, 'db' | 'clock'>, resident: Resident) {
  const house = await ctx.db
    .select()
    .from(schema.houses)
    .where(eq(schema.houses.id, resident.houseId))
    .get();
  const timeZone = house?.timezone ?? 'UTC';
  return { today: localDateAt(ctx.clock.now(), timeZone), timeZone };
}

async function residentToday(ctx: Pick<AuthedContext, 'db' | 'clock'>, resident: Resident) {
  return (await residentClock(ctx, resident)).today;
}

export async function createShare(
  ctx: AuthedContext & { resident: Resident },
  input: ShareCreateInput,
) {
  const today = await residentToday(ctx, ctx.resident);
  const untilProblem = shareUntilProblem(input.until, today);
  if (untilProblem) throw invalid('until', untilProblem);
  if (input.memberId) {
    const member = await ctx.db
      .select()
      .from(schema.supportMembers)
      .where(
        and(
          eq(schema.supportMembers.id, input.memberId),
          eq(schema.supportMembers.residentId, ctx.resident.id),
          eq(schema.supportMembers.status, 'active'),
        ),
      )
      .get();
    if (!member) throw invalid('memberId', 'is not someone in your support circle.');
  }
  const open = await ctx.db
    .select({ id: schema.shares.id })
    .from(schema.shares)
    .where(
      and(
        eq(schema.shares.residentId, ctx.resident.id),
        isNull(schema.shares.revokedAt),
        gte(schema.shares.until, today),
      ),
    );
  if (open.length >= 20)
    throw conflict('You have 20 shares open: revoke one you no longer need first.', 'residentId');
  const fields = SHARE_FIELDS.filter((f) => input.fields.includes(f));
  const token = randomBytes(24).toString('base64url');
  const id = newId();
  const consentText = consentWords({
    residentName: displayName(ctx.resident),
    recipientName: input.recipientName,
    recipientRelationship: input.recipientRelationship,
    purpose: input.purpose,
    fields,
    until: input.until,
  });
  await commit(
    ctx,
    [
      ctx.db.insert(schema.shares).values({
        id,
        organisationId: ctx.resident.organisationId,
        residentId: ctx.resident.id,
        tokenHash: hashShareToken(token),
        recipientName: input.recipientName,
        recipientRelationship: input.recipientRelationship,
        memberId: input.memberId ?? null,
        purpose: input.purpose,
        fields,
        until: input.until,
        note: input.note ?? null,
        consentText,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'sharing.create',
        recordType: 'share',
        recordId: id,
        organisationId: ctx.resident.organisationId,
        details: { residentId: ctx.resident.id, fields, until: input.until },
      },
    ],
  );
  // the only time the link is seen: it is not kept
  return { shareId: id, token, path: sharePath(token), until: input.until, fields };
}

export async function revokeShare(ctx: AuthedContext & { record: Share; resident: Resident }) {
  if (ctx.record.revokedAt) throw conflict('This share was already revoked.', 'shareId');
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.shares)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(schema.shares.id, ctx.record.id), isNull(schema.shares.revokedAt))),
    {
      action: 'sharing.revoke',
      recordType: 'share',
      recordId: ctx.record.id,
      organisationId: ctx.resident.organisationId,
    },
  );
  return { shareId: ctx.record.id, revoked: true };
}

/** A resident's shares, newest first, each with its state and views. */
export async function listShares(ctx: AuthedContext & { resident: Resident }) {
  const today = await residentToday(ctx, ctx.resident);
  const rows = await ctx.db
    .select()
    .from(schema.shares)
    .where(eq(schema.shares.residentId, ctx.resident.id))
    .orderBy(desc(schema.shares.createdAt));
  const views =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(schema.shareViews)
          .where(
            inArray(
              schema.shareViews.shareId,
              rows.map((s) => s.id),
            ),
          )
          .orderBy(desc(schema.shareViews.at));
  return rows.map((s) => {
    const theirs = views.filter((v) => v.shareId === s.id);
    return {
      id: s.id,
      recipientName: s.recipientName,
      recipientRelationship: s.recipientRelationship,
      memberId: s.memberId,
      purpose: s.purpose,
      fields: s.fields as ShareField[],
      until: s.until,
      note: s.note,
      consentText: s.consentText,
      createdAt: s.createdAt.toISOString(),
      revokedAt: s.revokedAt?.toISOString() ?? null,
      state: shareState(s, today),
      viewCount: theirs.length,
      lastViewedAt: theirs[0]?.at.toISOString() ?? null,
      views: theirs.slice(0, 50).map((v) => ({
        at: v.at.toISOString(),
        device: deviceOf(v.userAgent),
      })),
    };
  });
}

/** A browser and system in words, from a user agent, for the resident's log. */
function deviceOf(userAgent: string | null) {
  if (!userAgent) return 'Unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iPhone or iPad'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'an unknown system';
  return `${browser} on ${system}`;
}

// ---------- the shared page ----------

const TREND_WEEKS = 8;

function mean(values: ReadonlyArray<number | null>) {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0
    ? null
    : Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
}

type SectionReaders = {
  [F in ShareField]: (
    ctx: Pick<AuthedContext, 'db' | 'clock'>,
    resident: Resident,
    at: { today: string; timeZone: string },
    checkIns: () => ReturnType<typeof summary>,
  ) => Promise<unknown>;
};

const READERS = {
  check_in_compliance: async (_ctx, _r, _at, checkIns) => {
    const s = await checkIns();
    return {
      days: 30,
      required: s.compliance30.required,
      made: s.compliance30.made,
      onTime: s.compliance30.onTime,
      rate: s.compliance30.rate,
      streak: s.streak,
    };
  },
  meetings_per_week: async (_ctx, _r, _at, checkIns) => {
    const s = await checkIns();
    return s.weeks.map((w) => ({
      weekStart: w.weekStart,
      meetings: w.meetings,
      required: w.required,
    }));
  },
  milestones: async (ctx, r) => {
    const m = await milestonesOf(ctx, r);
    return {
      daysSober: m.daysSober,
      moveIn: m.moveIn,
      reached: m.reached.slice(-6).map((x) => ({ label: x.label, date: x.date, kind: x.kind })),
      next: m.next.map((x) => ({ label: x.label, date: x.date, kind: x.kind })),
    };
  },
  chore_completion: async (ctx, r, { today }) => {
    const from = addDays(today, -29);
    const rows = await ctx.db
      .select({
        date: schema.choreOccurrences.date,
        doneAt: schema.choreOccurrences.doneAt,
        checkResult: schema.choreOccurrences.checkResult,
      })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .where(
        and(
          eq(schema.choreOccurrences.residentId, r.id),
          eq(schema.choreRotas.status, 'published'),
          gte(schema.choreOccurrences.date, from),
          lte(schema.choreOccurrences.date, today),
        ),
      );
    const past = rows.filter((o) => o.date < today || o.doneAt !== null);
    const done = past.filter((o) => o.doneAt !== null && o.checkResult !== 'rejected').length;
    return { days: 30, assigned: past.length, done, rate: past.length ? done / past.length : null };
  },
  house_meetings: async (ctx, r, { today }) => {
    const from = addDays(weekStart(today), -7 * (TREND_WEEKS - 1));
    const rows = await ctx.db
      .select({ date: schema.meetings.date, status: schema.meetingAttendance.status })
      .from(schema.meetingAttendance)
      .innerJoin(schema.meetings, eq(schema.meetings.id, schema.meetingAttendance.meetingId))
      .where(
        and(
          eq(schema.meetingAttendance.residentId, r.id),
          eq(schema.meetings.status, 'closed'),
          gte(schema.meetings.date, from),
        ),
      )
      .orderBy(desc(schema.meetings.date));
    const attended = rows.filter((m) => m.status === 'present' || m.status === 'late').length;
    return {
      weeks: TREND_WEEKS,
      held: rows.length,
      attended,
      excused: rows.filter((m) => m.status === 'excused').length,
      meetings: rows.map((m) => ({
        date: m.date,
        attended: m.status === 'present' || m.status === 'late',
        excused: m.status === 'excused',
      })),
    };
  },
  mood_trend: async (_ctx, _r, _at, checkIns) => weekly(await checkIns(), 'mood'),
  craving_trend: async (_ctx, _r, _at, checkIns) => weekly(await checkIns(), 'craving'),
  tests: async (ctx, r, { today, timeZone }) => {
    const since = addDays(today, -89);
    const originals = await ctx.db
      .select({
        id: schema.drugTests.id,
        collectedAt: schema.drugTests.collectedAt,
        type: schema.drugTests.type,
        result: schema.drugTests.result,
      })
      .from(schema.drugTests)
      .where(
        and(
          eq(schema.drugTests.residentId, r.id),
          isNull(schema.drugTests.confirmsId),
          gte(schema.drugTests.collectedAt, new Date(`${since}T00:00:00Z`)),
        ),
      )
      .orderBy(desc(schema.drugTests.collectedAt));
    const confirmations =
      originals.length === 0
        ? []
        : await ctx.db
            .select({
              confirmsId: schema.drugTests.confirmsId,
              result: schema.drugTests.result,
              recordedAt: schema.drugTests.recordedAt,
            })
            .from(schema.drugTests)
            .where(
              and(
                isNotNull(schema.drugTests.confirmsId),
                inArray(
                  schema.drugTests.confirmsId,
                  originals.map((t) => t.id),
                ),
              ),
            )
            .orderBy(schema.drugTests.recordedAt);
    return originals.map((t) => {
      const lab = confirmations.filter((c) => c.confirmsId === t.id).at(-1);
      return {
        date: localDateAt(t.collectedAt, timeZone),
        type: t.type,
        // the result that stands: a lab's confirmation overrides the screen
        result: lab?.result ?? t.result,
        labConfirmed: lab !== undefined,
      };
    });
  },
  recovery_capital: async (ctx, r) => {
    const rows = await ctx.db
      .select({
        forDate: schema.recoveryCapitalSurveys.forDate,
        total: schema.recoveryCapitalSurveys.total,
      })
      .from(schema.recoveryCapitalSurveys)
      .where(eq(schema.recoveryCapitalSurveys.residentId, r.id))
      .orderBy(desc(schema.recoveryCapitalSurveys.forDate))
      .limit(12);
    return rows.reverse();
  },
} satisfies SectionReaders;

function weekly(s: Awaited<ReturnType<typeof summary>>, key: 'mood' | 'craving') {
  return s.weeks.map((w) => {
    const end = addDays(w.weekStart, 6);
    return {
      weekStart: w.weekStart,
      average: mean(
        s.days.filter((d) => d.date >= w.weekStart && d.date <= end).map((d) => d[key]),
      ),
    };
  });
}

export type SharedSections = { [F in ShareField]?: Awaited<ReturnType<(typeof READERS)[F]>> };

/**
 * The summary behind a link, or null when the link is unknown, revoked or past
 * its last day. Reads only the parts the resident chose, and logs the view.
 */
export async function sharedSummary(
  ctx: Pick<Context, 'db' | 'clock' | 'requestId' | 'ip'>,
  token: string,
  viewer: { userAgent: string | null },
) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await ctx.db
    .select({ share: schema.shares, resident: schema.residents })
    .from(schema.shares)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.shares.residentId))
    .where(eq(schema.shares.tokenHash, hashShareToken(token)))
    .get();
  if (!row) return null;
  const { share, resident } = row;
  const at = await residentClock(ctx, resident);
  const today = at.today;
  if (shareState(share, today) !== 'active') return null;
  const fields = SHARE_FIELDS.filter((f) => share.fields.includes(f));
  let checkIns: ReturnType<typeof summary> | undefined;
  const checkInSummary = () => {
    checkIns ??= summary(ctx, resident, { weeks: TREND_WEEKS });
    return checkIns;
  };
  const sections: Record<string, unknown> = {};
  for (const field of fields)
    sections[field] = await READERS[field](ctx, resident, at, checkInSummary);
  const viewedAt = ctx.clock.now();
  await commit(
    { ...ctx, actor: null },
    [
      ctx.db.insert(schema.shareViews).values({
        id: newId(),
        shareId: share.id,
        at: viewedAt,
        ip: ctx.ip,
        userAgent: viewer.userAgent?.slice(0, 300) ?? null,
      }),
    ],
    [
      {
        action: 'sharing.view',
        recordType: 'share',
        recordId: share.id,
        organisationId: share.organisationId,
        details: { residentId: resident.id, fields },
      },
    ],
  );
  return {
    residentName: displayName(resident),
    recipientName: share.recipientName,
    recipientRelationship: share.recipientRelationship,
    purpose: share.purpose,
    note: share.note,
    until: share.until,
    sharedOn: localDateAt(share.createdAt, at.timeZone),
    today,
    viewedAt: viewedAt.toISOString(),
    notice: REDISCLOSURE_NOTICE,
    fields,
    sections: sections as SharedSections,
  };
}

export type SharedSummary = NonNullable<Awaited<ReturnType<typeof sharedSummary>>>;
