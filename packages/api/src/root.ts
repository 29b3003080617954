import { accountRouter } from './routers/account';
import { housesRouter } from './routers/houses';
import { invitesRouter } from './routers/invites';
import { residentsRouter } from './routers/residents';
import { phasesRouter } from './routers/phases';
import { rulesRouter } from './routers/rules';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  account: accountRouter,
  houses: housesRouter,
  residents: residentsRouter,
  invites: invitesRouter,
  rules: rulesRouter,
  phases: phasesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
