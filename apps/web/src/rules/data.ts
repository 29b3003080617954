// Loading the house rules and signing them; the cache keys of the area.
import { queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

export const ruleQueries = {
  current: (houseId: string) =>
    queryOptions({
      queryKey: ['rules', 'current', houseId],
      queryFn: () => api.rules.current.query({ houseId }),
      enabled: houseId !== '',
    }),
};

export async function acknowledgeRules(input: { ruleBookVersionId: string; typedName: string }) {
  const result = await api.rules.acknowledge.mutate(input);
  await queryClient.invalidateQueries({ queryKey: ['rules'] });
  return result;
}
