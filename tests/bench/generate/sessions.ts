// Signed-in sessions for the load test, written straight into the sessions
// table, and the cookies a browser would send for them. better-auth (through
// better-call's signCookieValue) signs the session token with HMAC-SHA256 under
// the server's secret, appends the base64 signature after a dot, and
// URI-encodes the lot: `better-auth.session_token=<token>.<signature>`.
import { createHmac, randomBytes } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';

/** The secret the benchmark gives the server (PORCHLIGHT_SECRET); at least 32 characters. */
export const BENCH_SECRET = 'porchlight-bench-secret-0123456789-not-for-production';
export const SESSION_COOKIE = 'better-auth.session_token';

export function signedCookieValue(token: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return encodeURIComponent(`${token}.${signature}`);
}

/** The Cookie header of a session. */
export function sessionCookie(token: string, secret = BENCH_SECRET): string {
  return `${SESSION_COOKIE}=${signedCookieValue(token, secret)}`;
}

export interface BenchSession {
  id: string;
  token: string;
  userId: string;
}

/** A session token like better-auth's own: 32 characters of [a-zA-Z0-9]. */
export function newToken(): string {
  return randomBytes(24).toString('base64url').replace(/[-_]/g, 'x').slice(0, 32);
}

/**
 * (Re)writes the sessions, just signed in: staff sessions end 30 idle minutes
 * and 12 hours after they start, so they are made fresh whenever the fixture
 * is handed out, with the same tokens (and so the same cookies).
 */
export async function writeSessions(
  client: Client,
  sessions: readonly BenchSession[],
  now = Date.now(),
) {
  const expiresAt = now + 365 * 86_400_000;
  const statements: InStatement[] = [
    {
      sql: "DELETE FROM sessions WHERE user_agent = 'porchlight-bench'",
      args: [],
    },
  ];
  for (let i = 0; i < sessions.length; i += 400) {
    const chunk = sessions.slice(i, i + 400);
    statements.push({
      sql: `INSERT INTO sessions (id, expires_at, token, created_at, updated_at, ip_address, user_agent, user_id) VALUES ${chunk
        .map(() => "(?, ?, ?, ?, ?, '127.0.0.1', 'porchlight-bench', ?)")
        .join(',')}`,
      args: chunk.flatMap((s) => [s.id, expiresAt, s.token, now, now, s.userId]),
    });
  }
  await client.batch(statements, 'write');
}
