// The context of every procedure, built from plain values so tests can call
// procedures directly; the HTTP server builds it from a request.
import { and, type Db, eq, isNull, schema } from '@porchlight/db';
import {
  type Actor,
  type Clock,
  type Membership,
  type SessionPolicyConfig,
  DEFAULT_SESSION_POLICY,
  sessionPolicyFor,
  sessionState,
  systemClock,
} from '@porchlight/domain';

export interface SessionInfo {
  sessionId: string;
  userId: string;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface ContextInput {
  db: Db;
  session: SessionInfo | null;
  clock?: Clock;
  requestId?: string;
  ip?: string | null;
  sessionPolicy?: SessionPolicyConfig;
}

export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const rows = await db
    .select({
      id: schema.memberships.id,
      organisationId: schema.memberships.organisationId,
      role: schema.memberships.role,
    })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.userId, userId), isNull(schema.memberships.deactivatedAt)));
  if (rows.length === 0) return { userId, memberships: [] };
  const [houseLinks, resident] = await Promise.all([
    rows.some((r) => r.role === 'manager')
      ? db
          .select({
            membershipId: schema.membershipHouses.membershipId,
            houseId: schema.membershipHouses.houseId,
          })
          .from(schema.membershipHouses)
          .innerJoin(
            schema.memberships,
            eq(schema.memberships.id, schema.membershipHouses.membershipId),
          )
          .where(eq(schema.memberships.userId, userId))
      : Promise.resolve([]),
    rows.some((r) => r.role === 'resident')
      ? db
          .select({
            id: schema.residents.id,
            houseId: schema.residents.houseId,
            organisationId: schema.residents.organisationId,
          })
          .from(schema.residents)
          .where(eq(schema.residents.userId, userId))
          .get()
      : Promise.resolve(undefined),
  ]);
  const memberships: Membership[] = rows.map((r) => ({
    organisationId: r.organisationId,
    role: r.role,
    houseIds: houseLinks.filter((l) => l.membershipId === r.id).map((l) => l.houseId),
    ...(r.role === 'resident' && resident?.organisationId === r.organisationId
      ? { residentId: resident.id, residentHouseId: resident.houseId }
      : {}),
  }));
  return { userId, memberships };
}

export async function createContext(input: ContextInput) {
  const clock = input.clock ?? systemClock;
  const policy = input.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  let actor: Actor | null = null;
  let session = input.session;
  if (session) {
    actor = await loadActor(input.db, session.userId);
    const now = clock.now();
    const state = sessionState(session, sessionPolicyFor(actor, policy), now);
    if (state !== 'active') {
      // an expired session ends here, for good
      await input.db.delete(schema.sessions).where(eq(schema.sessions.id, session.sessionId));
      actor = null;
      session = null;
    } else if (now.getTime() - session.lastActiveAt.getTime() > 60_000) {
      await input.db
        .update(schema.sessions)
        .set({ updatedAt: now })
        .where(eq(schema.sessions.id, session.sessionId));
    }
  }
  return {
    db: input.db,
    session,
    actor,
    clock,
    requestId: input.requestId ?? crypto.randomUUID(),
    ip: input.ip ?? null,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
