// The two pages the front-end budgets hold to, and how to open them signed in on
// a demo server (SEED_DEMO=true): the resident's home with the daily check-in,
// and the manager's house page.
export type PageRoute = 'resident' | 'manager';

export const PAGE_ROUTES: readonly PageRoute[] = ['resident', 'manager'];

export const DEMO_LOGINS: Record<PageRoute, string> = {
  resident: 'resident@example.org',
  manager: 'manager@example.org',
};
const DEMO_PASSWORD = 'porchlight-demo';

export function pagePath(route: PageRoute, houseId: string): string {
  return route === 'resident' ? '/me' : `/houses/${houseId}`;
}

/** Signs in through the auth API and returns the session cookie as a `Cookie` header value. */
export async function signInCookie(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(new URL('/api/auth/sign-in/email', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}`);
  // name=value of each cookie, without its attributes
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length === 0) throw new Error(`sign-in as ${email} set no cookie`);
  return cookies.join('; ');
}

/** The first house the signed-in manager sees. */
export async function firstHouseId(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(new URL('/trpc/houses.list?input=%7B%7D', baseUrl), {
    headers: { cookie },
  });
  if (!res.ok) throw new Error(`houses.list answered ${res.status}`);
  const body = (await res.json()) as { result: { data: { items: Array<{ id: string }> } } };
  const id = body.result.data.items[0]?.id;
  if (!id) throw new Error('the manager sees no house');
  return id;
}
