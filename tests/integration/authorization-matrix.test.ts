// Every procedure of the app router, called by every kind of actor. A procedure
// added without an entry here fails this test, so nothing escapes the matrix.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@porchlight/api';
import { ACTORS, buildWorld, type ActorName, type World } from '../support/world';

type Outcome = 'ok' | 'denied' | 'unauthenticated';
type Caller = Awaited<ReturnType<Awaited<ReturnType<World['fork']>>['caller']>>;

interface Entry {
  call: (caller: Caller, w: World) => Promise<unknown>;
  expect: Record<ActorName, Outcome>;
}

const anyoneSignedIn: Record<ActorName, Outcome> = {
  anonymous: 'unauthenticated',
  residentOfHouse: 'ok',
  residentOfOtherHouse: 'ok',
  managerOfHouse: 'ok',
  managerOfOtherHouse: 'ok',
  operator: 'ok',
  otherOrgOperator: 'ok',
};
const everyone: Record<ActorName, Outcome> = { ...anyoneSignedIn, anonymous: 'ok' };
const houseStaff: Record<ActorName, Outcome> = {
  anonymous: 'unauthenticated',
  residentOfHouse: 'denied',
  residentOfOtherHouse: 'denied',
  managerOfHouse: 'ok',
  managerOfOtherHouse: 'denied',
  operator: 'ok',
  otherOrgOperator: 'denied',
};
const houseMembers: Record<ActorName, Outcome> = { ...houseStaff, residentOfHouse: 'ok' };
const operatorOnly: Record<ActorName, Outcome> = { ...houseStaff, managerOfHouse: 'denied' };

const newResident = { firstName: 'Casey', lastName: 'Newcomer', emergencyContacts: [] };

const MATRIX: Record<string, Entry> = {
  'account.whoami': { call: (c) => c.account.whoami(), expect: everyone },
  'houses.list': { call: (c) => c.houses.list(), expect: anyoneSignedIn },
  'houses.get': { call: (c, w) => c.houses.get({ houseId: w.house.id }), expect: houseMembers },
  'houses.board': { call: (c, w) => c.houses.board({ houseId: w.house.id }), expect: houseStaff },
  'houses.create': {
    call: (c, w) =>
      c.houses.create({
        organisationId: w.org.id,
        name: 'New House',
        address: '2 Test Road',
        timezone: 'America/Chicago',
        narrLevel: 2,
        capacity: 6,
      }),
    expect: operatorOnly,
  },
  'houses.update': {
    call: (c, w) =>
      c.houses.update({
        houseId: w.house.id,
        name: 'Renamed House',
        address: '3 Test Road',
        timezone: 'America/Chicago',
        narrLevel: 3,
        capacity: 4,
      }),
    expect: operatorOnly,
  },
  'houses.addRoom': {
    call: (c, w) => c.houses.addRoom({ houseId: w.house.id, name: 'Attic' }),
    expect: houseStaff,
  },
  'houses.addBed': {
    call: (c, w) =>
      c.houses.addBed({ houseId: w.house.id, roomId: w.house.roomIds[0] ?? '', label: 'Z9' }),
    expect: houseStaff,
  },
  'houses.bedHistory': {
    call: (c, w) => c.houses.bedHistory({ bedId: w.house.bedIds[0] ?? '' }),
    expect: houseStaff,
  },
  'houses.occupantsOn': {
    call: (c, w) => c.houses.occupantsOn({ houseId: w.house.id, date: w.today }),
    expect: houseStaff,
  },
  'residents.list': {
    call: (c, w) => c.residents.list({ houseId: w.house.id }),
    expect: houseStaff,
  },
  'residents.get': {
    call: (c, w) => c.residents.get({ residentId: w.residentOfHouse.residentId }),
    expect: { ...houseStaff, residentOfHouse: 'ok' },
  },
  'residents.me': {
    call: (c) => c.residents.me(),
    expect: {
      anonymous: 'unauthenticated',
      residentOfHouse: 'ok',
      residentOfOtherHouse: 'ok',
      managerOfHouse: 'denied',
      managerOfOtherHouse: 'denied',
      operator: 'denied',
      otherOrgOperator: 'denied',
    },
  },
  'residents.intake': {
    call: (c, w) => c.residents.intake({ houseId: w.house.id, ...newResident }),
    expect: houseStaff,
  },
  'residents.update': {
    call: (c, w) =>
      c.residents.update({ residentId: w.placed.id, ...newResident, reason: 'Name correction' }),
    expect: houseStaff,
  },
  'residents.admit': {
    call: (c, w) =>
      c.residents.admit({
        residentId: w.waiting.id,
        bedId: w.house.bedIds[3] ?? '',
        startDate: w.today,
      }),
    expect: houseStaff,
  },
  'residents.transfer': {
    call: (c, w) =>
      c.residents.transfer({
        residentId: w.placed.id,
        bedId: w.house.bedIds[3] ?? '',
        date: w.today,
      }),
    expect: houseStaff,
  },
  'residents.moveOut': {
    call: (c, w) =>
      c.residents.moveOut({ residentId: w.placed.id, date: w.today, reason: 'completed' }),
    expect: houseStaff,
  },
  'invites.create': {
    call: (c, w) =>
      c.invites.create({
        organisationId: w.org.id,
        role: 'resident',
        name: 'Placed Resident',
        email: 'placed@test.example',
        residentId: w.placed.id,
        houseIds: [],
      }),
    expect: houseStaff,
  },
  'invites.list': {
    call: (c, w) => c.invites.list({ organisationId: w.org.id }),
    expect: { ...houseStaff, managerOfOtherHouse: 'ok' },
  },
  'invites.revoke': {
    call: (c, w) => c.invites.revoke({ organisationId: w.org.id, inviteId: w.invite.inviteId }),
    expect: houseStaff,
  },
  'invites.lookup': {
    call: (c, w) => c.invites.lookup({ token: w.invite.token }),
    expect: everyone,
  },
  'rules.current': {
    call: (c, w) => c.rules.current({ houseId: w.house.id }),
    expect: houseMembers,
  },
  'phases.list': { call: (c, w) => c.phases.list({ houseId: w.house.id }), expect: houseMembers },
  'rules.acknowledge': {
    call: (c, w) =>
      c.rules.acknowledge({
        ruleBookVersionId: w.ruleBook.versionIds[0] ?? '',
        typedName: 'Riley Tester',
      }),
    expect: {
      anonymous: 'unauthenticated',
      residentOfHouse: 'ok',
      residentOfOtherHouse: 'denied',
      managerOfHouse: 'denied',
      managerOfOtherHouse: 'denied',
      operator: 'denied',
      otherOrgOperator: 'denied',
    },
  },
  'rules.history': {
    call: (c, w) => c.rules.history({ houseId: w.house.id }),
    expect: houseMembers,
  },
  'invites.accept': {
    call: (c, w) => c.invites.accept({ token: w.invite.token, password: 'a long enough password' }),
    expect: everyone,
  },
};

function outcomeOf(error: unknown): string {
  if (error instanceof TRPCError) {
    if (error.code === 'UNAUTHORIZED') return 'unauthenticated';
    if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') return 'denied';
    return `error ${error.code}: ${error.message}`;
  }
  return `unexpected ${String(error)}`;
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.destroy());

describe('authorization matrix', () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it('has an entry for every procedure of the router, and none for procedures that do not exist', () => {
    expect(procedures.filter((p) => !(p in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  for (const procedure of procedures) {
    const entry = MATRIX[procedure];
    if (!entry) continue;
    it(`${procedure} answers each kind of caller as its policy says`, async () => {
      const actual: Partial<Record<ActorName, string>> = {};
      for (const actor of ACTORS) {
        const fork = await world.fork();
        try {
          await entry.call(await fork.caller(actor), world);
          actual[actor] = 'ok';
        } catch (error) {
          actual[actor] = outcomeOf(error);
        } finally {
          fork.destroy();
        }
      }
      expect(actual).toEqual(entry.expect);
    });
  }
});
