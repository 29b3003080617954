// A person changes their own password: the one they have now first, then the
// new one under the same rules as at the invite. Every session of the account
// ends, this one included: whoever holds an old session cookie (a lost phone, a
// shared computer) is signed out, and the person signs in again with the new one.
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq, schema } from '@porchlight/db';
import { invalid, type PasswordChangeInput } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { passwordProblem } from './passwords';
import { commit } from './write';

export async function changePassword(ctx: AuthedContext, input: PasswordChangeInput) {
  const row = await ctx.db
    .select({
      accountId: schema.accounts.id,
      hash: schema.accounts.password,
      email: schema.users.email,
    })
    .from(schema.accounts)
    .innerJoin(schema.users, eq(schema.users.id, schema.accounts.userId))
    .where(
      and(
        eq(schema.accounts.userId, ctx.actor.userId),
        eq(schema.accounts.providerId, 'credential'),
      ),
    )
    .get();
  if (!row?.hash || !(await verifyPassword({ hash: row.hash, password: input.currentPassword })))
    throw invalid('currentPassword', 'is not the password of this account.');
  if (input.newPassword === input.currentPassword)
    throw invalid('newPassword', 'must differ from the current one.');
  const weak = await passwordProblem(input.newPassword, { email: row.email });
  if (weak) throw invalid('newPassword', weak);
  const hash = await hashPassword(input.newPassword);
  const ended = await ctx.db
    .select({ id: schema.sessions.id })
    .from(schema.sessions)
    .where(eq(schema.sessions.userId, ctx.actor.userId));
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.accounts)
        .set({ password: hash, updatedAt: ctx.clock.now() })
        .where(eq(schema.accounts.id, row.accountId)),
      ctx.db.delete(schema.sessions).where(eq(schema.sessions.userId, ctx.actor.userId)),
    ],
    [
      {
        action: 'account.changePassword',
        recordType: 'user',
        recordId: ctx.actor.userId,
        organisationId: null,
        details: { sessionsEnded: ended.length },
      },
    ],
  );
  return { sessionsEnded: ended.length };
}
