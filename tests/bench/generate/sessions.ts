// Signed-in sessions for the load test, written straight into the sessions
// table, and the cookies a browser would send for them: better-auth's own
// signature of the token under the server's secret, after a dot, URI-encoded
// (as better-call's signCookieValue does): `better-auth.session_token=<token>.<signature>`.
import { randomBytes } from 'node:crypto';
import { makeSignature } from 'better-auth/crypto';
import type { Client, InStatement } from '@libsql/client';

/** The secret the benchmark gives the server (PORCHLIGHT_SECRET); at least 32 characters. */
export const BENCH_SECRET = 'porchlight-bench-secret-0123456789-not-for-production';
export const SESSION_COOKIE = 'better-auth.session_token';

export async function signedCookieValue(token: string, secret: string): Promise<string> {
  return encodeURIComponent(`${token}.${await makeSignature(token, secret)}`);
}

/** The Cookie header of a session. */
export async function sessionCookie(token: string, secret = BENCH_SECRET): Promise<string> {
  return `${SESSION_COOKIE}=${await signedCookieValue(token, secret)}`;
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
