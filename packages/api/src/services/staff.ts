// The organisation's staff: who runs which house, when each last signed in,
// giving and taking houses, and deactivating an account, which signs it out
// everywhere at once. Nobody is deleted: a deactivated manager's user row stays,
// so every record they made still carries their name.
import { and, count, desc, eq, inArray, isNotNull, isNull, ne, schema, sql } from '@porchlight/db';
import {
  invalid,
  isStaffRole,
  notFound,
  type Role,
  STAFF_ROLES,
  type StaffMembership,
  visibleToManager,
  whyNotAssign,
  whyNotDeactivate,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { commit, commitGuarded } from './write';

type OrgContext = AuthedContext & { organisationId: string };

export async function listStaff(
  ctx: OrgContext & { membership: { role: Role; houseIds: readonly string[] } },
) {
  const members = await ctx.db
    .select({
      membershipId: schema.memberships.id,
      userId: schema.memberships.userId,
      role: schema.memberships.role,
      deactivatedAt: schema.memberships.deactivatedAt,
      name: schema.users.name,
      email: schema.users.email,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(
      and(
        eq(schema.memberships.organisationId, ctx.organisationId),
        inArray(schema.memberships.role, [...STAFF_ROLES]),
      ),
    );
  if (members.length === 0) return [];
  const membershipIds = members.map((m) => m.membershipId);
  const deactivatedIds = members.filter((m) => m.deactivatedAt).map((m) => m.membershipId);
  const [links, signIns, deactivations] = await Promise.all([
    ctx.db
      .select({
        membershipId: schema.membershipHouses.membershipId,
        houseId: schema.houses.id,
        houseName: schema.houses.name,
      })
      .from(schema.membershipHouses)
      .innerJoin(schema.houses, eq(schema.houses.id, schema.membershipHouses.houseId))
      .where(
        and(
          inArray(schema.membershipHouses.membershipId, membershipIds),
          eq(schema.houses.organisationId, ctx.organisationId),
        ),
      )
      .orderBy(schema.houses.name),
    // every sign-in is in the audit log (see auth.ts), under no organisation:
    // signing in is the person's, not one organisation's
    ctx.db
      .select({
        userId: schema.auditLog.actorUserId,
        at: sql<number | null>`max(${schema.auditLog.at})`,
      })
      .from(schema.auditLog)
      .where(
        and(
          isNull(schema.auditLog.organisationId),
          eq(schema.auditLog.action, 'auth.signIn'),
          inArray(schema.auditLog.actorUserId, [...new Set(members.map((m) => m.userId))]),
        ),
      )
      .groupBy(schema.auditLog.actorUserId),
    deactivatedIds.length
      ? ctx.db
          .select({ membershipId: schema.auditLog.recordId, byName: schema.users.name })
          .from(schema.auditLog)
          .leftJoin(schema.users, eq(schema.users.id, schema.auditLog.actorUserId))
          .where(
            and(
              eq(schema.auditLog.recordType, 'membership'),
              inArray(schema.auditLog.recordId, deactivatedIds),
              eq(schema.auditLog.action, 'staff.deactivate'),
            ),
          )
          .orderBy(desc(schema.auditLog.at))
      : Promise.resolve([]),
  ]);
  const lastSignIn = new Map(signIns.map((s) => [s.userId, s.at]));
  const isOperator = ctx.membership.role === 'operator';
  const staff = members.flatMap((m) => {
    if (!isStaffRole(m.role)) return [];
    const houses = links
      .filter((l) => l.membershipId === m.membershipId)
      .map((l) => ({ id: l.houseId, name: l.houseName }));
    let shown = houses;
    if (!isOperator) {
      const seen = visibleToManager(
        { role: m.role, houseIds: houses.map((h) => h.id) },
        ctx.membership.houseIds,
      );
      if (!seen.visible) return [];
      shown = houses.filter((h) => seen.houseIds.includes(h.id));
    }
    const signedInAt = lastSignIn.get(m.userId);
    return [
      {
        membershipId: m.membershipId,
        userId: m.userId,
        name: m.name,
        email: m.email,
        role: m.role,
        houses: shown,
        you: m.userId === ctx.actor.userId,
        active: m.deactivatedAt === null,
        deactivatedAt: m.deactivatedAt,
        // the latest deactivation is the one in force
        deactivatedBy: m.deactivatedAt
          ? (deactivations.find((d) => d.membershipId === m.membershipId)?.byName ?? null)
          : null,
        lastSignInAt: signedInAt ? new Date(signedInAt) : null,
      },
    ];
  });
  const roleOrder = (role: string) => (role === 'operator' ? 0 : 1);
  return staff.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      roleOrder(a.role) - roleOrder(b.role) ||
      a.name.localeCompare(b.name),
  );
}

/** A manager or operator of the caller's organisation; anyone else is "not found". */
async function findStaff(ctx: OrgContext, membershipId: string) {
  const row = await ctx.db
    .select({
      membershipId: schema.memberships.id,
      userId: schema.memberships.userId,
      role: schema.memberships.role,
      deactivatedAt: schema.memberships.deactivatedAt,
    })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.id, membershipId),
        eq(schema.memberships.organisationId, ctx.organisationId),
      ),
    )
    .get();
  if (!row || !isStaffRole(row.role)) throw notFound('Staff member');
  const member: StaffMembership = { ...row, role: row.role };
  return member;
}

/** The house named in the input, checked against the caller's organisation. */
async function findHouse(ctx: OrgContext, houseId: string) {
  const house = await ctx.db
    .select({ id: schema.houses.id, name: schema.houses.name })
    .from(schema.houses)
    .where(and(eq(schema.houses.id, houseId), eq(schema.houses.organisationId, ctx.organisationId)))
    .get();
  if (!house) throw invalid('houseId', 'is not a house of this organisation.');
  return house;
}

async function linkExists(ctx: OrgContext, membershipId: string, houseId: string) {
  const link = await ctx.db
    .select({ houseId: schema.membershipHouses.houseId })
    .from(schema.membershipHouses)
    .where(
      and(
        eq(schema.membershipHouses.membershipId, membershipId),
        eq(schema.membershipHouses.houseId, houseId),
      ),
    )
    .get();
  return link !== undefined;
}

export async function assignHouse(
  ctx: OrgContext,
  input: { membershipId: string; houseId: string },
) {
  const member = await findStaff(ctx, input.membershipId);
  const why = whyNotAssign(member);
  if (why) throw invalid('membershipId', why);
  const house = await findHouse(ctx, input.houseId);
  if (await linkExists(ctx, member.membershipId, house.id))
    return { membershipId: input.membershipId };
  await commit(
    ctx,
    [
      ctx.db
        .insert(schema.membershipHouses)
        .values({ membershipId: member.membershipId, houseId: house.id }),
    ],
    [
      {
        action: 'staff.assignHouse',
        recordType: 'membership',
        recordId: member.membershipId,
        organisationId: ctx.organisationId,
        details: { userId: member.userId, houseId: house.id },
      },
    ],
  );
  return { membershipId: input.membershipId };
}

export async function unassignHouse(
  ctx: OrgContext,
  input: { membershipId: string; houseId: string },
) {
  const member = await findStaff(ctx, input.membershipId);
  if (member.role === 'operator')
    throw invalid(
      'membershipId',
      'is an operator: operators cover every house of the organisation.',
    );
  const house = await findHouse(ctx, input.houseId);
  if (!(await linkExists(ctx, member.membershipId, house.id)))
    return { membershipId: input.membershipId };
  await commit(
    ctx,
    [
      ctx.db
        .delete(schema.membershipHouses)
        .where(
          and(
            eq(schema.membershipHouses.membershipId, member.membershipId),
            eq(schema.membershipHouses.houseId, house.id),
          ),
        ),
    ],
    [
      {
        action: 'staff.unassignHouse',
        recordType: 'membership',
        recordId: member.membershipId,
        organisationId: ctx.organisationId,
        details: { userId: member.userId, houseId: house.id },
      },
    ],
  );
  return { membershipId: input.membershipId };
}

function activeOperatorCount(ctx: OrgContext, exceptMembershipId?: string) {
  return ctx.db
    .select({ n: count() })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.organisationId, ctx.organisationId),
        eq(schema.memberships.role, 'operator'),
        isNull(schema.memberships.deactivatedAt),
        exceptMembershipId ? ne(schema.memberships.id, exceptMembershipId) : undefined,
      ),
    );
}

/**
 * Deactivates the membership and deletes every session of the account, so the
 * person is signed out on every device at once (the API reads sessions from
 * the database on each request). Their memberships of other organisations, if
 * any, are untouched: they may sign in again to reach those.
 */
export async function deactivate(ctx: OrgContext, input: { membershipId: string }) {
  const member = await findStaff(ctx, input.membershipId);
  if (member.deactivatedAt) return { membershipId: input.membershipId };
  const activeOperators = (await activeOperatorCount(ctx).get())?.n ?? 0;
  const why = whyNotDeactivate(ctx.actor.userId, member, activeOperators);
  if (why) throw invalid('membershipId', why);
  const sessions = await ctx.db
    .select({ n: count() })
    .from(schema.sessions)
    .where(eq(schema.sessions.userId, member.userId))
    .get();
  // two operators deactivating each other at once: the second finds no other
  // active operator left and changes nothing, so one always remains
  const othersRemain =
    member.role === 'operator'
      ? sql`(${activeOperatorCount(ctx, member.membershipId)}) >= 1`
      : undefined;
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.memberships)
      .set({ deactivatedAt: ctx.clock.now() })
      .where(
        and(
          eq(schema.memberships.id, member.membershipId),
          isNull(schema.memberships.deactivatedAt),
          othersRemain,
        ),
      ),
    {
      action: 'staff.deactivate',
      recordType: 'membership',
      recordId: member.membershipId,
      organisationId: ctx.organisationId,
      details: { userId: member.userId, role: member.role, sessionsEnded: sessions?.n ?? 0 },
    },
    [ctx.db.delete(schema.sessions).where(eq(schema.sessions.userId, member.userId))],
  );
  return { membershipId: input.membershipId };
}

export async function reactivate(ctx: OrgContext, input: { membershipId: string }) {
  const member = await findStaff(ctx, input.membershipId);
  if (!member.deactivatedAt) return { membershipId: input.membershipId };
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.memberships)
      .set({ deactivatedAt: null })
      .where(
        and(
          eq(schema.memberships.id, member.membershipId),
          isNotNull(schema.memberships.deactivatedAt),
        ),
      ),
    {
      action: 'staff.reactivate',
      recordType: 'membership',
      recordId: member.membershipId,
      organisationId: ctx.organisationId,
      details: { userId: member.userId, role: member.role },
    },
  );
  return { membershipId: input.membershipId };
}
