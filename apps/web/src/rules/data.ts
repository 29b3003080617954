// Loading the house rules, signing them, and (for staff) writing, comparing and
// publishing versions of a house's rule book; the cache keys of the area.
import { queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

type Api = typeof api;

export type RuleBookDiff = Awaited<ReturnType<Api['rules']['diff']['query']>>;
export type RuleDraft = Awaited<ReturnType<Api['rules']['draft']['query']>>;
export type RuleHistory = Awaited<ReturnType<Api['rules']['history']['query']>>;
export type RuleTemplate = Awaited<ReturnType<Api['rules']['templates']['query']>>[number];
export type SavedDraft = Awaited<ReturnType<Api['rules']['saveDraft']['mutate']>>;

export const ruleQueries = {
  current: (houseId: string) =>
    queryOptions({
      queryKey: ['rules', 'current', houseId],
      queryFn: () => api.rules.current.query({ houseId }),
      enabled: houseId !== '',
    }),
  /** Every published version, newest first. */
  history: (houseId: string) =>
    queryOptions({
      queryKey: ['rules', 'history', houseId],
      queryFn: () => api.rules.history.query({ houseId }),
      enabled: houseId !== '',
    }),
  /** What changed from version `from` (0: the empty book) to `to` (a version or the draft). */
  diff: (houseId: string, from: number, to: number | 'draft', enabled = true) =>
    queryOptions({
      queryKey: ['rules', 'diff', houseId, from, to],
      queryFn: () => api.rules.diff.query({ houseId, from, to }),
      enabled: enabled && houseId !== '',
    }),
  /** Staff only: the draft of the next version, or the version in force to start one from. */
  draft: (houseId: string) =>
    queryOptions({
      queryKey: ['rules', 'draft', houseId],
      queryFn: () => api.rules.draft.query({ houseId }),
      enabled: houseId !== '',
      // the editor copies the draft once; a refetch behind its back would only confuse
      refetchOnWindowFocus: false,
    }),
  /** The organisation's rule book templates. */
  templates: (organisationId: string | undefined) =>
    queryOptions({
      queryKey: ['rules', 'templates', organisationId ?? ''],
      queryFn: () => api.rules.templates.query(organisationId ? { organisationId } : {}),
      enabled: organisationId !== undefined && organisationId !== '',
    }),
};

async function refreshRules() {
  await queryClient.invalidateQueries({ queryKey: ['rules'] });
}

export async function acknowledgeRules(input: { ruleBookVersionId: string; typedName: string }) {
  const result = await api.rules.acknowledge.mutate(input);
  await refreshRules();
  return result;
}

export async function saveRuleDraft(input: Parameters<Api['rules']['saveDraft']['mutate']>[0]) {
  const result = await api.rules.saveDraft.mutate(input);
  await refreshRules();
  return result;
}

export async function publishRuleBook(input: Parameters<Api['rules']['publish']['mutate']>[0]) {
  const result = await api.rules.publish.mutate(input);
  await refreshRules();
  return result;
}

export async function startRulesFromTemplate(
  input: Parameters<Api['rules']['startFromTemplate']['mutate']>[0],
) {
  const result = await api.rules.startFromTemplate.mutate(input);
  await refreshRules();
  return result;
}
