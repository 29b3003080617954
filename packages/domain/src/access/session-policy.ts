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
