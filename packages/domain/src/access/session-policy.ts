// How long a session lives. Staff handle sensitive records on shared and lost
// devices, so they are signed out soon after they stop using the product; a
// resident on their own phone stays signed in so a check-in never starts with a
// password.
import type { Actor } from './roles';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteMinutes: number;
}

export interface SessionPolicyConfig {
  staff: SessionPolicy;
  resident: SessionPolicy;
}

export const DEFAULT_SESSION_POLICY: SessionPolicyConfig = {
  staff: { idleMinutes: 30, absoluteMinutes: 12 * 60 },
  resident: { idleMinutes: 30 * 24 * 60, absoluteMinutes: 30 * 24 * 60 },
};

/** The strictest policy of any role the person holds applies. */
export function sessionPolicyFor(actor: Actor, config = DEFAULT_SESSION_POLICY): SessionPolicy {
  const isStaff = actor.memberships.some((m) => m.role !== 'resident');
  return isStaff || actor.memberships.length === 0 ? config.staff : config.resident;
}

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired';

export function sessionState(
  session: { createdAt: Date; lastActiveAt: Date },
  policy: SessionPolicy,
  now: Date,
): SessionState {
  const minute = 60_000;
  if (now.getTime() - session.createdAt.getTime() >= policy.absoluteMinutes * minute) {
    return 'absolute-expired';
  }
  if (now.getTime() - session.lastActiveAt.getTime() >= policy.idleMinutes * minute) {
    return 'idle-expired';
  }
  return 'active';
}

/**
 * Whether a request should record the session's activity. Recording it is a
 * write, so it is done once per thirtieth of the idle timeout (at least a
 * minute): a staff session once a minute, a resident's once a day. The idle
 * timeout then ends a session at most that much early, never late.
 */
export function shouldRecordActivity(
  session: { lastActiveAt: Date },
  policy: SessionPolicy,
  now: Date,
): boolean {
  const every = Math.max(60_000, (policy.idleMinutes * 60_000) / 30);
  return now.getTime() - session.lastActiveAt.getTime() >= every;
}
