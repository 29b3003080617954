// better-auth, stored in the product database through its drizzle adapter.
// Accounts are only made through invites (see services/invites.ts), so public
// sign-up is off.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq, preparedQuery, schema, sql, type Db } from '@porchlight/db';
import { PASSWORD_MAX, PASSWORD_MIN, DEFAULT_SESSION_POLICY } from '@porchlight/domain';

/** The header the server sets from the socket address; any incoming copy is dropped. */
export const CLIENT_IP_HEADER = 'x-porchlight-client-ip';

export interface AuthConfig {
  secret: string;
  baseURL: string;
  /** Sign-in attempts allowed per address per minute. */
  signInAttemptsPerMinute: number;
  trustedOrigins: (request: Request | undefined) => string[];
}

/** Sign-ins and sign-outs join every other change in the audit log. */
async function recordAuthEvent(
  db: Db,
  action: string,
  session: { id: string; userId: string; ipAddress?: string | null | undefined },
) {
  await db.insert(schema.auditLog).values({
    at: new Date(),
    organisationId: null,
    actorUserId: session.userId,
    action,
    recordType: 'session',
    recordId: session.id,
    ip: session.ipAddress ?? null,
  });
}

/**
 * A sign-in that failed (a wrong password, an unknown email, a deactivated
 * account) joins the audit log with the address it came from and the email it
 * named, under the account that email belongs to, if any. Refusals of the rate
 * limit are not written one by one: the limit exists so that a flood stays out.
 */
export async function recordFailedSignIn(
  db: Db,
  attempt: { email: unknown; status: number; ip: string | null; requestId: string },
) {
  const email =
    typeof attempt.email === 'string' ? attempt.email.trim().toLowerCase().slice(0, 254) : null;
  // the account the email names, with each organisation it belongs to, in one read
  const rows = email
    ? await db
        .select({ userId: schema.users.id, organisationId: schema.memberships.organisationId })
        .from(schema.users)
        .leftJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
        .where(eq(schema.users.email, email))
    : [];
  const userId = rows[0]?.userId ?? null;
  // shown to the operators of the account's organisation, when it has exactly one
  const organisations = [
    ...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []))),
  ];
  await db.insert(schema.auditLog).values({
    at: new Date(),
    organisationId: organisations.length === 1 ? (organisations[0] ?? null) : null,
    actorUserId: userId,
    action: 'auth.signInFailed',
    recordType: 'session',
    recordId: null,
    requestId: attempt.requestId,
    ip: attempt.ip,
    details: { email, status: attempt.status },
  });
}

const DEACTIVATED_MESSAGE =
  'This account has been deactivated. Ask an operator of your organisation if you need it again.';

async function allMembershipsDeactivated(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ deactivatedAt: schema.memberships.deactivatedAt })
    .from(schema.memberships)
    .where(eq(schema.memberships.userId, userId));
  return rows.length > 0 && rows.every((r) => r.deactivatedAt !== null);
}

const HOST_PREFIX = '__Host-';

export function createAuth(db: Db, config: AuthConfig) {
  const tls = config.baseURL.startsWith('https://');
  return betterAuth({
    appName: 'Porchlight',
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: '/api/auth',
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        rateLimit: schema.rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
    },
    session: {
      // the longest any role may keep a session; shorter staff limits and idle
      // timeouts are enforced per request by the API context
      expiresIn: DEFAULT_SESSION_POLICY.resident.absoluteMinutes * 60,
      disableSessionRefresh: true,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInAttemptsPerMinute },
      },
    },
    trustedOrigins: (request) => config.trustedOrigins(request),
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // over TLS the session cookie is a __Host- cookie (Secure, Path=/, no Domain: no other
      // host or plain-HTTP page can set or read it), not better-auth's __Secure- one
      useSecureCookies: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: tls },
      ...(tls
        ? {
            cookies: {
              session_token: {
                name: `${HOST_PREFIX}better-auth.session_token`,
                attributes: { secure: true, path: '/' },
              },
            },
          }
        : {}),
    },
    databaseHooks: {
      session: {
        create: {
          // the password was right, but nobody is let in whose every membership
          // has been deactivated (see services/staff.ts)
          before: async (session) => {
            if (await allMembershipsDeactivated(db, session.userId))
              throw new APIError('FORBIDDEN', { message: DEACTIVATED_MESSAGE });
          },
          after: async (session) => {
            await recordAuthEvent(db, 'auth.signIn', session);
          },
        },
        delete: {
          after: async (session) => {
            await recordAuthEvent(db, 'auth.signOut', session);
          },
        },
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const sessionByTokenQuery = preparedQuery((db) =>
  db
    .select({
      id: schema.sessions.id,
      userId: schema.sessions.userId,
      createdAt: schema.sessions.createdAt,
      updatedAt: schema.sessions.updatedAt,
      expiresAt: schema.sessions.expiresAt,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.token, sql.placeholder('token')))
    .prepare(),
);

/**
 * The session a (verified) session token names, with its user, in one prepared
 * read: what better-auth's getSession looks up, for the server's fast path.
 */
export async function sessionByToken(db: Db, token: string) {
  return (await sessionByTokenQuery(db).get({ token })) ?? null;
}
