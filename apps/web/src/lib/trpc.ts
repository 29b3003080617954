// The typed tRPC client of the dashboard: plain JSON over one batched link, so
// dates arrive as ISO strings and house-local dates as YYYY-MM-DD.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@porchlight/api';

export const api = createTRPCClient<AppRouter>({
  // the server refuses a batch of more than 20 calls (MAX_BATCH_SIZE in apps/server)
  links: [httpBatchLink({ url: '/trpc', maxItems: 20 })],
});

export type Api = typeof api;
/** What a query answers. */
export type Output<P extends { query: (...args: never[]) => Promise<unknown> }> = Awaited<
  ReturnType<P['query']>
>;
/** What a mutation takes. */
export type Input<P extends { mutate: (...args: never[]) => Promise<unknown> }> = Parameters<
  P['mutate']
>[0];

export type Whoami = Output<Api['account']['whoami']>;
export type SignedIn = NonNullable<Whoami>;
export type MembershipInfo = SignedIn['memberships'][number];
export type HousePage = Output<Api['houses']['list']>;
export type HouseSummary = HousePage['items'][number];
export type HouseDetails = Output<Api['houses']['get']>;
export type HouseBoard = Output<Api['houses']['board']>;
export type ResidentPage = Output<Api['residents']['list']>;
export type ResidentListItem = ResidentPage['items'][number];
export type ResidentRecord = Output<Api['residents']['get']>;
export type InviteList = Output<Api['invites']['list']>;
export type InviteLookup = Output<Api['invites']['lookup']>;
