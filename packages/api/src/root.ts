import { accountRouter } from './routers/account';
import { housesRouter } from './routers/houses';
import { invitesRouter } from './routers/invites';
import { residentsRouter } from './routers/residents';
import { phasesRouter } from './routers/phases';
import { rulesRouter } from './routers/rules';
import { passesRouter } from './routers/passes';
import { violationsRouter } from './routers/violations';
import { grievancesRouter } from './routers/grievances';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  account: accountRouter,
  houses: housesRouter,
  residents: residentsRouter,
  invites: invitesRouter,
  rules: rulesRouter,
  phases: phasesRouter,
  passes: passesRouter,
  violations: violationsRouter,
  grievances: grievancesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
