import * as z from 'zod';
import {
  acknowledgeInput,
  ruleBookDiffInput,
  ruleBookDraftInput,
  ruleBookPublishInput,
  startFromTemplateInput,
  templateSaveInput,
} from '@porchlight/domain';
import {
  houseProcedure,
  operatorProcedure,
  orgProcedure,
  residentSelfProcedure,
} from '../procedures';
import { router } from '../trpc';
import * as rules from '../services/rules';

export const rulesRouter = router({
  /** The rule book in force: for residents of the house and its staff. */
  current: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.currentRules(ctx)),

  /** A resident signs the version in force of their house's rule book with their typed name. */
  acknowledge: residentSelfProcedure
    .input(acknowledgeInput)
    .mutation(({ ctx, input }) => rules.acknowledgeRules(ctx, input)),

  /** Every published version, newest first: old versions stay readable. */
  history: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.ruleHistory(ctx)),

  /** What changed between two versions; staff may compare with the draft. */
  diff: houseProcedure('view')
    .input(ruleBookDiffInput)
    .query(({ ctx, input }) => rules.diffVersions(ctx, input)),

  /** The draft of the next version, or the version in force to start one from. */
  draft: houseProcedure('manage')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.ruleDraft(ctx)),

  saveDraft: houseProcedure('manage')
    .input(ruleBookDraftInput)
    .mutation(({ ctx, input }) => rules.saveRuleDraft(ctx, input)),

  /** Publishes the draft as the next version; every resident of the house is asked to sign again. */
  publish: houseProcedure('manage')
    .input(ruleBookPublishInput)
    .mutation(({ ctx, input }) => rules.publishRuleBook(ctx, input)),

  /** The organisation's rule book templates. */
  templates: orgProcedure.query(({ ctx }) => rules.listTemplates(ctx)),

  saveTemplate: operatorProcedure
    .input(templateSaveInput)
    .mutation(({ ctx, input }) => rules.saveTemplate(ctx, input)),

  /** Starts a house's draft from an organisation template, to change from there. */
  startFromTemplate: houseProcedure('manage')
    .input(startFromTemplateInput)
    .mutation(({ ctx, input }) => rules.startFromTemplate(ctx, input)),
});
