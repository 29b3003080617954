import { inArray, schema } from '@porchlight/db';
import { passwordChangeInput } from '@porchlight/domain';
import { changePassword } from '../services/account';
import { authedProcedure, publicProcedure, router } from '../trpc';

export const accountRouter = router({
  /** Who is signed in, with their roles; null when nobody is. */
  whoami: publicProcedure.meta({ access: 'anyone' }).query(async ({ ctx }) => {
    if (!ctx.actor || !ctx.session) return null;
    const orgIds = ctx.actor.memberships.map((m) => m.organisationId);
    const [user, orgs] = await Promise.all([
      ctx.db.query.users.findFirst({
        columns: { id: true, name: true, email: true },
        where: (u, { eq }) => eq(u.id, ctx.actor?.userId ?? ''),
      }),
      orgIds.length
        ? ctx.db
            .select({ id: schema.organisations.id, name: schema.organisations.name })
            .from(schema.organisations)
            .where(inArray(schema.organisations.id, orgIds))
        : Promise.resolve([]),
    ]);
    if (!user) return null;
    return {
      user,
      memberships: ctx.actor.memberships.map((m) => ({
        ...m,
        organisationName: orgs.find((o) => o.id === m.organisationId)?.name ?? '',
      })),
    };
  }),

  /** The signed-in person's new password; every session of the account ends, this one too. */
  changePassword: authedProcedure
    .meta({ access: 'anyone signed in, for their own account' })
    .input(passwordChangeInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
