// The organisation's staff (operators and house managers): who may be given a
// house, who may be deactivated, and what a manager sees of their colleagues.
import * as z from 'zod';
import { id } from '../schemas';
import type { Role } from './roles';

export const STAFF_ROLES = ['operator', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export const staffListInput = z.strictObject({ organisationId: id.optional() }).optional();
export const staffMemberInput = z.strictObject({ organisationId: id.optional(), membershipId: id });
export const staffHouseInput = staffMemberInput.extend({ houseId: id });

export type StaffMemberInput = z.infer<typeof staffMemberInput>;
export type StaffHouseInput = z.infer<typeof staffHouseInput>;

export interface StaffMembership {
  membershipId: string;
  userId: string;
  role: StaffRole;
  deactivatedAt: Date | null;
}

/** Why houses cannot be given to this membership, or null when they can. */
export function whyNotAssign(target: StaffMembership): string | null {
  if (target.role === 'operator')
    return 'is an operator: operators already cover every house of the organisation.';
  if (target.deactivatedAt) return 'is deactivated: reactivate them before giving them a house.';
  return null;
}

/**
 * Why `actorUserId` may not deactivate `target` now, or null when they may.
 * An organisation always keeps an active operator, or nobody could manage its
 * staff again; and nobody locks themselves out by a slip of the finger.
 */
export function whyNotDeactivate(
  actorUserId: string,
  target: StaffMembership,
  activeOperators: number,
): string | null {
  if (target.userId === actorUserId)
    return 'is your own account: another operator has to deactivate it.';
  if (target.role === 'operator' && !target.deactivatedAt && activeOperators <= 1)
    return 'is the last active operator of the organisation, which always needs one.';
  return null;
}

/**
 * What a manager sees of a colleague: only the houses both cover, so the list
 * tells nobody about houses they do not run. Operators cover every house, so
 * every manager sees them.
 */
export function visibleToManager(
  colleague: { role: StaffRole; houseIds: readonly string[] },
  managerHouseIds: readonly string[],
): { visible: boolean; houseIds: string[] } {
  const shared = colleague.houseIds.filter((h) => managerHouseIds.includes(h));
  return { visible: colleague.role === 'operator' || shared.length > 0, houseIds: shared };
}
