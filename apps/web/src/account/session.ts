// Who is signed in, where they start, and signing in and out through the
// better-auth endpoints (plain fetch: the auth client library is not worth its size).
import { queryOptions, useQuery } from '@tanstack/solid-query';
import { OFFLINE_MESSAGE } from '../lib/errors';
import { queryClient, WHOAMI_KEY } from '../lib/query-client';
import { api, type MembershipInfo, type SignedIn, type Whoami } from '../lib/trpc';

export const whoamiQuery = () =>
  queryOptions({
    queryKey: WHOAMI_KEY,
    queryFn: (): Promise<Whoami> => api.account.whoami.query(),
    staleTime: 60_000,
  });

export function useWhoami() {
  return useQuery(whoamiQuery);
}

const ROLE_ORDER = { operator: 0, manager: 1, resident: 2 } as const;

/** The membership the dashboard works in: the most senior one. */
export function primaryMembership(who: SignedIn): MembershipInfo | undefined {
  return [...who.memberships].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])[0];
}

export function isStaff(m: MembershipInfo | undefined): boolean {
  return m?.role === 'operator' || m?.role === 'manager';
}

export function isOperator(who: SignedIn | null | undefined): boolean {
  return who?.memberships.some((m) => m.role === 'operator') ?? false;
}

/** Staff of the house: an operator of its organisation, or a manager covering it. */
export function managesHouse(
  who: SignedIn | null | undefined,
  houseId: string,
  organisationId?: string,
): boolean {
  return (
    who?.memberships.some(
      (m) =>
        (m.role === 'operator' &&
          (organisationId === undefined || m.organisationId === organisationId)) ||
        (m.role === 'manager' && m.houseIds.includes(houseId)),
    ) ?? false
  );
}

/** Where `/` sends someone. */
export function homePath(who: Whoami): string {
  if (!who) return '/sign-in';
  const m = primaryMembership(who);
  if (!m) return '/houses';
  if (m.role === 'resident') return '/me';
  // an operator starts with every house at a glance
  if (m.role === 'operator') return '/portfolio';
  const only = m.role === 'manager' && m.houseIds.length === 1 ? m.houseIds[0] : undefined;
  return only ? `/houses/${only}` : '/houses';
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function serverMessage(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'message' in body) {
      const message = body.message;
      return typeof message === 'string' && message ? message : null;
    }
  } catch {
    // not JSON: fall through to the generic message
  }
  return null;
}

/** Signs in; resolves to null on success or to the message to show. */
export async function signIn(email: string, password: string): Promise<string | null> {
  let response: Response;
  try {
    response = await postJson('/api/auth/sign-in/email', { email, password });
  } catch {
    return OFFLINE_MESSAGE;
  }
  if (response.status === 401) return 'Email or password is wrong';
  if (response.status === 429) return 'Too many attempts; wait a minute';
  if (!response.ok) {
    return (await serverMessage(response)) ?? `Could not sign in (error ${response.status}).`;
  }
  // another person may have used this browser: nothing of theirs stays cached
  await queryClient.resetQueries();
  return null;
}

export async function signOut(): Promise<void> {
  try {
    await postJson('/api/auth/sign-out', {});
  } finally {
    queryClient.setQueryData(WHOAMI_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== WHOAMI_KEY[0] });
    await queryClient.invalidateQueries();
  }
}
