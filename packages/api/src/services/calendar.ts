// Each resident's private calendar feed: an unguessable address (only its hash
// is kept) that Google, Apple and Outlook calendars subscribe to, listing the
// resident's chores as all-day events and their house's meetings at their time.
// Making a new address revokes the old one.
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { and, eq, gte, inArray, isNull, newId, schema } from '@porchlight/db';
import { addDays, localDateAt } from '@porchlight/domain';
import type { Context } from '../context';
import type { AuthedContext } from '../trpc';
import { commit } from './write';

type Resident = typeof schema.residents.$inferSelect;

/** How far back a feed reaches: calendars keep what they already had. */
const FEED_DAYS_BACK = 28;
/** How long a house meeting is shown as lasting in a calendar. */
const MEETING_MINUTES = 60;

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function feedPath(token: string) {
  return `/calendar/${token}.ics`;
}

export async function calendarFeedStatus(ctx: Pick<AuthedContext, 'db'>, residentId: string) {
  const open = await ctx.db
    .select({ createdAt: schema.calendarFeeds.createdAt })
    .from(schema.calendarFeeds)
    .where(
      and(eq(schema.calendarFeeds.residentId, residentId), isNull(schema.calendarFeeds.revokedAt)),
    )
    .get();
  return { on: open !== undefined, since: open?.createdAt.toISOString() ?? null };
}

/** A new private address for the resident's calendar; any earlier one stops working. */
export async function createCalendarFeed(ctx: AuthedContext & { resident: Resident }) {
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.calendarFeeds)
        .set({ revokedAt: now })
        .where(
          and(
            eq(schema.calendarFeeds.residentId, ctx.resident.id),
            isNull(schema.calendarFeeds.revokedAt),
          ),
        ),
      ctx.db.insert(schema.calendarFeeds).values({
        id,
        organisationId: ctx.resident.organisationId,
        residentId: ctx.resident.id,
        tokenHash: hashToken(token),
        createdAt: now,
      }),
    ],
    [
      {
        action: 'calendar.createFeed',
        recordType: 'calendar_feed',
        recordId: id,
        organisationId: ctx.resident.organisationId,
      },
    ],
  );
  return { path: feedPath(token), createdAt: now.toISOString() };
}

export async function revokeCalendarFeed(ctx: AuthedContext & { resident: Resident }) {
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.calendarFeeds)
        .set({ revokedAt: ctx.clock.now() })
        .where(
          and(
            eq(schema.calendarFeeds.residentId, ctx.resident.id),
            isNull(schema.calendarFeeds.revokedAt),
          ),
        ),
    ],
    [
      {
        action: 'calendar.revokeFeed',
        recordType: 'calendar_feed',
        recordId: null,
        organisationId: ctx.resident.organisationId,
      },
    ],
  );
  return { on: false };
}

/** Midnight UTC of a local date: how an all-day event carries its date. */
function dayOf(date: string) {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The calendar behind a feed address, or null when the address is unknown or
 * revoked. Only published chores are in it; a chore swapped away leaves it.
 */
export async function calendarFor(
  ctx: Pick<Context, 'db' | 'clock'>,
  token: string,
  publicUrl: string,
): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const feed = await ctx.db
    .select({ f: schema.calendarFeeds, r: schema.residents, h: schema.houses })
    .from(schema.calendarFeeds)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.calendarFeeds.residentId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.residents.houseId))
    .where(
      and(
        eq(schema.calendarFeeds.tokenHash, hashToken(token)),
        isNull(schema.calendarFeeds.revokedAt),
      ),
    )
    .get();
  if (!feed) return null;
  const today = localDateAt(ctx.clock.now(), feed.h.timezone);
  const rows = await ctx.db
    .select({ o: schema.choreOccurrences, c: schema.chores, house: schema.houses.name })
    .from(schema.choreOccurrences)
    .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
    .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.choreOccurrences.houseId))
    .where(
      and(
        eq(schema.choreOccurrences.residentId, feed.r.id),
        eq(schema.choreRotas.status, 'published'),
        gte(schema.choreOccurrences.date, addDays(today, -FEED_DAYS_BACK)),
      ),
    );
  const calendar = ical({
    name: `Porchlight: ${feed.h.name}`,
    description: `Your chores at ${feed.h.name}`,
    prodId: { company: 'Porchlight', product: 'Porchlight', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const { o, c, house } of rows) {
    calendar.createEvent({
      id: `chore-${o.id}@porchlight`,
      start: dayOf(o.date),
      end: dayOf(addDays(o.date, 1)),
      allDay: true,
      summary: `Chore: ${c.name}`,
      description: [
        c.area ? `Where: ${c.area}` : '',
        c.instructions ?? '',
        o.needsVerification ? 'A manager or the chore coordinator checks it.' : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: house,
      url: `${publicUrl}/chores`,
      stamp: ctx.clock.now(),
    });
  }
  // the house's meetings: from four weeks back, cancelled ones left out
  const meetings = await ctx.db
    .select()
    .from(schema.meetings)
    .where(
      and(
        eq(schema.meetings.houseId, feed.h.id),
        inArray(schema.meetings.status, ['scheduled', 'open', 'closed']),
        gte(schema.meetings.date, addDays(today, -FEED_DAYS_BACK)),
      ),
    );
  for (const m of meetings)
    calendar.createEvent({
      id: `meeting-${m.id}@porchlight`,
      start: m.startsAt,
      end: new Date(m.startsAt.getTime() + MEETING_MINUTES * 60_000),
      summary: m.title,
      description: `${feed.h.name}. The agenda and minutes are in Porchlight.`,
      location: feed.h.name,
      url: `${publicUrl}/meetings/${m.id}`,
      stamp: ctx.clock.now(),
    });
  return calendar.toString();
}
