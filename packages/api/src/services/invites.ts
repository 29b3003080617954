// Invites: an operator or manager creates one, the invitee opens the link (or
// types the code) and sets a password. The token is shown once and only its hash
// is kept.
import { createHash, randomInt } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, desc, eq, inArray, isNull, newId, schema, sql } from '@porchlight/db';
import { canInvite, conflict, invalid, notFound, type Role } from '@porchlight/domain';
import { TRPCError } from '@trpc/server';
import type { Context } from '../context';
import type { AuthedContext } from '../trpc';
import { passwordProblem } from './passwords';
import { commit } from './write';

export const INVITE_DAYS = 7;
// no 0/O, 1/I/L: the code is easy to read aloud and type on a phone
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters from a 31-letter alphabet: about 79 bits, grouped for reading. */
export function newInviteToken(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** Accepts the code however it was typed: any case, with or without dashes and spaces. */
export function normaliseToken(token: string): string {
  const bare = token.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.match(/.{1,4}/g)?.join('-') ?? bare;
}

function hashToken(token: string) {
  return createHash('sha256').update(normaliseToken(token)).digest('hex');
}

export async function createInvite(
  ctx: AuthedContext & { organisationId: string },
  input: {
    role: Role;
    name: string;
    email: string;
    houseIds: string[];
    residentId?: string | undefined;
  },
) {
  let houseIds = [...new Set(input.houseIds)];
  let residentId: string | null = null;
  if (input.role === 'resident') {
    const resident = await ctx.db
      .select()
      .from(schema.residents)
      .where(
        and(
          eq(schema.residents.id, input.residentId ?? ''),
          eq(schema.residents.organisationId, ctx.organisationId),
        ),
      )
      .get();
    if (!resident) throw invalid('residentId', 'is not a resident of this organisation.');
    if (resident.userId) throw conflict('This resident already has a login.', 'residentId');
    residentId = resident.id;
    houseIds = [resident.houseId];
  } else if (input.role === 'manager') {
    const found = await ctx.db
      .select({ id: schema.houses.id })
      .from(schema.houses)
      .where(
        and(
          inArray(schema.houses.id, houseIds),
          eq(schema.houses.organisationId, ctx.organisationId),
        ),
      );
    if (found.length !== houseIds.length)
      throw invalid('houseIds', 'must all be houses of this organisation.');
  }
  if (!canInvite(ctx.actor, ctx.organisationId, input.role, houseIds)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You cannot invite someone to that role or house.',
    });
  }
  const existing = await ctx.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, input.email))
    .get();
  if (existing) throw conflict('Someone already has an account with that email.', 'email');
  const token = newInviteToken();
  const inviteId = newId();
  const expiresAt = new Date(ctx.clock.now().getTime() + INVITE_DAYS * 86_400_000);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.invites).values({
        id: inviteId,
        organisationId: ctx.organisationId,
        role: input.role,
        name: input.name,
        email: input.email,
        houseIds: input.role === 'manager' ? houseIds : [],
        residentId,
        tokenHash: hashToken(token),
        expiresAt,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'invites.create',
        recordType: 'invite',
        recordId: inviteId,
        organisationId: ctx.organisationId,
        details: { role: input.role, email: input.email, houseIds, residentId },
      },
    ],
  );
  return { inviteId, token, path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

export async function listInvites(
  ctx: AuthedContext & {
    organisationId: string;
    membership: { role: Role; houseIds: readonly string[] };
  },
) {
  const rows = await ctx.db
    .select({
      id: schema.invites.id,
      role: schema.invites.role,
      name: schema.invites.name,
      email: schema.invites.email,
      houseIds: schema.invites.houseIds,
      residentId: schema.invites.residentId,
      residentHouseId: schema.residents.houseId,
      expiresAt: schema.invites.expiresAt,
      acceptedAt: schema.invites.acceptedAt,
      revokedAt: schema.invites.revokedAt,
      createdAt: schema.invites.createdAt,
    })
    .from(schema.invites)
    .leftJoin(schema.residents, eq(schema.residents.id, schema.invites.residentId))
    .where(eq(schema.invites.organisationId, ctx.organisationId))
    .orderBy(desc(schema.invites.createdAt))
    .limit(200);
  const now = ctx.clock.now().getTime();
  const isOperator = ctx.membership.role === 'operator';
  return (
    rows
      // managers see the resident invites of their own houses only
      .filter(
        (r) =>
          isOperator ||
          (r.role === 'resident' &&
            r.residentHouseId !== null &&
            ctx.membership.houseIds.includes(r.residentHouseId)),
      )
      .map(({ residentHouseId: _h, ...r }) => ({
        ...r,
        status: r.acceptedAt
          ? ('accepted' as const)
          : r.revokedAt
            ? ('revoked' as const)
            : r.expiresAt.getTime() <= now
              ? ('expired' as const)
              : ('pending' as const),
      }))
  );
}

export async function revokeInvite(
  ctx: AuthedContext & { organisationId: string },
  inviteId: string,
) {
  const invite = await ctx.db
    .select()
    .from(schema.invites)
    .where(
      and(eq(schema.invites.id, inviteId), eq(schema.invites.organisationId, ctx.organisationId)),
    )
    .get();
  if (!invite) throw notFound('Invite');
  const houseIds =
    invite.role === 'resident' ? await residentHouse(ctx, invite.residentId) : invite.houseIds;
  if (!canInvite(ctx.actor, ctx.organisationId, invite.role, houseIds)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot revoke this invite.' });
  }
  if (invite.acceptedAt) throw conflict('This invite has already been used.');
  if (invite.revokedAt) return { inviteId };
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.invites)
        .set({ revokedAt: ctx.clock.now() })
        .where(eq(schema.invites.id, inviteId)),
    ],
    [
      {
        action: 'invites.revoke',
        recordType: 'invite',
        recordId: inviteId,
        organisationId: ctx.organisationId,
      },
    ],
  );
  return { inviteId };
}

async function residentHouse(
  ctx: Pick<Context, 'db'>,
  residentId: string | null,
): Promise<string[]> {
  if (!residentId) return [];
  const r = await ctx.db
    .select({ houseId: schema.residents.houseId })
    .from(schema.residents)
    .where(eq(schema.residents.id, residentId))
    .get();
  return r ? [r.houseId] : [];
}

async function findUsableInvite(ctx: Pick<Context, 'db' | 'clock'>, token: string) {
  const row = await ctx.db
    .select({ invite: schema.invites, organisationName: schema.organisations.name })
    .from(schema.invites)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.invites.organisationId))
    .where(
      and(
        eq(schema.invites.tokenHash, hashToken(token)),
        isNull(schema.invites.acceptedAt),
        isNull(schema.invites.revokedAt),
        sql`${schema.invites.expiresAt} > ${ctx.clock.now().getTime()}`,
      ),
    )
    .get();
  // one answer for unknown, used, revoked and expired: nothing to probe
  if (!row)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message:
        'This invite is not valid. It may have expired or been used already; ask for a new one.',
    });
  return row;
}

export async function lookupInvite(ctx: Pick<Context, 'db' | 'clock'>, token: string) {
  const { invite, organisationName } = await findUsableInvite(ctx, token);
  return {
    name: invite.name,
    email: invite.email,
    role: invite.role,
    organisationName,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

export async function acceptInvite(ctx: Context, input: { token: string; password: string }) {
  const { invite } = await findUsableInvite(ctx, input.token);
  const taken = await ctx.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, invite.email))
    .get();
  if (taken) throw conflict('Someone already has an account with that email.');
  const weak = await passwordProblem(input.password, { email: invite.email });
  if (weak) throw invalid('password', weak);
  const userId = newId();
  const membershipId = newId();
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.password);
  await commit(
    { ...ctx, actor: { userId } },
    [
      ctx.db
        .insert(schema.users)
        .values({ id: userId, name: invite.name, email: invite.email, emailVerified: true }),
      ctx.db.insert(schema.accounts).values({
        id: newId(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: passwordHash,
      }),
      ctx.db.insert(schema.memberships).values({
        id: membershipId,
        organisationId: invite.organisationId,
        userId,
        role: invite.role,
      }),
      ctx.db
        .update(schema.invites)
        .set({ acceptedAt: now, acceptedUserId: userId })
        .where(and(eq(schema.invites.id, invite.id), isNull(schema.invites.acceptedAt))),
      ...(invite.role === 'manager' && invite.houseIds.length
        ? [
            ctx.db
              .insert(schema.membershipHouses)
              .values(invite.houseIds.map((houseId) => ({ membershipId, houseId }))),
          ]
        : []),
      ...(invite.role === 'resident' && invite.residentId
        ? [
            ctx.db
              .update(schema.residents)
              .set({ userId, updatedAt: now })
              .where(
                and(eq(schema.residents.id, invite.residentId), isNull(schema.residents.userId)),
              ),
          ]
        : []),
    ],
    [
      {
        action: 'invites.accept',
        recordType: 'invite',
        recordId: invite.id,
        organisationId: invite.organisationId,
        details: { userId, role: invite.role },
      },
    ],
  );
  // a racing second acceptance of the same invite fails on the unique email
  return { email: invite.email };
}
