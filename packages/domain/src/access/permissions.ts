// Every permission decision of the product, as pure functions. Procedures never
// check roles inline: base procedures call these.
import type { OfficePower } from '../meetings/officers';
import type { Actor, Membership, Role } from './roles';

export interface HouseRef {
  id: string;
  organisationId: string;
}

export interface ResidentRef {
  id: string;
  organisationId: string;
  houseId: string;
}

function membershipIn(actor: Actor | null, organisationId: string): Membership | undefined {
  return actor?.memberships.find((m) => m.organisationId === organisationId);
}

export function isOperatorOf(actor: Actor | null, organisationId: string): boolean {
  return membershipIn(actor, organisationId)?.role === 'operator';
}

/** Operators manage every house of their organisation; managers the houses listed. */
export function canManageHouse(actor: Actor | null, house: HouseRef): boolean {
  const m = membershipIn(actor, house.organisationId);
  if (!m) return false;
  if (m.role === 'operator') return true;
  return m.role === 'manager' && m.houseIds.includes(house.id);
}

/** Staff of the house, and residents living in it, see the house's shared information. */
export function canViewHouse(actor: Actor | null, house: HouseRef): boolean {
  if (canManageHouse(actor, house)) return true;
  const m = membershipIn(actor, house.organisationId);
  return m?.role === 'resident' && m.residentHouseId === house.id;
}

export function canCreateHouse(actor: Actor | null, organisationId: string): boolean {
  return isOperatorOf(actor, organisationId);
}

export function isSelf(actor: Actor | null, resident: ResidentRef): boolean {
  const m = membershipIn(actor, resident.organisationId);
  return m?.role === 'resident' && m.residentId === resident.id;
}

/** A resident's own record is theirs to see; staff see residents of houses they manage. */
export function canViewResident(actor: Actor | null, resident: ResidentRef): boolean {
  return isSelf(actor, resident) || canManageResident(actor, resident);
}

export function canManageResident(actor: Actor | null, resident: ResidentRef): boolean {
  return canManageHouse(actor, { id: resident.houseId, organisationId: resident.organisationId });
}

/**
 * Operators invite operators, managers and residents; managers invite residents
 * of their houses.
 */
export function canInvite(
  actor: Actor | null,
  organisationId: string,
  role: Role,
  houseIds: readonly string[],
): boolean {
  const m = membershipIn(actor, organisationId);
  if (!m) return false;
  if (m.role === 'operator') return true;
  if (m.role === 'manager') {
    return (
      role === 'resident' && houseIds.length > 0 && houseIds.every((h) => m.houseIds.includes(h))
    );
  }
  return false;
}

/** Organisations where the actor is staff (operator or manager). */
export function staffOrganisations(actor: Actor | null): string[] {
  return (actor?.memberships ?? [])
    .filter((m) => m.role === 'operator' || m.role === 'manager')
    .map((m) => m.organisationId);
}

/**
 * A resident living in the house who holds an office carrying `power` there
 * (the secretary takes the roll, the chore coordinator runs the rota).
 */
export function holdsPower(actor: Actor | null, house: HouseRef, power: OfficePower): boolean {
  const m = membershipIn(actor, house.organisationId);
  return (
    m?.role === 'resident' &&
    m.residentHouseId === house.id &&
    (m.officePowers ?? []).includes(power)
  );
}

/** Staff of the house, or the house officer whose office carries `power`. */
export function canActInHouse(actor: Actor | null, house: HouseRef, power: OfficePower): boolean {
  return canManageHouse(actor, house) || holdsPower(actor, house, power);
}
