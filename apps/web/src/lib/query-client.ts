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
