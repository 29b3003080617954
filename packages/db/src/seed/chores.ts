// Demo data for chores: a chore list per house, twelve weeks of published rotas
// and the next period's
// planned by the real rotation (balances carried from period to period, passes
// and moves honoured, one resident excused, one chore pinned), realistic
// completion (mostly done and checked, a few missed, one sent back and redone),
// past swaps, and a swap waiting for Jordan's answer. Jordan Ellis has a chore
// today that still needs doing, so the first thing a resident tries works.
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  addDays,
  balancesAfter,
  type ChoreFrequency,
  datesFrom,
  instantAt,
  localDateAt,
  passCovers,
  planRota,
  type RotaChore,
  type RotaResident,
  rotaEnd,
  weekStart,
} from '@porchlight/domain';
import type { Db } from '../client';
import { newId } from '../ids';
import * as s from '../schema';
import type { SeededPass } from './rules';

export interface ChoresSeedContext {
  db: Db;
  now: Date;
  organisationId: string;
  managerId: string | null;
  operatorId: string | null;
  houses: Map<string, { id: string; timezone: string }>;
  /** Every stay of the demo, in days before `now` (to: undefined while it lasts). */
  stays: Array<{ residentId: string; name: string; house: string; from: number; to?: number }>;
  passes: readonly SeededPass[];
  /** Demo residents with a login: their user ids. */
  userOf: Map<string, string>;
}

interface ChoreSpec {
  name: string;
  area: string;
  instructions: string;
  frequency: ChoreFrequency;
  weekdays?: number[];
  effort: number;
  verify?: boolean;
  residents?: number;
}

const KITCHEN: ChoreSpec[] = [
  {
    name: 'Dishes after dinner',
    area: 'Kitchen',
    instructions: 'Wash, dry and put away. Wipe the sink and leave the rack empty.',
    frequency: 'daily',
    effort: 2,
  },
  {
    name: 'Counters and stove',
    area: 'Kitchen',
    instructions: 'Clear and wipe the counters, degrease the stove top, sweep the floor.',
    frequency: 'daily',
    effort: 2,
    verify: true,
  },
  {
    name: 'Trash and recycling',
    area: 'Kitchen and curb',
    instructions: 'Empty every bin in the house; bins to the curb the night before pickup.',
    frequency: 'weekdays',
    weekdays: [1, 4],
    effort: 1,
  },
];
const HOUSE_WIDE: ChoreSpec[] = [
  {
    name: 'Bathroom',
    area: 'Upstairs bathroom',
    instructions: 'Toilet, sink, shower, mirror and floor. Restock paper. Products under the sink.',
    frequency: 'weekdays',
    weekdays: [3, 6],
    effort: 4,
    verify: true,
  },
  {
    name: 'Vacuum common areas',
    area: 'Living room, hall and stairs',
    instructions: 'Move the couch cushions; empty the vacuum when you finish.',
    frequency: 'weekly',
    weekdays: [6],
    effort: 3,
  },
  {
    name: 'Mop the kitchen floor',
    area: 'Kitchen',
    instructions: 'Sweep first. One capful of cleaner per bucket.',
    frequency: 'weekly',
    weekdays: [7],
    effort: 3,
    verify: true,
  },
  {
    name: 'Fridge clean-out',
    area: 'Kitchen',
    instructions: 'Throw out anything past its date or unlabelled; wipe the shelves.',
    frequency: 'weekly',
    weekdays: [7],
    effort: 2,
  },
];
const CHORES: Record<string, ChoreSpec[]> = {
  maple: [
    ...KITCHEN,
    ...HOUSE_WIDE,
    {
      name: 'Yard and porch',
      area: 'Outside',
      instructions: 'Sweep the porch, pick up litter, water the planters. Mow every other week.',
      frequency: 'weekly',
      weekdays: [6],
      effort: 3,
      residents: 2,
    },
  ],
  cedar: [
    ...KITCHEN,
    ...HOUSE_WIDE,
    {
      name: 'Laundry room',
      area: 'Basement',
      instructions: 'Clean the lint traps, wipe the machines, take stray clothes to the bin.',
      frequency: 'weekly',
      weekdays: [3],
      effort: 1,
    },
  ],
  oxford: [
    ...KITCHEN,
    ...HOUSE_WIDE,
    {
      name: 'Meeting room set-up',
      area: 'Front room',
      instructions: 'Chairs in a circle before the Sunday house meeting; stack them after.',
      frequency: 'weekly',
      weekdays: [7],
      effort: 1,
    },
  ],
};
// Oxford plans two weeks at a time and lets residents swap without a manager
const ROTA_DAYS: Record<string, number> = { maple: 7, cedar: 7, oxford: 14 };
const WEEKS_BACK = 12;
const EXCUSED = {
  name: 'Luis Ortega',
  chore: 'Yard and porch',
  reason: 'Knee surgery in October: no yard work until his follow-up in January.',
};
const PINNED = { name: 'Michael Foster', chore: 'Trash and recycling' };
const RESIDENT_LOGIN = 'Jordan Ellis';
const CHUNK = 200;
const MINUTE = 60_000;

/** A small seeded generator (FNV-1a into mulberry32): the same demo on every start. */
function generator(key: string) {
  let state = 2166136261;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

function inChunks<T>(rows: T[], insert: (chunk: T[]) => BatchItem<'sqlite'>) {
  const out: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(insert(rows.slice(i, i + CHUNK)));
  return out;
}

type OccurrenceRow = typeof s.choreOccurrences.$inferInsert;
type EventRow = typeof s.choreEvents.$inferInsert;

export function seedChores(ctx: ChoresSeedContext): BatchItem<'sqlite'>[] {
  const { db, now } = ctx;
  const writes: BatchItem<'sqlite'>[] = [];
  const occurrences: OccurrenceRow[] = [];
  const events: EventRow[] = [];
  const swaps: (typeof s.choreSwaps.$inferInsert)[] = [];
  for (const [key, house] of ctx.houses) {
    const specs = CHORES[key] ?? [];
    const days = ROTA_DAYS[key] ?? 7;
    const tz = house.timezone;
    const today = localDateAt(now, tz);
    const local = (daysAgo: number) => addDays(today, -daysAgo);
    const checker = key === 'oxford' ? ctx.operatorId : ctx.managerId;
    const rng = generator(`chores:${key}`);
    writes.push(
      db
        .update(s.houses)
        .set({ choreRotaDays: days, choreSwapsNeedApproval: key !== 'oxford' })
        .where(eq(s.houses.id, house.id)),
    );

    const chores = specs.map((spec) => ({ ...spec, id: newId() }));
    writes.push(
      db.insert(s.chores).values(
        chores.map((c) => ({
          id: c.id,
          organisationId: ctx.organisationId,
          houseId: house.id,
          name: c.name,
          area: c.area,
          instructions: c.instructions,
          frequency: c.frequency,
          weekdays: c.weekdays ?? [],
          effort: c.effort,
          needsVerification: c.verify ?? false,
          residentsNeeded: c.residents ?? 1,
          createdAt: new Date(now.getTime() - 200 * 86_400_000),
        })),
      ),
    );
    const choreByName = new Map(chores.map((c) => [c.name, c]));
    const rotaChores: RotaChore[] = chores.map((c) => ({
      id: c.id,
      effort: c.effort,
      frequency: c.frequency,
      weekdays: c.weekdays ?? [],
      residentsNeeded: c.residents ?? 1,
    }));

    const theirStays = ctx.stays.filter((st) => st.house === key);
    const people = [...new Map(theirStays.map((st) => [st.residentId, st.name])).entries()];
    const idOf = (name: string) => people.find(([, n]) => n === name)?.[0];
    const exclusions: Array<{ residentId: string; choreId: string }> = [];
    const pins: Array<{ residentId: string; choreId: string }> = [];
    const excusedId = idOf(EXCUSED.name);
    const excusedChore = choreByName.get(EXCUSED.chore);
    if (excusedId && excusedChore) {
      exclusions.push({ residentId: excusedId, choreId: excusedChore.id });
      writes.push(
        db.insert(s.choreExclusions).values({
          id: newId(),
          choreId: excusedChore.id,
          residentId: excusedId,
          reason: EXCUSED.reason,
          createdBy: ctx.managerId,
          createdAt: new Date(now.getTime() - 40 * 86_400_000),
        }),
      );
    }
    const pinnedId = idOf(PINNED.name);
    const pinnedChore = choreByName.get(PINNED.chore);
    if (pinnedId && pinnedChore) {
      pins.push({ residentId: pinnedId, choreId: pinnedChore.id });
      writes.push(
        db.insert(s.chorePins).values({
          id: newId(),
          choreId: pinnedChore.id,
          residentId: pinnedId,
          createdBy: ctx.managerId,
          createdAt: new Date(now.getTime() - 60 * 86_400_000),
        }),
      );
    }

    // who can be given chores on a day: from the day after moving in to the day before leaving
    const present = (residentId: string, date: string) =>
      theirStays.some(
        (st) =>
          st.residentId === residentId &&
          date > local(st.from) &&
          (st.to === undefined || date < local(st.to)),
      );
    const awayAt = (residentId: string, date: string) => {
      const noon = instantAt(date, 12, 0, tz);
      return ctx.passes.some((p) => p.residentId === residentId && passCovers(p, noon));
    };
    const rosterFor = (start: string): RotaResident[] => {
      const dates = datesFrom(start, rotaEnd(start, days));
      return people.map(([residentId]) => {
        const inHouse = dates.filter((d) => present(residentId, d));
        const first = inHouse[0];
        const last = inHouse.at(-1);
        if (!first || !last)
          return { id: residentId, from: addDays(rotaEnd(start, days), 1), until: null, away: [] };
        return {
          id: residentId,
          from: first,
          until: last,
          away: dates.filter(
            (d) => d >= first && d <= last && (!present(residentId, d) || awayAt(residentId, d)),
          ),
        };
      });
    };

    const currentStart = weekStart(today);
    let start = addDays(currentStart, -WEEKS_BACK * 7);
    let balances: Record<string, number> = {};
    let lastPeriod: Array<{ residentId: string; choreId: string }> = [];
    // twelve weeks back, the current period, and the next one (published ahead, as managers do)
    const lastStart = addDays(currentStart, days);
    // the random misses below can come out as none at all in a small house over a few weeks;
    // a house never goes more than 24 chores in a row without one (the demo shows a few missed)
    let doneInARow = 0;
    while (start <= lastStart) {
      const rotaId = newId();
      const plan = planRota({
        start,
        days,
        chores: rotaChores,
        residents: rosterFor(start),
        balances,
        lastPeriod,
        exclusions,
        pins,
      });
      // the resident with the demo login has a chore today to tick off, one a manager checks
      const jordan = idOf(RESIDENT_LOGIN);
      if (jordan && plan.slots.some((sl) => sl.date === today)) {
        const verified = (sl: { choreId: string }) =>
          chores.find((c) => c.id === sl.choreId)?.verify === true;
        const hasToday = plan.slots.some(
          (sl) => sl.date === today && sl.residentId === jordan && verified(sl),
        );
        const checked = plan.slots.find(
          (sl) =>
            sl.date === today &&
            sl.residentId !== jordan &&
            verified(sl) &&
            !plan.slots.some(
              (x) => x.date === today && x.choreId === sl.choreId && x.residentId === jordan,
            ),
        );
        if (!hasToday && checked) {
          checked.residentId = jordan;
          checked.reasons = [{ code: 'by_hand' }];
        }
      }
      const planned = instantAt(addDays(start, -2), 19, 30, tz);
      const generatedAt =
        planned.getTime() < now.getTime() ? planned : new Date(now.getTime() - 3_600_000);
      writes.push(
        db.insert(s.choreRotas).values({
          id: rotaId,
          organisationId: ctx.organisationId,
          houseId: house.id,
          startDate: start,
          days,
          status: 'published',
          shares: Object.fromEntries(plan.loads.map((l) => [l.residentId, l.share])),
          generatedAt,
          generatedBy: checker,
          publishedAt: new Date(Math.min(generatedAt.getTime() + 20 * MINUTE, now.getTime())),
          publishedBy: checker,
        }),
      );
      for (const slot of plan.slots) {
        const spec = chores.find((c) => c.id === slot.choreId);
        const id = newId();
        const row: OccurrenceRow = {
          id,
          organisationId: ctx.organisationId,
          houseId: house.id,
          rotaId,
          choreId: slot.choreId,
          date: slot.date,
          slot: slot.slot,
          effort: slot.effort,
          needsVerification: spec?.verify ?? false,
          residentId: slot.residentId,
          pinned: slot.pinned,
          reasons: slot.reasons,
        };
        occurrences.push(row);
        const who = slot.residentId;
        if (!who || slot.date > today) continue;
        const isJordanToday = slot.date === today && who === idOf(RESIDENT_LOGIN);
        const reliable = 0.84 + rng.next() * 0.14;
        const missed = !rng.chance(reliable) || (slot.date < today && doneInARow >= 24);
        if (slot.date < today) doneInARow = missed ? 0 : doneInARow + 1;
        if (isJordanToday || missed) continue;
        const doneAt = instantAt(slot.date, rng.int(8, 20), rng.int(0, 59), tz);
        if (doneAt.getTime() > now.getTime()) continue;
        const actor = ctx.userOf.get(who) ?? null;
        row.doneAt = doneAt;
        events.push({
          id: newId(),
          occurrenceId: id,
          at: doneAt,
          actorUserId: actor,
          kind: 'done',
          toResidentId: who,
        });
        // today's are still waiting for the manager's check
        if (!row.needsVerification || slot.date === today) continue;
        const checkedAt = new Date(doneAt.getTime() + rng.int(20, 600) * MINUTE);
        if (checkedAt.getTime() > now.getTime() || rng.chance(0.1)) continue;
        // now and then a chore is sent back, done again and then passes
        if (rng.chance(0.05)) {
          const redoneAt = new Date(checkedAt.getTime() + rng.int(15, 90) * MINUTE);
          const passedAt = new Date(redoneAt.getTime() + rng.int(10, 60) * MINUTE);
          if (passedAt.getTime() < now.getTime() && localDateAt(redoneAt, tz) === slot.date) {
            events.push(
              {
                id: newId(),
                occurrenceId: id,
                at: checkedAt,
                actorUserId: checker,
                kind: 'rejected',
                toResidentId: who,
                note: 'Not finished: the floor behind the door was missed.',
              },
              {
                id: newId(),
                occurrenceId: id,
                at: redoneAt,
                actorUserId: actor,
                kind: 'done',
                toResidentId: who,
                note: 'Did behind the door and under the sink.',
              },
            );
            row.doneAt = redoneAt;
            row.doneNote = 'Did behind the door and under the sink.';
            Object.assign(row, {
              checkedAt: passedAt,
              checkedBy: checker,
              checkResult: 'verified',
            });
            events.push({
              id: newId(),
              occurrenceId: id,
              at: passedAt,
              actorUserId: checker,
              kind: 'verified',
              toResidentId: who,
            });
            continue;
          }
        }
        Object.assign(row, { checkedAt, checkedBy: checker, checkResult: 'verified' });
        events.push({
          id: newId(),
          occurrenceId: id,
          at: checkedAt,
          actorUserId: checker,
          kind: 'verified',
          toResidentId: who,
        });
      }
      balances = balancesAfter(plan);
      lastPeriod = plan.slots.flatMap((sl) =>
        sl.residentId ? [{ residentId: sl.residentId, choreId: sl.choreId }] : [],
      );
      start = addDays(start, days);
    }

    // swaps: a few settled in the past, and one waiting for Jordan's answer
    const houseRows = occurrences.filter((o) => o.houseId === house.id);
    const swapAt = (o: OccurrenceRow, hoursBefore: number) =>
      new Date(instantAt(o.date, 9, 0, tz).getTime() - hoursBefore * 3_600_000);
    const pastWeek = houseRows.filter(
      (o) => o.date < today && o.date >= local(21) && o.residentId && !o.doneAt,
    );
    for (const o of pastWeek.slice(0, 2)) {
      const other = houseRows.find(
        (x) => x.date === o.date && x.residentId && x.residentId !== o.residentId && x.doneAt,
      );
      if (!other?.residentId || !o.residentId) continue;
      // the one who took it did it; the one who asked was out at work
      const from = o.residentId;
      const to = other.residentId;
      const requestedAt = swapAt(o, 30);
      swaps.push({
        id: newId(),
        organisationId: ctx.organisationId,
        houseId: house.id,
        occurrenceId: o.id ?? '',
        requesterId: from,
        counterpartId: to,
        note: 'Double shift that day. I’ll take one of yours next week.',
        status: 'approved',
        requestedAt,
        answeredAt: new Date(requestedAt.getTime() + 2 * 3_600_000),
        decidedAt: new Date(requestedAt.getTime() + 5 * 3_600_000),
        decidedBy: key === 'oxford' ? null : ctx.managerId,
      });
      o.residentId = to;
      o.doneAt = instantAt(o.date, 18, 40, tz);
      events.push(
        {
          id: newId(),
          occurrenceId: o.id ?? '',
          at: new Date(requestedAt.getTime() + 5 * 3_600_000),
          actorUserId: ctx.managerId,
          kind: 'swapped',
          fromResidentId: from,
          toResidentId: to,
        },
        {
          id: newId(),
          occurrenceId: o.id ?? '',
          at: o.doneAt,
          actorUserId: ctx.userOf.get(to) ?? null,
          kind: 'done',
          toResidentId: to,
        },
      );
    }
    const jordan = idOf(RESIDENT_LOGIN);
    if (jordan) {
      const theirs = houseRows.find(
        (o) =>
          o.date > today &&
          o.residentId &&
          o.residentId !== jordan &&
          o.residentId !== idOf(EXCUSED.name),
      );
      if (theirs?.residentId)
        swaps.push({
          id: newId(),
          organisationId: ctx.organisationId,
          houseId: house.id,
          occurrenceId: theirs.id ?? '',
          requesterId: theirs.residentId,
          counterpartId: jordan,
          note: 'I have an appointment with my caseworker. Can you cover this one?',
          status: 'requested',
          requestedAt: new Date(now.getTime() - 3 * 3_600_000),
        });
    }
  }
  writes.push(...inChunks(occurrences, (rows) => db.insert(s.choreOccurrences).values(rows)));
  writes.push(...inChunks(events, (rows) => db.insert(s.choreEvents).values(rows)));
  if (swaps.length > 0) writes.push(db.insert(s.choreSwaps).values(swaps));
  return writes;
}
