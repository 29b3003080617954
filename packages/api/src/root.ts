import { accountRouter } from './routers/account';
import { housesRouter } from './routers/houses';
import { invitesRouter } from './routers/invites';
import { staffRouter } from './routers/staff';
import { residentsRouter } from './routers/residents';
import { phasesRouter } from './routers/phases';
import { rulesRouter } from './routers/rules';
import { passesRouter } from './routers/passes';
import { violationsRouter } from './routers/violations';
import { grievancesRouter } from './routers/grievances';
import { checkInsRouter } from './routers/check-ins';
import { testsRouter } from './routers/tests';
import { recoveryCapitalRouter } from './routers/recovery-capital';
import { attentionRouter } from './routers/attention';
import { auditRouter } from './routers/audit';
import { choresRouter } from './routers/chores';
import { meetingsRouter } from './routers/meetings';
import { officersRouter } from './routers/officers';
import { supportRouter } from './routers/support';
import { mentorshipRouter } from './routers/mentorship';
import { milestonesRouter } from './routers/milestones';
import { resourcesRouter } from './routers/resources';
import { sharingRouter } from './routers/sharing';
import { portfolioRouter } from './routers/portfolio';
import { reportsRouter } from './routers/reports';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  account: accountRouter,
  houses: housesRouter,
  residents: residentsRouter,
  invites: invitesRouter,
  staff: staffRouter,
  rules: rulesRouter,
  phases: phasesRouter,
  passes: passesRouter,
  violations: violationsRouter,
  grievances: grievancesRouter,
  checkIns: checkInsRouter,
  tests: testsRouter,
  recoveryCapital: recoveryCapitalRouter,
  attention: attentionRouter,
  audit: auditRouter,
  chores: choresRouter,
  meetings: meetingsRouter,
  officers: officersRouter,
  support: supportRouter,
  mentorship: mentorshipRouter,
  milestones: milestonesRouter,
  resources: resourcesRouter,
  sharing: sharingRouter,
  portfolio: portfolioRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
