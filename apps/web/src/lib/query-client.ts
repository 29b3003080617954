// One query cache for the dashboard. An expired session on any request sends the
// person back to sign in; errors that would repeat are not retried.
import { QueryCache, QueryClient } from '@tanstack/solid-query';
import { errorCode, isClientError } from './errors';

export const WHOAMI_KEY = ['account', 'whoami'] as const;

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError(error, query) {
      if (errorCode(error) === 'UNAUTHORIZED' && query.queryKey[0] !== 'account') {
        queryClient.setQueryData(WHOAMI_KEY, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => !isClientError(error) && failures < 2,
    },
  },
});

/** Makes changes that reload the views they touch (`refresh`) once they are saved. */
export function refreshingAfter(refresh: () => Promise<unknown>) {
  return <I, O>(mutate: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      const result = await mutate(input);
      await refresh();
      return result;
    };
}
