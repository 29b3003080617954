import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  canActInHouse,
  canCreateHouse,
  holdsPower,
  canInvite,
  canManageHouse,
  canManageResident,
  canViewHouse,
  canViewResident,
  isOperatorOf,
  isSelf,
  staffOrganisations,
  type HouseRef,
  type ResidentRef,
} from './permissions';
import { ROLES, type Actor, type Membership } from './roles';

function operatorOf(organisationId: string): Membership {
  return { organisationId, role: 'operator', houseIds: [] };
}

function managerOf(organisationId: string, houseIds: readonly string[]): Membership {
  return { organisationId, role: 'manager', houseIds };
}

function residentOf(
  organisationId: string,
  residentId: string,
  residentHouseId: string,
): Membership {
  return { organisationId, role: 'resident', houseIds: [], residentId, residentHouseId };
}

function actorWith(...memberships: Membership[]): Actor {
  return { userId: 'user-1', memberships };
}

function house(organisationId: string, id: string): HouseRef {
  return { organisationId, id };
}

function resident(organisationId: string, houseId: string, id: string): ResidentRef {
  return { organisationId, houseId, id };
}

describe('isOperatorOf', () => {
  test('an operator is the operator of their own organisation', () => {
    expect(isOperatorOf(actorWith(operatorOf('org-a')), 'org-a')).toBe(true);
  });

  test('an operator is not the operator of another organisation', () => {
    expect(isOperatorOf(actorWith(operatorOf('org-a')), 'org-b')).toBe(false);
  });

  test('managers and residents are not operators', () => {
    expect(isOperatorOf(actorWith(managerOf('org-a', ['house-1'])), 'org-a')).toBe(false);
    expect(isOperatorOf(actorWith(residentOf('org-a', 'res-1', 'house-1')), 'org-a')).toBe(false);
  });
});

describe('canCreateHouse', () => {
  test('an operator can create houses in their organisation only', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canCreateHouse(operator, 'org-a')).toBe(true);
    expect(canCreateHouse(operator, 'org-b')).toBe(false);
  });

  test('a manager cannot create houses, even in their own organisation', () => {
    expect(canCreateHouse(actorWith(managerOf('org-a', ['house-1'])), 'org-a')).toBe(false);
  });

  test('a resident cannot create houses', () => {
    expect(canCreateHouse(actorWith(residentOf('org-a', 'res-1', 'house-1')), 'org-a')).toBe(false);
  });
});

describe('canManageHouse', () => {
  test('an operator manages every house of their organisation', () => {
    const operator = actorWith(operatorOf('org-a'));
    for (const id of ['house-1', 'house-2', 'house-3']) {
      expect(canManageHouse(operator, house('org-a', id))).toBe(true);
    }
  });

  test('an operator manages no house of another organisation', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canManageHouse(operator, house('org-b', 'house-1'))).toBe(false);
    expect(canManageHouse(operator, house('org-b', 'house-9'))).toBe(false);
  });

  test('a manager manages the houses listed on their membership', () => {
    const manager = actorWith(managerOf('org-a', ['house-1', 'house-2']));
    expect(canManageHouse(manager, house('org-a', 'house-1'))).toBe(true);
    expect(canManageHouse(manager, house('org-a', 'house-2'))).toBe(true);
  });

  test('a manager does not manage an unlisted house of their organisation', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canManageHouse(manager, house('org-a', 'house-2'))).toBe(false);
  });

  test('a manager with no listed houses manages no house', () => {
    const manager = actorWith(managerOf('org-a', []));
    expect(canManageHouse(manager, house('org-a', 'house-1'))).toBe(false);
  });

  test('a manager does not manage a house of another organisation with a listed id', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canManageHouse(manager, house('org-b', 'house-1'))).toBe(false);
  });

  test('a resident never manages a house, not even their own', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canManageHouse(living, house('org-a', 'house-1'))).toBe(false);
    expect(canManageHouse(living, house('org-a', 'house-2'))).toBe(false);
  });
});

describe('canViewHouse', () => {
  test('an operator views every house of their organisation and none of another', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canViewHouse(operator, house('org-a', 'house-1'))).toBe(true);
    expect(canViewHouse(operator, house('org-a', 'house-2'))).toBe(true);
    expect(canViewHouse(operator, house('org-b', 'house-1'))).toBe(false);
  });

  test('a manager views only the houses they manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canViewHouse(manager, house('org-a', 'house-1'))).toBe(true);
    expect(canViewHouse(manager, house('org-a', 'house-2'))).toBe(false);
    expect(canViewHouse(manager, house('org-b', 'house-1'))).toBe(false);
  });

  test('a resident views the house they live in', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canViewHouse(living, house('org-a', 'house-1'))).toBe(true);
  });

  test('a resident does not view another house of their organisation', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canViewHouse(living, house('org-a', 'house-2'))).toBe(false);
  });

  test('a resident does not view a house of another organisation with the same id', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canViewHouse(living, house('org-b', 'house-1'))).toBe(false);
  });

  test('a resident membership without a house views no house', () => {
    const unhoused = actorWith({ organisationId: 'org-a', role: 'resident', houseIds: [] });
    expect(canViewHouse(unhoused, house('org-a', 'house-1'))).toBe(false);
  });
});

describe('isSelf', () => {
  test('a resident is themselves', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(isSelf(living, resident('org-a', 'house-1', 'res-1'))).toBe(true);
  });

  test('a resident is not another resident of the same house', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(isSelf(living, resident('org-a', 'house-1', 'res-2'))).toBe(false);
  });

  test('a resident record with the same id in another organisation is not them', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(isSelf(living, resident('org-b', 'house-1', 'res-1'))).toBe(false);
  });

  test('a manager is never a resident record', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(isSelf(manager, resident('org-a', 'house-1', 'res-1'))).toBe(false);
  });
});

describe('canViewResident', () => {
  test('a resident can view their own record', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canViewResident(living, resident('org-a', 'house-1', 'res-1'))).toBe(true);
  });

  test('a resident cannot view another resident, even a housemate', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    expect(canViewResident(living, resident('org-a', 'house-1', 'res-2'))).toBe(false);
  });

  test('a manager can view a resident of a house they manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canViewResident(manager, resident('org-a', 'house-1', 'res-1'))).toBe(true);
  });

  test('a manager cannot view a resident of a house they do not manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canViewResident(manager, resident('org-a', 'house-2', 'res-1'))).toBe(false);
  });

  test('an operator can view any resident of their organisation', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canViewResident(operator, resident('org-a', 'house-1', 'res-1'))).toBe(true);
    expect(canViewResident(operator, resident('org-a', 'house-7', 'res-2'))).toBe(true);
  });

  test('an operator cannot view a resident of another organisation', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canViewResident(operator, resident('org-b', 'house-1', 'res-1'))).toBe(false);
  });
});

describe('canManageResident', () => {
  test('staff of the resident’s house manage the resident', () => {
    const record = resident('org-a', 'house-1', 'res-1');
    expect(canManageResident(actorWith(operatorOf('org-a')), record)).toBe(true);
    expect(canManageResident(actorWith(managerOf('org-a', ['house-1'])), record)).toBe(true);
  });

  test('a manager of another house does not manage the resident', () => {
    const manager = actorWith(managerOf('org-a', ['house-2']));
    expect(canManageResident(manager, resident('org-a', 'house-1', 'res-1'))).toBe(false);
  });

  test('a resident can view but not manage their own record', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    const own = resident('org-a', 'house-1', 'res-1');
    expect(canViewResident(living, own)).toBe(true);
    expect(canManageResident(living, own)).toBe(false);
  });
});

describe('canInvite', () => {
  test('an operator can invite operators, managers and residents', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canInvite(operator, 'org-a', 'manager', ['house-1'])).toBe(true);
    expect(canInvite(operator, 'org-a', 'resident', ['house-1'])).toBe(true);
    expect(canInvite(operator, 'org-a', 'operator', [])).toBe(true);
  });

  test('a manager cannot invite an operator', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'operator', [])).toBe(false);
  });

  test('an operator cannot invite anyone into another organisation', () => {
    const operator = actorWith(operatorOf('org-a'));
    expect(canInvite(operator, 'org-b', 'manager', ['house-1'])).toBe(false);
    expect(canInvite(operator, 'org-b', 'resident', ['house-1'])).toBe(false);
  });

  test('a manager can invite a resident to a house they manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1', 'house-2']));
    expect(canInvite(manager, 'org-a', 'resident', ['house-1'])).toBe(true);
    expect(canInvite(manager, 'org-a', 'resident', ['house-1', 'house-2'])).toBe(true);
  });

  test('a manager cannot invite another manager, even to their own house', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'manager', ['house-1'])).toBe(false);
  });

  test('a manager cannot invite an operator', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'operator', ['house-1'])).toBe(false);
  });

  test('a manager cannot invite a resident without naming a house', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'resident', [])).toBe(false);
  });

  test('a manager cannot invite a resident to a house they do not manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'resident', ['house-2'])).toBe(false);
  });

  test('a manager cannot invite a resident when any named house is not theirs', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-a', 'resident', ['house-1', 'house-2'])).toBe(false);
  });

  test('a manager cannot invite into another organisation with house ids they manage', () => {
    const manager = actorWith(managerOf('org-a', ['house-1']));
    expect(canInvite(manager, 'org-b', 'resident', ['house-1'])).toBe(false);
  });

  test('a resident cannot invite anyone', () => {
    const living = actorWith(residentOf('org-a', 'res-1', 'house-1'));
    for (const role of ROLES) {
      expect(canInvite(living, 'org-a', role, ['house-1'])).toBe(false);
    }
  });
});

describe('staffOrganisations', () => {
  test('lists the organisations where the person is operator or manager', () => {
    const actor = actorWith(operatorOf('org-a'), managerOf('org-b', ['house-1']));
    expect(staffOrganisations(actor)).toEqual(['org-a', 'org-b']);
  });

  test('leaves out organisations where the person is only a resident', () => {
    const actor = actorWith(
      residentOf('org-a', 'res-1', 'house-1'),
      managerOf('org-b', ['house-1']),
    );
    expect(staffOrganisations(actor)).toEqual(['org-b']);
  });

  test('is empty for a resident or for a person with no memberships', () => {
    expect(staffOrganisations(actorWith(residentOf('org-a', 'res-1', 'house-1')))).toEqual([]);
    expect(staffOrganisations(actorWith())).toEqual([]);
  });
});

describe('a person with memberships in two organisations', () => {
  test('an operator of one and resident of another is staff only where they operate', () => {
    const actor = actorWith(operatorOf('org-a'), residentOf('org-b', 'res-1', 'house-b1'));

    expect(canManageHouse(actor, house('org-a', 'house-a1'))).toBe(true);
    expect(canCreateHouse(actor, 'org-a')).toBe(true);
    expect(canInvite(actor, 'org-a', 'manager', ['house-a1'])).toBe(true);

    expect(canManageHouse(actor, house('org-b', 'house-b1'))).toBe(false);
    expect(canViewHouse(actor, house('org-b', 'house-b1'))).toBe(true);
    expect(canViewHouse(actor, house('org-b', 'house-b2'))).toBe(false);
    expect(canCreateHouse(actor, 'org-b')).toBe(false);
    expect(canInvite(actor, 'org-b', 'resident', ['house-b1'])).toBe(false);
    expect(canViewResident(actor, resident('org-b', 'house-b1', 'res-1'))).toBe(true);
    expect(canViewResident(actor, resident('org-b', 'house-b1', 'res-2'))).toBe(false);
    expect(staffOrganisations(actor)).toEqual(['org-a']);
  });

  test('a manager in one and operator in another gets each organisation’s rules', () => {
    const actor = actorWith(managerOf('org-a', ['house-1']), operatorOf('org-b'));

    expect(canManageHouse(actor, house('org-a', 'house-1'))).toBe(true);
    expect(canManageHouse(actor, house('org-a', 'house-2'))).toBe(false);
    expect(canInvite(actor, 'org-a', 'manager', ['house-1'])).toBe(false);
    expect(canCreateHouse(actor, 'org-a')).toBe(false);

    expect(canManageHouse(actor, house('org-b', 'house-2'))).toBe(true);
    expect(canInvite(actor, 'org-b', 'manager', ['house-2'])).toBe(true);
    expect(canCreateHouse(actor, 'org-b')).toBe(true);
  });

  test('a resident in one and manager in another does not manage their own house', () => {
    const actor = actorWith(
      residentOf('org-a', 'res-1', 'house-1'),
      managerOf('org-b', ['house-1']),
    );

    expect(canManageHouse(actor, house('org-a', 'house-1'))).toBe(false);
    expect(canManageResident(actor, resident('org-a', 'house-1', 'res-1'))).toBe(false);
    expect(canInvite(actor, 'org-a', 'resident', ['house-1'])).toBe(false);

    expect(canManageHouse(actor, house('org-b', 'house-1'))).toBe(true);
    expect(canInvite(actor, 'org-b', 'resident', ['house-1'])).toBe(true);
  });
});

describe('a signed-out visitor (null actor)', () => {
  const someHouse = house('org-a', 'house-1');
  const someResident = resident('org-a', 'house-1', 'res-1');

  test.each([
    ['isOperatorOf', () => isOperatorOf(null, 'org-a')],
    ['canCreateHouse', () => canCreateHouse(null, 'org-a')],
    ['canManageHouse', () => canManageHouse(null, someHouse)],
    ['canViewHouse', () => canViewHouse(null, someHouse)],
    ['isSelf', () => isSelf(null, someResident)],
    ['canViewResident', () => canViewResident(null, someResident)],
    ['canManageResident', () => canManageResident(null, someResident)],
    ['canInvite a manager', () => canInvite(null, 'org-a', 'manager', ['house-1'])],
    ['canInvite a resident', () => canInvite(null, 'org-a', 'resident', ['house-1'])],
  ])('is denied by %s', (_name, decide) => {
    expect(decide()).toBe(false);
  });

  test('is staff of no organisation', () => {
    expect(staffOrganisations(null)).toEqual([]);
  });
});

describe('properties over random actors and houses', () => {
  const organisationIds = ['org-a', 'org-b', 'org-c', 'org-d'] as const;
  const houseIds = ['house-1', 'house-2', 'house-3'] as const;
  const residentIds = ['res-1', 'res-2'] as const;

  const organisationArb = fc.constantFrom(...organisationIds);
  const houseIdArb = fc.constantFrom(...houseIds);
  const residentIdArb = fc.constantFrom(...residentIds);

  const membershipArb: fc.Arbitrary<Membership> = fc.oneof(
    organisationArb.map(operatorOf),
    fc
      .tuple(organisationArb, fc.subarray([...houseIds]))
      .map(([organisationId, ids]) => managerOf(organisationId, ids)),
    fc
      .tuple(organisationArb, residentIdArb, houseIdArb)
      .map(([organisationId, residentId, houseId]) =>
        residentOf(organisationId, residentId, houseId),
      ),
  );

  // One membership per organisation, as the database enforces.
  const actorArb: fc.Arbitrary<Actor | null> = fc.option(
    fc
      .uniqueArray(membershipArb, { selector: (m) => m.organisationId, maxLength: 3 })
      .map((memberships) => actorWith(...memberships)),
    { nil: null },
  );

  const houseArb = fc.tuple(organisationArb, houseIdArb).map(([o, h]) => house(o, h));
  const residentArb = fc
    .tuple(organisationArb, houseIdArb, residentIdArb)
    .map(([o, h, r]) => resident(o, h, r));
  const roleArb = fc.constantFrom(...ROLES);

  function isMemberOf(actor: Actor | null, organisationId: string): boolean {
    return actor?.memberships.some((m) => m.organisationId === organisationId) ?? false;
  }

  test('whoever manages a house can view it', () => {
    fc.assert(
      fc.property(actorArb, houseArb, (actor, target) => {
        if (canManageHouse(actor, target)) expect(canViewHouse(actor, target)).toBe(true);
      }),
    );
  });

  test('whoever manages a resident can view them', () => {
    fc.assert(
      fc.property(actorArb, residentArb, (actor, target) => {
        if (canManageResident(actor, target)) expect(canViewResident(actor, target)).toBe(true);
      }),
    );
  });

  test('nothing is allowed in an organisation where the person has no membership', () => {
    fc.assert(
      fc.property(
        actorArb,
        houseArb,
        residentArb,
        roleArb,
        fc.subarray([...houseIds]),
        (actor, targetHouse, targetResident, role, inviteHouseIds) => {
          if (!isMemberOf(actor, targetHouse.organisationId)) {
            const org = targetHouse.organisationId;
            expect(canManageHouse(actor, targetHouse)).toBe(false);
            expect(canViewHouse(actor, targetHouse)).toBe(false);
            expect(canCreateHouse(actor, org)).toBe(false);
            expect(isOperatorOf(actor, org)).toBe(false);
            expect(canInvite(actor, org, role, inviteHouseIds)).toBe(false);
            expect(staffOrganisations(actor)).not.toContain(org);
          }
          if (!isMemberOf(actor, targetResident.organisationId)) {
            expect(isSelf(actor, targetResident)).toBe(false);
            expect(canViewResident(actor, targetResident)).toBe(false);
            expect(canManageResident(actor, targetResident)).toBe(false);
          }
        },
      ),
    );
  });

  test('each organisation is decided by the membership in that organisation alone', () => {
    fc.assert(
      fc.property(
        actorArb,
        houseArb,
        residentIdArb,
        roleArb,
        fc.subarray([...houseIds]),
        (actor, targetHouse, residentId, role, inviteHouseIds) => {
          const org = targetHouse.organisationId;
          const onlyThere =
            actor && actorWith(...actor.memberships.filter((m) => m.organisationId === org));
          const targetResident = resident(org, targetHouse.id, residentId);

          expect(canManageHouse(actor, targetHouse)).toBe(canManageHouse(onlyThere, targetHouse));
          expect(canViewHouse(actor, targetHouse)).toBe(canViewHouse(onlyThere, targetHouse));
          expect(canViewResident(actor, targetResident)).toBe(
            canViewResident(onlyThere, targetResident),
          );
          expect(canInvite(actor, org, role, inviteHouseIds)).toBe(
            canInvite(onlyThere, org, role, inviteHouseIds),
          );
        },
      ),
    );
  });
});

describe('house officers', () => {
  const secretary = actorWith({
    ...residentOf('org-a', 'res-1', 'house-1'),
    officePowers: ['minutes', 'attendance', 'chair'],
  });

  test('an officer holds the powers of their office in their own house only', () => {
    expect(holdsPower(secretary, house('org-a', 'house-1'), 'minutes')).toBe(true);
    expect(holdsPower(secretary, house('org-a', 'house-1'), 'chores')).toBe(false);
    expect(holdsPower(secretary, house('org-a', 'house-2'), 'minutes')).toBe(false);
    expect(holdsPower(secretary, house('org-b', 'house-1'), 'minutes')).toBe(false);
  });

  test('a resident without an office holds no power; staff act in their houses anyway', () => {
    const plain = actorWith(residentOf('org-a', 'res-2', 'house-1'));
    expect(canActInHouse(plain, house('org-a', 'house-1'), 'attendance')).toBe(false);
    expect(
      canActInHouse(
        actorWith(managerOf('org-a', ['house-1'])),
        house('org-a', 'house-1'),
        'chores',
      ),
    ).toBe(true);
    expect(
      canActInHouse(
        actorWith(managerOf('org-a', ['house-2'])),
        house('org-a', 'house-1'),
        'chores',
      ),
    ).toBe(false);
    expect(canActInHouse(secretary, house('org-a', 'house-1'), 'attendance')).toBe(true);
  });
});
