import { accountRouter } from './routers/account';
import { housesRouter } from './routers/houses';
import { invitesRouter } from './routers/invites';
import { residentsRouter } from './routers/residents';
import { rulesRouter } from './routers/rules';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  account: accountRouter,
  houses: housesRouter,
  residents: residentsRouter,
  invites: invitesRouter,
  rules: rulesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
