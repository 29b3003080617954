// Every change goes to the database as one atomic batch together with its audit
// entries: a change is either saved with its audit trail or not at all.
import { schema, sql, type BatchItem } from '@porchlight/db';
import type { Context } from '../context';

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId: string | null;
  organisationId: string | null;
  details?: Record<string, unknown>;
}

type WriteContext = Pick<Context, 'db' | 'clock' | 'requestId' | 'ip'> & {
  actor: { userId: string } | null;
};

export function auditInsert(ctx: WriteContext, entry: AuditEntry) {
  return ctx.db.insert(schema.auditLog).values({
    at: ctx.clock.now(),
    organisationId: entry.organisationId,
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: entry.details ?? null,
  });
}

export async function commit(
  ctx: WriteContext,
  changes: BatchItem<'sqlite'>[],
  audit: [AuditEntry, ...AuditEntry[]],
): Promise<void> {
  const [first, ...rest] = audit;
  await ctx.db.batch([
    auditInsert(ctx, first),
    ...changes,
    ...rest.map((entry) => auditInsert(ctx, entry)),
  ]);
}

/**
 * Commits a conditional update (one that may match no row because someone else
 * got there first) with its audit entry. The entry's action is only filled when
 * the update changed exactly one row; otherwise the NOT NULL constraint aborts
 * the whole batch, which the API reports as a conflict. Nothing is half-written
 * and no entry claims a change that did not happen.
 */
export async function commitGuarded(
  ctx: WriteContext,
  guarded: BatchItem<'sqlite'>,
  audit: AuditEntry,
  rest: BatchItem<'sqlite'>[] = [],
): Promise<void> {
  const entry = ctx.db.insert(schema.auditLog).values({
    at: ctx.clock.now(),
    organisationId: audit.organisationId,
    actorUserId: ctx.actor?.userId ?? null,
    action: sql<string>`(select ${audit.action} where changes() = 1)`,
    recordType: audit.recordType,
    recordId: audit.recordId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: audit.details ?? null,
  });
  await ctx.db.batch([guarded, entry, ...rest]);
}

/**
 * Records that someone read sensitive records (violations, grievances): who,
 * which records, when. Reading is not a change, so this is its own small write.
 */
export async function auditRead(ctx: WriteContext, entry: AuditEntry): Promise<void> {
  await auditInsert(ctx, entry);
}
