// Data factories: each call makes fresh records with unique names, so tests
// never depend on one another's data. Writes go straight to the database; the
// behaviour under test goes through the API.
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { createAuth, createCaller, createContext } from '@porchlight/api';
import { defaultOfficeRows, newId, schema, type Db } from '@porchlight/db';
import { type Clock, type Role, localDateAt, addDays } from '@porchlight/domain';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${randomUUID().slice(0, 6)}`;

export async function makeOrganisation(db: Db, name = unique('Org')) {
  const id = newId();
  await db.insert(schema.organisations).values({ id, name });
  return { id, name };
}

export interface MadeHouse {
  id: string;
  organisationId: string;
  name: string;
  timezone: string;
  roomIds: string[];
  bedIds: string[];
}

export async function makeHouse(
  db: Db,
  organisationId: string,
  options: { rooms?: number; bedsPerRoom?: number; timezone?: string; narrLevel?: number } = {},
): Promise<MadeHouse> {
  const id = newId();
  const name = unique('House');
  const timezone = options.timezone ?? 'America/Chicago';
  const rooms = options.rooms ?? 2;
  const bedsPerRoom = options.bedsPerRoom ?? 2;
  await db.insert(schema.houses).values({
    id,
    organisationId,
    name,
    address: '1 Test Street',
    timezone,
    narrLevel: options.narrLevel ?? 2,
    capacity: rooms * bedsPerRoom,
  });
  const roomIds: string[] = [];
  const bedIds: string[] = [];
  for (let r = 0; r < rooms; r++) {
    const roomId = newId();
    roomIds.push(roomId);
    await db.insert(schema.rooms).values({ id: roomId, houseId: id, name: `Room ${r + 1}` });
    for (let b = 0; b < bedsPerRoom; b++) {
      const bedId = newId();
      bedIds.push(bedId);
      await db
        .insert(schema.beds)
        .values({ id: bedId, houseId: id, roomId, label: `${r + 1}${'ABCDEFGH'[b] ?? b}` });
    }
  }
  await db.insert(schema.offices).values(defaultOfficeRows({ id, organisationId }));
  return { id, organisationId, name, timezone, roomIds, bedIds };
}

export async function makeUser(
  db: Db,
  organisationId: string,
  role: Role,
  options: { houseIds?: string[]; email?: string } = {},
) {
  const userId = newId();
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  await db
    .insert(schema.users)
    .values({ id: userId, name: unique(role), email, emailVerified: true });
  const membershipId = newId();
  await db.insert(schema.memberships).values({ id: membershipId, organisationId, userId, role });
  for (const houseId of options.houseIds ?? []) {
    await db.insert(schema.membershipHouses).values({ membershipId, houseId });
  }
  return { userId, email, membershipId };
}

export async function makeResident(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId' | 'timezone'>,
  options: {
    bedId?: string;
    startDaysAgo?: number;
    userId?: string;
    firstName?: string;
    lastName?: string;
  } = {},
) {
  const id = newId();
  await db.insert(schema.residents).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    firstName: options.firstName ?? unique('First'),
    lastName: options.lastName ?? 'Tester',
    userId: options.userId ?? null,
  });
  let stayId: string | null = null;
  if (options.bedId) {
    stayId = newId();
    await db.insert(schema.stays).values({
      id: stayId,
      organisationId: house.organisationId,
      residentId: id,
      houseId: house.id,
      bedId: options.bedId,
      startDate: addDays(localDateAt(new Date(), house.timezone), -(options.startDaysAgo ?? 30)),
    });
  }
  return { id, stayId };
}

/** A resident with a login, placed in a bed. */
export async function makeResidentUser(
  db: Db,
  house: MadeHouse,
  bedId: string | undefined,
  names: { firstName?: string; lastName?: string } = {},
) {
  const user = await makeUser(db, house.organisationId, 'resident');
  const resident = await makeResident(db, house, {
    ...(bedId ? { bedId } : {}),
    ...names,
    userId: user.userId,
  });
  return { ...user, residentId: resident.id };
}

/** The secret the tests' better-auth signs cookies with. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** better-auth on the test database, configured as the server configures it. */
export function testAuth(db: Db, baseURL = 'http://localhost:3000') {
  return createAuth(db, {
    secret: TEST_AUTH_SECRET,
    baseURL,
    signInAttemptsPerMinute: 100,
    trustedOrigins: () => [baseURL],
  });
}

/** Gives a user a password to sign in with (better-auth's credential account). */
export async function giveLogin(db: Db, userId: string, password: string) {
  await db.insert(schema.accounts).values({
    id: newId(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: await hashPassword(password),
  });
}

/** A tRPC caller acting as `userId` (or anonymous), the way the HTTP server builds one. */
export async function callerAs(
  db: Db,
  userId: string | null,
  options: { clock?: Clock; lastActiveAt?: Date; createdAt?: Date } = {},
) {
  const now = options.clock?.now() ?? new Date();
  const ctx = await createContext({
    db,
    session: userId
      ? {
          sessionId: newId(),
          userId,
          createdAt: options.createdAt ?? now,
          lastActiveAt: options.lastActiveAt ?? now,
        }
      : null,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return createCaller(ctx);
}

export function todayIn(timezone: string) {
  return localDateAt(new Date(), timezone);
}

export const SAMPLE_RULES = [
  {
    key: 'curfew',
    category: 'curfew_and_passes',
    text: 'Be home by curfew.',
    consequences: [{ kind: 'warning' }, { kind: 'loss_of_pass' }],
  },
  {
    key: 'chores',
    category: 'chores',
    text: 'Do your chores.',
    consequences: [{ kind: 'warning' }, { kind: 'fine', amountCents: 1000 }],
  },
];

/** A rule book for a house with the given published versions (oldest first). */
export async function makeRuleBook(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  versions: Array<typeof SAMPLE_RULES> = [SAMPLE_RULES],
  options: { template?: boolean } = {},
) {
  const ruleBookId = newId();
  await db.insert(schema.ruleBooks).values({
    id: ruleBookId,
    organisationId: house.organisationId,
    // an organisation template has no house; its rules live in its draft
    houseId: options.template ? null : house.id,
    name: options.template ? unique('Template') : 'House rules',
    ...(options.template ? { draft: SAMPLE_RULES, draftUpdatedAt: new Date() } : {}),
  });
  const versionIds: string[] = [];
  for (const [i, rules] of versions.entries()) {
    const id = newId();
    versionIds.push(id);
    await db.insert(schema.ruleBookVersions).values({
      id,
      ruleBookId,
      version: i + 1,
      rules,
      publishedAt: new Date(Date.now() - (versions.length - i) * 86_400_000),
    });
  }
  return { ruleBookId, versionIds };
}

export async function acknowledge(
  db: Db,
  residentId: string,
  ruleBookVersionId: string,
  typedName: string,
) {
  await db
    .insert(schema.ruleAcknowledgements)
    .values({ id: newId(), residentId, ruleBookVersionId, typedName, acknowledgedAt: new Date() });
}

/** A phase of a house; the default allows every pass type and overnights. */
export async function makePhase(
  db: Db,
  houseId: string,
  fields: Partial<typeof schema.phases.$inferInsert> = {},
) {
  const id = newId();
  await db.insert(schema.phases).values({
    id,
    houseId,
    name: fields.name ?? unique('Phase'),
    position: fields.position ?? 0,
    curfewWeeknights: '22:00',
    curfewWeekends: '23:00',
    overnightPassesAllowed: true,
    passTypesAllowed: ['work', 'job_search', 'family', 'recreation', 'overnight', 'other'],
    minDaysBeforePasses: 0,
    ...fields,
  });
  return { id };
}

export async function placeInPhase(db: Db, residentId: string, phaseId: string, startDate: string) {
  await db
    .insert(schema.residentPhases)
    .values({ id: newId(), residentId, phaseId, startDate, reason: 'Moved in' });
}

const HOUR = 3_600_000;

/** A pass of a resident; by default requested for tomorrow afternoon. */
export async function makePass(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  fields: Partial<typeof schema.passes.$inferInsert> = {},
) {
  const id = newId();
  const now = Date.now();
  await db.insert(schema.passes).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    type: 'family',
    destination: 'Family visit',
    departAt: new Date(now + 24 * HOUR),
    expectedReturnAt: new Date(now + 28 * HOUR),
    status: 'requested',
    ...fields,
  });
  return { id };
}

export async function makeViolation(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  ruleBookVersionId: string,
  fields: Partial<typeof schema.violations.$inferInsert> = {},
) {
  const id = newId();
  await db.insert(schema.violations).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    ruleBookVersionId,
    ruleKey: 'curfew',
    category: 'curfew_and_passes',
    occurredAt: new Date(Date.now() - 2 * 24 * HOUR),
    description: 'Came home after curfew.',
    consequence: { kind: 'warning' },
    ...fields,
  });
  return { id };
}

export async function makeGrievance(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  state: Pick<typeof schema.grievances.$inferInsert, 'level' | 'status'> = {
    level: 'house_manager',
    status: 'open',
  },
) {
  const id = newId();
  await db.insert(schema.grievances).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    subject: 'The chore rota',
    body: 'I have had the bathrooms three weeks running.',
    ...state,
  });
  await db.insert(schema.grievanceSteps).values({
    id: newId(),
    grievanceId: id,
    level: 'house_manager',
    action: 'file',
    at: new Date(),
  });
  return { id };
}

/** A daily (or curfew) check-in as the resident would have made it. */
export async function makeCheckIn(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  fields: Partial<typeof schema.checkIns.$inferInsert> & { forDate: string },
) {
  const id = newId();
  await db.insert(schema.checkIns).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    kind: 'daily',
    recordedAt: new Date(),
    late: false,
    mood: 4,
    craving: 2,
    halt: [],
    ...fields,
  });
  return { id };
}

export async function makeSignOut(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  fields: Partial<typeof schema.signOuts.$inferInsert> = {},
) {
  const id = newId();
  await db.insert(schema.signOuts).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    destination: 'Grocery store',
    signedOutAt: new Date(Date.now() - 2 * HOUR),
    expectedReturnAt: new Date(Date.now() + HOUR),
    ...fields,
  });
  return { id };
}

export async function makeDrugTest(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  residentId: string,
  fields: Partial<typeof schema.drugTests.$inferInsert> = {},
) {
  const id = newId();
  const at = new Date(Date.now() - HOUR);
  await db.insert(schema.drugTests).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    residentId,
    type: 'random',
    method: 'urine_cup',
    panel: ['marijuana', 'cocaine', 'opiates'],
    result: 'negative',
    positiveFor: [],
    collectedAt: at,
    recordedAt: at,
    ...fields,
  });
  return { id };
}

export async function makeChore(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  fields: Partial<typeof schema.chores.$inferInsert> = {},
) {
  const id = newId();
  await db.insert(schema.chores).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    name: unique('Chore'),
    frequency: 'daily',
    weekdays: [],
    effort: 2,
    needsVerification: true,
    residentsNeeded: 1,
    ...fields,
  });
  return { id };
}

/** A rota with the given occurrences, straight into the database (no rotation). */
export async function makeRota(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  options: {
    startDate: string;
    days?: number;
    status?: 'draft' | 'published';
    occurrences: Array<
      { choreId: string; date: string; residentId: string | null } & Partial<
        typeof schema.choreOccurrences.$inferInsert
      >
    >;
  },
) {
  const rotaId = newId();
  await db.insert(schema.choreRotas).values({
    id: rotaId,
    organisationId: house.organisationId,
    houseId: house.id,
    startDate: options.startDate,
    days: options.days ?? 7,
    status: options.status ?? 'published',
    shares: {},
    generatedAt: new Date(),
    publishedAt: options.status === 'draft' ? null : new Date(),
  });
  const occurrenceIds: string[] = [];
  for (const o of options.occurrences) {
    const id = newId();
    occurrenceIds.push(id);
    await db.insert(schema.choreOccurrences).values({
      id,
      organisationId: house.organisationId,
      houseId: house.id,
      rotaId,
      effort: 2,
      needsVerification: true,
      reasons: [],
      slot: 0,
      ...o,
    });
  }
  return { id: rotaId, occurrenceIds };
}

export async function makeSwap(
  db: Db,
  house: Pick<MadeHouse, 'id' | 'organisationId'>,
  fields: {
    occurrenceId: string;
    requesterId: string;
    counterpartId: string;
    status?: 'requested' | 'accepted';
  },
) {
  const id = newId();
  await db.insert(schema.choreSwaps).values({
    id,
    organisationId: house.organisationId,
    houseId: house.id,
    requestedAt: new Date(),
    status: 'requested',
    ...fields,
  });
  return { id };
}
