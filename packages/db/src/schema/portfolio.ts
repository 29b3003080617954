// Day-by-day figures of each house, kept so the operator's overview and its
// trends read a few thousand small rows instead of millions of check-ins. The
// figures stay exact: triggers (migration 0008) mark a house's days from the
// earliest date a change can touch as out of date, and the API recomputes those
// days before it reads them. `version` changes with every such write, so caches
// of live figures (the attention list) know when to look again.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { houses } from './houses';

export const houseStats = sqliteTable('house_stats', {
  houseId: text()
    .primaryKey()
    .references(() => houses.id),
  version: integer().notNull().default(0),
  // the earliest house-local date whose figures a change may have altered
  dirtyFrom: text(),
  // figures are final and current for every date up to this one
  computedThrough: text(),
});

export const houseDayStats = sqliteTable(
  'house_day_stats',
  {
    houseId: text()
      .notNull()
      .references(() => houses.id),
    // house-local date, YYYY-MM-DD
    date: text().notNull(),
    // residents who slept in the house that night (move-in night counts, move-out night not)
    nights: integer().notNull(),
    // daily and curfew check-ins that were due and decided, made (late too), made on time
    checkInsRequired: integer().notNull(),
    checkInsMade: integer().notNull(),
    checkInsOnTime: integer().notNull(),
    // chores of published rotas due that day, as completion() counts them
    choresAssigned: integer().notNull(),
    choresDone: integer().notNull(),
    choresVerified: integer().notNull(),
    choresMissed: integer().notNull(),
    // violations that happened that day (house-local), voided ones left out
    violations: integer().notNull(),
    // house meetings held (closed) that day, residents present or late at them, attendance recorded
    meetingsHeld: integer().notNull().default(0),
    meetingsPresent: integer().notNull().default(0),
    meetingsRecorded: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.houseId, t.date] })],
);
