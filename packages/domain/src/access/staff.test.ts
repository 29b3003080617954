import { describe, expect, test } from 'vitest';
import {
  staffHouseInput,
  visibleToManager,
  whyNotAssign,
  whyNotDeactivate,
  type StaffMembership,
} from './staff';

const manager: StaffMembership = {
  membershipId: 'm-1',
  userId: 'u-manager',
  role: 'manager',
  deactivatedAt: null,
};
const operator: StaffMembership = {
  membershipId: 'm-2',
  userId: 'u-operator',
  role: 'operator',
  deactivatedAt: null,
};

describe('giving a house to a staff member', () => {
  test('an active manager can be given a house', () => {
    expect(whyNotAssign(manager)).toBeNull();
  });

  test('an operator already covers every house, so is never given one', () => {
    expect(whyNotAssign(operator)).toMatch(/operator/);
  });

  test('a deactivated manager must be reactivated first', () => {
    expect(whyNotAssign({ ...manager, deactivatedAt: new Date() })).toMatch(/deactivated/);
  });
});

describe('deactivating a staff member', () => {
  test('an operator can deactivate a manager', () => {
    expect(whyNotDeactivate('u-operator', manager, 1)).toBeNull();
  });

  test('nobody deactivates their own account', () => {
    expect(whyNotDeactivate('u-operator', operator, 3)).toMatch(/your own account/);
  });

  test('the last active operator stays, whoever asks', () => {
    expect(whyNotDeactivate('u-other', operator, 1)).toMatch(/last active operator/);
    expect(whyNotDeactivate('u-other', operator, 2)).toBeNull();
  });
});

describe('what a manager sees of a colleague', () => {
  test('a colleague sharing a house is seen, with only the shared houses', () => {
    expect(
      visibleToManager({ role: 'manager', houseIds: ['maple', 'cedar'] }, ['cedar', 'oak']),
    ).toEqual({ visible: true, houseIds: ['cedar'] });
  });

  test('a manager of other houses only is not seen', () => {
    expect(visibleToManager({ role: 'manager', houseIds: ['maple'] }, ['oak'])).toEqual({
      visible: false,
      houseIds: [],
    });
  });

  test('operators cover every house, so every manager sees them', () => {
    expect(visibleToManager({ role: 'operator', houseIds: [] }, ['oak']).visible).toBe(true);
  });
});

test('the house input names a membership and a house, and nothing else', () => {
  expect(staffHouseInput.safeParse({ membershipId: 'm', houseId: 'h' }).success).toBe(true);
  const extra = staffHouseInput.safeParse({ membershipId: 'm', houseId: 'h', role: 'operator' });
  expect(extra.success).toBe(false);
  const missing = staffHouseInput.safeParse({ membershipId: 'm' });
  expect(missing.error?.issues[0]?.path).toEqual(['houseId']);
});
