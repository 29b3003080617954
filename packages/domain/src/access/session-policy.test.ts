import { describe, expect, test } from 'vitest';
import type { Actor, Membership } from './roles';
import {
  DEFAULT_SESSION_POLICY,
  sessionPolicyFor,
  sessionState,
  shouldRecordActivity,
  type SessionPolicyConfig,
} from './session-policy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function actorWith(...memberships: Membership[]): Actor {
  return { userId: 'user-1', memberships };
}

const operator: Membership = { organisationId: 'org-a', role: 'operator', houseIds: [] };
const manager: Membership = { organisationId: 'org-a', role: 'manager', houseIds: ['house-1'] };
const residentElsewhere: Membership = {
  organisationId: 'org-b',
  role: 'resident',
  houseIds: [],
  residentId: 'res-1',
  residentHouseId: 'house-9',
};

/** A session that began `ageMs` before `now` and was last used `idleMs` before `now`. */
function sessionAt(now: Date, ageMs: number, idleMs: number) {
  return {
    createdAt: new Date(now.getTime() - ageMs),
    lastActiveAt: new Date(now.getTime() - idleMs),
  };
}

describe('sessionPolicyFor', () => {
  const config: SessionPolicyConfig = {
    staff: { idleMinutes: 15, absoluteMinutes: 60 },
    resident: { idleMinutes: 1000, absoluteMinutes: 2000 },
  };

  test('operators and managers get the staff policy', () => {
    expect(sessionPolicyFor(actorWith(operator), config)).toBe(config.staff);
    expect(sessionPolicyFor(actorWith(manager), config)).toBe(config.staff);
  });

  test('a person who is only a resident gets the resident policy', () => {
    expect(sessionPolicyFor(actorWith(residentElsewhere), config)).toBe(config.resident);
  });

  test('a person who is both resident and manager gets the staff policy, in either order', () => {
    expect(sessionPolicyFor(actorWith(residentElsewhere, manager), config)).toBe(config.staff);
    expect(sessionPolicyFor(actorWith(manager, residentElsewhere), config)).toBe(config.staff);
  });

  test('a person with no memberships gets the staff policy', () => {
    expect(sessionPolicyFor(actorWith(), config)).toBe(config.staff);
  });
});

describe('a staff session under the default policy', () => {
  const policy = sessionPolicyFor(actorWith(manager));
  const now = new Date('2026-03-12T15:00:00Z');

  test('is still active after 29 minutes without use', () => {
    expect(sessionState(sessionAt(now, 29 * MINUTE, 29 * MINUTE), policy, now)).toBe('active');
  });

  test('expires after 30 minutes without use', () => {
    expect(sessionState(sessionAt(now, 30 * MINUTE, 30 * MINUTE), policy, now)).toBe(
      'idle-expired',
    );
  });

  test('expires after 30 idle minutes even when it began hours ago and was used since', () => {
    expect(sessionState(sessionAt(now, 5 * HOUR, 30 * MINUTE), policy, now)).toBe('idle-expired');
  });

  test('is active just under 12 hours after sign-in while in use', () => {
    expect(sessionState(sessionAt(now, 12 * HOUR - MINUTE, MINUTE), policy, now)).toBe('active');
  });

  test('expires 12 hours after sign-in even when used a minute ago', () => {
    expect(sessionState(sessionAt(now, 12 * HOUR, MINUTE), policy, now)).toBe('absolute-expired');
  });

  test('applies the same limits to an operator and to a person with no memberships', () => {
    for (const actor of [actorWith(operator), actorWith()]) {
      const own = sessionPolicyFor(actor);
      expect(sessionState(sessionAt(now, 30 * MINUTE, 30 * MINUTE), own, now)).toBe('idle-expired');
      expect(sessionState(sessionAt(now, 12 * HOUR, MINUTE), own, now)).toBe('absolute-expired');
    }
  });
});

describe('a resident session under the default policy', () => {
  const policy = sessionPolicyFor(actorWith(residentElsewhere));
  const now = new Date('2026-03-12T15:00:00Z');

  test('outlasts the staff idle limit', () => {
    expect(sessionState(sessionAt(now, 31 * MINUTE, 31 * MINUTE), policy, now)).toBe('active');
    expect(sessionState(sessionAt(now, 13 * HOUR, 13 * HOUR), policy, now)).toBe('active');
  });

  test('stays signed in 29 days after sign-in without use', () => {
    expect(sessionState(sessionAt(now, 29 * DAY, 29 * DAY), policy, now)).toBe('active');
  });

  test('is signed out 30 days after sign-in', () => {
    expect(sessionState(sessionAt(now, 30 * DAY, 30 * DAY), policy, now)).toBe('absolute-expired');
  });

  test('is signed out 30 days after sign-in even when used yesterday', () => {
    expect(sessionState(sessionAt(now, 30 * DAY, DAY), policy, now)).toBe('absolute-expired');
  });
});

describe('a resident who is also a manager elsewhere', () => {
  test('is signed out after 30 idle minutes, like staff', () => {
    const policy = sessionPolicyFor(actorWith(residentElsewhere, manager));
    const now = new Date('2026-03-12T15:00:00Z');
    expect(sessionState(sessionAt(now, 30 * MINUTE, 30 * MINUTE), policy, now)).toBe(
      'idle-expired',
    );
  });
});

describe('recording activity', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const idle = (ms: number) => ({ lastActiveAt: new Date(now.getTime() - ms) });
  test('a staff session records activity once a minute', () => {
    const staff = DEFAULT_SESSION_POLICY.staff;
    expect(shouldRecordActivity(idle(59_000), staff, now)).toBe(false);
    expect(shouldRecordActivity(idle(MINUTE), staff, now)).toBe(true);
  });
  test('a resident session, idle for 30 days, records it once a day', () => {
    const resident = DEFAULT_SESSION_POLICY.resident;
    expect(shouldRecordActivity(idle(23 * HOUR), resident, now)).toBe(false);
    expect(shouldRecordActivity(idle(DAY), resident, now)).toBe(true);
  });
});
