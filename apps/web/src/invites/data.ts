// Loading, creating, revoking and accepting invites.
import { queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

type Api = typeof api;

export const inviteQueries = {
  list: (organisationId: string) =>
    queryOptions({
      queryKey: ['invites', 'list', organisationId],
      queryFn: () => api.invites.list.query({ organisationId }),
    }),
  lookup: (token: string) =>
    queryOptions({
      queryKey: ['invites', 'lookup', token],
      queryFn: () => api.invites.lookup.query({ token }),
      staleTime: 0,
    }),
};

export async function createInvite(input: Parameters<Api['invites']['create']['mutate']>[0]) {
  const result = await api.invites.create.mutate(input);
  await queryClient.invalidateQueries({ queryKey: ['invites'] });
  await queryClient.invalidateQueries({ queryKey: ['residents', 'get'] });
  return result;
}

export async function revokeInvite(input: Parameters<Api['invites']['revoke']['mutate']>[0]) {
  const result = await api.invites.revoke.mutate(input);
  await queryClient.invalidateQueries({ queryKey: ['invites'] });
  return result;
}

export async function acceptInvite(input: Parameters<Api['invites']['accept']['mutate']>[0]) {
  return api.invites.accept.mutate(input);
}
