// Each resident's private calendar feed (their chores, and later their house's
// meetings): an unguessable address the resident can revoke. Only the token's
// hash is kept; a revoked feed is never reused.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { residents } from './residents';

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    tokenHash: text().notNull(),
    createdAt: now(),
    revokedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash),
    uniqueIndex('calendar_feeds_open_uq')
      .on(t.residentId)
      .where(sql`revoked_at is null`),
  ],
);
