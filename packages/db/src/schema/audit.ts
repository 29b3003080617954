// The append-only audit log. A migration adds triggers that make the database
// itself refuse UPDATE and DELETE on this table; the one change it allows is the
// sealing of a new entry into the hash chain (audit-chain.ts): `hash` set once,
// from empty, with nothing else changed.
import { sql } from 'drizzle-orm';
import { integer, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    organisationId: text(),
    actorUserId: text(),
    action: text().notNull(),
    recordType: text().notNull(),
    recordId: text(),
    requestId: text(),
    ip: text(),
    details: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    /** SHA-256 of the entry and the hash of the one before it; empty until sealed. */
    hash: text(),
  },
  (t) => [
    index('audit_log_org_at_idx').on(t.organisationId, t.at),
    // the audit viewer: an organisation's entries newest first, and by action
    index('audit_log_org_id_idx').on(t.organisationId, t.id),
    index('audit_log_org_action_idx').on(t.organisationId, t.action, t.id),
    index('audit_log_record_idx').on(t.recordType, t.recordId),
    // one person's entries (the audit viewer's filter, a staff member's last sign-in)
    index('audit_log_actor_idx').on(t.actorUserId, t.action, t.at),
    // the entries waiting to be sealed (a handful at any time): where the sealer starts
    index('audit_log_unsealed_idx')
      .on(t.id)
      .where(sql`${t.hash} IS NULL`),
  ],
);
