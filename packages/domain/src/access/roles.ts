import type { OfficePower } from '../meetings/officers';

// Who a signed-in person is to the product: their memberships, and for each the
// houses it reaches. Built by the API from the database, decided on here.
export const ROLES = ['operator', 'manager', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  organisationId: string;
  role: Role;
  /** Houses a manager membership covers. Empty for other roles. */
  houseIds: readonly string[];
  /** For a resident membership: their resident record and its house. */
  residentId?: string | undefined;
  residentHouseId?: string | undefined;
  /** For a resident holding a house office today: the powers it carries in their house. */
  officePowers?: readonly OfficePower[] | undefined;
}

export interface Actor {
  userId: string;
  memberships: readonly Membership[];
}

export const ROLE_LABELS: Record<Role, string> = {
  operator: 'Operator',
  manager: 'House manager',
  resident: 'Resident',
};
