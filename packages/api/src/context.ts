// The context of every procedure, built from plain values so tests can call
// procedures directly; the HTTP server builds it from a request.
import { and, type Db, eq, isNull, preparedQuery, schema, sql } from '@porchlight/db';
import {
  type Actor,
  type Clock,
  localDateAt,
  type Membership,
  OFFICE_POWERS,
  type OfficePower,
  type SessionPolicyConfig,
  DEFAULT_SESSION_POLICY,
  sessionPolicyFor,
  sessionState,
  shouldRecordActivity,
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

/**
 * The powers of the offices a resident holds today in the house they live in:
 * a term counts from its first day to its last, on the house's calendar.
 */
const officeTermsQuery = preparedQuery((db) =>
  db
    .select({
      powers: schema.offices.powers,
      startDate: schema.officerTerms.startDate,
      endDate: schema.officerTerms.endDate,
      timezone: schema.houses.timezone,
    })
    .from(schema.officerTerms)
    .innerJoin(schema.offices, eq(schema.offices.id, schema.officerTerms.officeId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.officerTerms.houseId))
    .innerJoin(
      schema.stays,
      and(
        eq(schema.stays.residentId, schema.officerTerms.residentId),
        eq(schema.stays.houseId, schema.officerTerms.houseId),
        isNull(schema.stays.endDate),
      ),
    )
    .where(
      and(
        eq(schema.officerTerms.residentId, sql.placeholder('residentId')),
        eq(schema.officerTerms.houseId, sql.placeholder('houseId')),
        isNull(schema.offices.retiredAt),
      ),
    )
    .prepare(),
);

async function officePowersOf(
  db: Db,
  residentId: string,
  houseId: string,
  now: Date,
): Promise<OfficePower[]> {
  const rows = await officeTermsQuery(db).all({ residentId, houseId });
  const powers = new Set<OfficePower>();
  for (const row of rows) {
    const today = localDateAt(now, row.timezone);
    if (row.startDate <= today && row.endDate >= today)
      for (const p of row.powers) if (isOfficePower(p)) powers.add(p);
  }
  return [...powers];
}

function isOfficePower(value: string): value is OfficePower {
  return (OFFICE_POWERS as readonly string[]).includes(value);
}

type ResidentRow = typeof schema.residents.$inferSelect;

/** The memberships, with the person's own resident record beside a resident membership. */
const membershipsQuery = preparedQuery((db) =>
  db
    .select({
      id: schema.memberships.id,
      organisationId: schema.memberships.organisationId,
      role: schema.memberships.role,
      resident: schema.residents,
    })
    .from(schema.memberships)
    .leftJoin(
      schema.residents,
      and(
        eq(schema.residents.userId, schema.memberships.userId),
        eq(schema.memberships.role, 'resident'),
      ),
    )
    .where(
      and(
        eq(schema.memberships.userId, sql.placeholder('userId')),
        isNull(schema.memberships.deactivatedAt),
      ),
    )
    .prepare(),
);

const houseLinksQuery = preparedQuery((db) =>
  db
    .select({
      membershipId: schema.membershipHouses.membershipId,
      houseId: schema.membershipHouses.houseId,
    })
    .from(schema.membershipHouses)
    .innerJoin(schema.memberships, eq(schema.memberships.id, schema.membershipHouses.membershipId))
    .where(eq(schema.memberships.userId, sql.placeholder('userId')))
    .prepare(),
);

/**
 * Who the person is in each organisation, and their own resident record when
 * they have one (the resident procedures use it rather than read it again).
 */
export async function loadActor(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<Actor & { residentRow: ResidentRow | null }> {
  const rows = await membershipsQuery(db).all({ userId });
  if (rows.length === 0) return { userId, memberships: [], residentRow: null };
  const resident = rows.find((r) => r.resident !== null)?.resident ?? undefined;
  const houseLinks = rows.some((r) => r.role === 'manager')
    ? await houseLinksQuery(db).all({ userId })
    : [];
  const officePowers = resident ? await officePowersOf(db, resident.id, resident.houseId, now) : [];
  const memberships: Membership[] = rows.map((r) => ({
    organisationId: r.organisationId,
    role: r.role,
    houseIds: houseLinks.filter((l) => l.membershipId === r.id).map((l) => l.houseId),
    ...(r.role === 'resident' && resident?.organisationId === r.organisationId
      ? { residentId: resident.id, residentHouseId: resident.houseId, officePowers }
      : {}),
  }));
  return { userId, memberships, residentRow: resident ?? null };
}

export async function createContext(input: ContextInput) {
  const clock = input.clock ?? systemClock;
  const policy = input.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  let actor: Actor | null = null;
  let selfResident: ResidentRow | null = null;
  let session = input.session;
  if (session) {
    const loaded = await loadActor(input.db, session.userId, clock.now());
    actor = { userId: loaded.userId, memberships: loaded.memberships };
    selfResident = loaded.residentRow;
    const now = clock.now();
    const rolePolicy = sessionPolicyFor(actor, policy);
    const state = sessionState(session, rolePolicy, now);
    if (state !== 'active') {
      // an expired session ends here, for good
      await input.db.delete(schema.sessions).where(eq(schema.sessions.id, session.sessionId));
      actor = null;
      selfResident = null;
      session = null;
    } else if (shouldRecordActivity(session, rolePolicy, now)) {
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
    /** the signed-in person's own resident record, read with the actor */
    selfResident,
    clock,
    requestId: input.requestId ?? crypto.randomUUID(),
    ip: input.ip ?? null,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
