// Base procedures that load the record named in the input and check the caller
// may act on it, so routers never check roles inline. A record outside every
// organisation of the caller is "not found", never "forbidden", so nobody learns
// what exists in another organisation.
import { TRPCError } from '@trpc/server';
import * as z from 'zod';
import { type Db, eq, preparedQuery, schema, sql } from '@porchlight/db';
import {
  type Actor,
  canActInHouse,
  canManageHouse,
  canManageResident,
  canViewHouse,
  canViewResident,
  id,
  isOperatorOf,
  OFFICE_POWER_LABELS,
  type OfficePower,
  staffOrganisations,
} from '@porchlight/domain';
import { authedProcedure } from './trpc';

/** The two lookups nearly every procedure starts with, built once. */
const houseByIdQuery = preparedQuery((db) =>
  db
    .select()
    .from(schema.houses)
    .where(eq(schema.houses.id, sql.placeholder('id')))
    .prepare(),
);
const residentByIdQuery = preparedQuery((db) =>
  db
    .select()
    .from(schema.residents)
    .where(eq(schema.residents.id, sql.placeholder('id')))
    .prepare(),
);

export function houseById(db: Db, id: string) {
  return houseByIdQuery(db).get({ id });
}

export function residentById(db: Db, id: string) {
  return residentByIdQuery(db).get({ id });
}

export type HouseAccess = 'view' | 'manage' | 'operate';

function deny(actor: Actor, organisationId: string, what: string): never {
  const member = actor.memberships.some((m) => m.organisationId === organisationId);
  if (member)
    throw new TRPCError({ code: 'FORBIDDEN', message: `You do not have access to this ${what}.` });
  throw new TRPCError({ code: 'NOT_FOUND', message: `${capitalise(what)} not found.` });
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const HOUSE_ACCESS_WORDS: Record<HouseAccess, string> = {
  view: 'house staff and residents of the house',
  manage: 'house staff',
  operate: 'operators of the organisation',
};

/** A procedure on one house, named by `houseId` in the input. */
export function houseProcedure(access: HouseAccess) {
  return authedProcedure
    .meta({ access: HOUSE_ACCESS_WORDS[access] })
    .input(z.object({ houseId: id }))
    .use(async ({ ctx, input, next }) => {
      const house = await houseById(ctx.db, input.houseId);
      if (!house) throw new TRPCError({ code: 'NOT_FOUND', message: 'House not found.' });
      const allowed =
        access === 'operate'
          ? isOperatorOf(ctx.actor, house.organisationId)
          : access === 'manage'
            ? canManageHouse(ctx.actor, house)
            : canViewHouse(ctx.actor, house);
      if (!allowed) deny(ctx.actor, house.organisationId, 'house');
      return next({ ctx: { ...ctx, house } });
    });
}

const powerWords = (power: OfficePower) =>
  `house staff, and the house officer who ${OFFICE_POWER_LABELS[power].toLowerCase()}`;

/**
 * A procedure on one house that its staff may call, and so may the resident
 * holding an office that carries `power` there (the chore coordinator runs the
 * rota of a peer-run house).
 */
export function housePowerProcedure(power: OfficePower) {
  return authedProcedure
    .meta({ access: powerWords(power) })
    .input(z.object({ houseId: id }))
    .use(async ({ ctx, input, next }) => {
      const house = await houseById(ctx.db, input.houseId);
      if (!house) throw new TRPCError({ code: 'NOT_FOUND', message: 'House not found.' });
      if (!canActInHouse(ctx.actor, house, power)) deny(ctx.actor, house.organisationId, 'house');
      return next({ ctx: { ...ctx, house } });
    });
}

/** A procedure on one resident, named by `residentId`: the resident themself or staff of their house. */
export function residentProcedure(access: 'self-or-staff' | 'staff') {
  return authedProcedure
    .meta({
      access:
        access === 'staff'
          ? 'staff of the resident’s house'
          : 'the resident and staff of their house',
    })
    .input(z.object({ residentId: id }))
    .use(async ({ ctx, input, next }) => {
      // the signed-in resident's own record came with the actor
      const resident =
        ctx.selfResident?.id === input.residentId
          ? ctx.selfResident
          : await residentById(ctx.db, input.residentId);
      if (!resident) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resident not found.' });
      const allowed =
        access === 'staff'
          ? canManageResident(ctx.actor, resident)
          : canViewResident(ctx.actor, resident);
      if (!allowed) {
        // a resident learns nothing about other residents, not even that they exist
        const isStaff = staffOrganisations(ctx.actor).includes(resident.organisationId);
        if (!isStaff) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resident not found.' });
        deny(ctx.actor, resident.organisationId, 'resident');
      }
      return next({ ctx: { ...ctx, resident } });
    });
}

/** A procedure on one bed, named by `bedId`, for staff of its house. */
export const bedProcedure = authedProcedure
  .meta({ access: 'house staff' })
  .input(z.object({ bedId: id }))
  .use(async ({ ctx, input, next }) => {
    const row = await ctx.db
      .select({ bed: schema.beds, house: schema.houses })
      .from(schema.beds)
      .innerJoin(schema.houses, eq(schema.houses.id, schema.beds.houseId))
      .where(eq(schema.beds.id, input.bedId))
      .get();
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Bed not found.' });
    if (!canManageHouse(ctx.actor, row.house)) deny(ctx.actor, row.house.organisationId, 'bed');
    return next({ ctx: { ...ctx, bed: row.bed, house: row.house } });
  });

/**
 * A procedure of the caller's organisation as staff. The organisation is the one
 * named by `organisationId`, or the caller's only staff organisation.
 */
export const orgProcedure = authedProcedure
  .meta({ access: 'operators and managers of the organisation' })
  .input(z.object({ organisationId: id.optional() }).optional())
  .use(({ ctx, input, next }) => {
    const staffOf = staffOrganisations(ctx.actor);
    const organisationId = input?.organisationId ?? (staffOf.length === 1 ? staffOf[0] : undefined);
    if (!organisationId) {
      if (staffOf.length === 0)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for house staff.' });
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'organisationId is required: you belong to several.',
      });
    }
    if (!staffOf.includes(organisationId)) deny(ctx.actor, organisationId, 'organisation');
    const membership = ctx.actor.memberships.find((m) => m.organisationId === organisationId);
    if (!membership) deny(ctx.actor, organisationId, 'organisation');
    return next({ ctx: { ...ctx, organisationId, membership } });
  });

/** Operator-only work on the organisation (creating houses). */
export const operatorProcedure = orgProcedure.use(({ ctx, next }) => {
  if (!isOperatorOf(ctx.actor, ctx.organisationId)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an operator can do this.' });
  }
  return next();
});

/** A resident acting on their own record (signing, requesting): the record comes from the session, never the input. */
export const residentSelfProcedure = authedProcedure
  .meta({ access: 'a signed-in resident, on their own record' })
  .use(async ({ ctx, next }) => {
    const residentId = ctx.actor.memberships.find((m) => m.role === 'resident')?.residentId;
    if (!residentId) throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for residents.' });
    // read with the actor at the start of this request
    const resident =
      ctx.selfResident?.id === residentId
        ? ctx.selfResident
        : await residentById(ctx.db, residentId);
    if (!resident) throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for residents.' });
    return next({ ctx: { ...ctx, resident } });
  });

/** Who may act on a resident's record in a house: staff of the house, the resident it is about, or either. */
export type RecordAccess = 'staff' | 'owner' | 'owner-or-staff';

const RECORD_ACCESS_WORDS: Record<RecordAccess, string> = {
  staff: 'staff of the record’s house',
  owner: 'the resident the record is about',
  'owner-or-staff': 'the resident the record is about and staff of their house',
};

interface HouseRecord {
  id: string;
  organisationId: string;
  houseId: string;
  residentId: string;
}

/**
 * A procedure on one record about a resident in a house (a pass, a violation, a
 * grievance), named by `key` in the input. Residents learn nothing about other
 * residents' records, not even that they exist.
 */
function houseRecordProcedure<K extends string, R extends HouseRecord>(
  key: K,
  what: string,
  load: (db: Db, recordId: string) => Promise<R | undefined>,
) {
  return (access: RecordAccess) =>
    authedProcedure
      .meta({ access: RECORD_ACCESS_WORDS[access] })
      .input(z.object({ [key]: id } as Record<K, typeof id>))
      .use(async ({ ctx, input, next }) => {
        const recordId = (input as Record<K, string>)[key];
        const record = await load(ctx.db, recordId);
        const notFound = () =>
          new TRPCError({ code: 'NOT_FOUND', message: `${capitalise(what)} not found.` });
        if (!record) throw notFound();
        const isOwner = ctx.actor.memberships.some(
          (m) =>
            m.organisationId === record.organisationId &&
            m.role === 'resident' &&
            m.residentId === record.residentId,
        );
        const isStaff = canManageHouse(ctx.actor, {
          id: record.houseId,
          organisationId: record.organisationId,
        });
        const allowed =
          access === 'staff' ? isStaff : access === 'owner' ? isOwner : isOwner || isStaff;
        if (!allowed) {
          if (!staffOrganisations(ctx.actor).includes(record.organisationId) && !isOwner)
            throw notFound();
          throw new TRPCError({
            code: 'FORBIDDEN',
            message:
              access === 'owner'
                ? `Only the resident this ${what} is about can do this.`
                : `You do not have access to this ${what}.`,
          });
        }
        return next({ ctx: { ...ctx, record, isOwner, isStaff } });
      });
}

const byId =
  <
    T extends
      | typeof schema.passes
      | typeof schema.violations
      | typeof schema.grievances
      | typeof schema.signOuts
      | typeof schema.drugTests,
  >(
    table: T,
  ) =>
  (db: Db, recordId: string) =>
    db.select().from(table).where(eq(table.id, recordId)).get() as Promise<
      T['$inferSelect'] | undefined
    >;

export const passProcedure = houseRecordProcedure('passId', 'pass', byId(schema.passes));
export const violationProcedure = houseRecordProcedure(
  'violationId',
  'violation',
  byId(schema.violations),
);
export const grievanceProcedure = houseRecordProcedure(
  'grievanceId',
  'grievance',
  byId(schema.grievances),
);
export const signOutProcedure = houseRecordProcedure(
  'signOutId',
  'sign-out',
  byId(schema.signOuts),
);
export const drugTestProcedure = houseRecordProcedure('testId', 'test', byId(schema.drugTests));

/** A chore of a house's list, named by `choreId`, for staff of its house. */
export const choreProcedure = authedProcedure
  .meta({ access: 'house staff' })
  .input(z.object({ choreId: id }))
  .use(async ({ ctx, input, next }) => {
    const row = await ctx.db
      .select({ chore: schema.chores, house: schema.houses })
      .from(schema.chores)
      .innerJoin(schema.houses, eq(schema.houses.id, schema.chores.houseId))
      .where(eq(schema.chores.id, input.choreId))
      .get();
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Chore not found.' });
    if (!canManageHouse(ctx.actor, row.house)) deny(ctx.actor, row.house.organisationId, 'chore');
    return next({ ctx: { ...ctx, chore: row.chore, house: row.house } });
  });

/**
 * A rota, named by `rotaId`: staff of its house, or (`member`) also the house's
 * residents, who only ever see a published rota.
 */
export function rotaProcedure(access: 'staff' | 'member') {
  return authedProcedure
    .meta({ access: access === 'staff' ? 'house staff' : 'house staff and residents of the house' })
    .input(z.object({ rotaId: id }))
    .use(async ({ ctx, input, next }) => {
      const row = await ctx.db
        .select({ rota: schema.choreRotas, house: schema.houses })
        .from(schema.choreRotas)
        .innerJoin(schema.houses, eq(schema.houses.id, schema.choreRotas.houseId))
        .where(eq(schema.choreRotas.id, input.rotaId))
        .get();
      const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Rota not found.' });
      if (!row) throw notFound();
      // the chore coordinator of a peer-run house works the rota as staff do
      const isStaff = canActInHouse(ctx.actor, row.house, 'chores');
      if (!isStaff) {
        if (access === 'staff' || !canViewHouse(ctx.actor, row.house))
          deny(ctx.actor, row.house.organisationId, 'rota');
        if (row.rota.status !== 'published') throw notFound();
      }
      return next({ ctx: { ...ctx, rota: row.rota, house: row.house, isStaff } });
    });
}

/** One chore occurrence, named by `occurrenceId`: the resident it is given to, or staff of the house. */
export function occurrenceProcedure(access: 'owner' | 'staff' | 'owner-or-staff') {
  return authedProcedure
    .meta({ access: RECORD_ACCESS_WORDS[access] })
    .input(z.object({ occurrenceId: id }))
    .use(async ({ ctx, input, next }) => {
      const row = await ctx.db
        .select({
          occurrence: schema.choreOccurrences,
          rota: schema.choreRotas,
          chore: schema.chores,
          house: schema.houses,
        })
        .from(schema.choreOccurrences)
        .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
        .innerJoin(schema.chores, eq(schema.chores.id, schema.choreOccurrences.choreId))
        .innerJoin(schema.houses, eq(schema.houses.id, schema.choreOccurrences.houseId))
        .where(eq(schema.choreOccurrences.id, input.occurrenceId))
        .get();
      const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Chore not found.' });
      if (!row) throw notFound();
      const { occurrence, house } = row;
      const isStaff = canActInHouse(ctx.actor, house, 'chores');
      const isOwner =
        occurrence.residentId !== null &&
        row.rota.status === 'published' &&
        ctx.actor.memberships.some(
          (m) =>
            m.organisationId === house.organisationId &&
            m.role === 'resident' &&
            m.residentId === occurrence.residentId,
        );
      const allowed =
        access === 'staff' ? isStaff : access === 'owner' ? isOwner : isOwner || isStaff;
      if (!allowed) {
        // a resident of the house sees the published rota, so the chore is no secret to them
        const seesIt =
          staffOrganisations(ctx.actor).includes(house.organisationId) ||
          (row.rota.status === 'published' && canViewHouse(ctx.actor, house));
        if (!seesIt) throw notFound();
        throw new TRPCError({
          code: 'FORBIDDEN',
          message:
            access === 'owner'
              ? 'Only the resident this chore is given to can do this.'
              : 'Only the house’s staff can do this.',
        });
      }
      return next({ ctx: { ...ctx, ...row, isStaff, isOwner } });
    });
}

/** A chore swap, named by `swapId`: the resident who asked, the one asked, or staff of the house. */
export function swapProcedure(access: 'requester' | 'counterpart' | 'staff') {
  return authedProcedure
    .meta({
      access:
        access === 'staff'
          ? 'house staff'
          : access === 'requester'
            ? 'the resident who asked for the swap'
            : 'the resident asked to swap',
    })
    .input(z.object({ swapId: id }))
    .use(async ({ ctx, input, next }) => {
      const row = await ctx.db
        .select({ swap: schema.choreSwaps, house: schema.houses })
        .from(schema.choreSwaps)
        .innerJoin(schema.houses, eq(schema.houses.id, schema.choreSwaps.houseId))
        .where(eq(schema.choreSwaps.id, input.swapId))
        .get();
      const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Swap not found.' });
      if (!row) throw notFound();
      const { swap, house } = row;
      const residentIs = (residentId: string) =>
        ctx.actor.memberships.some(
          (m) =>
            m.organisationId === house.organisationId &&
            m.role === 'resident' &&
            m.residentId === residentId,
        );
      const isRequester = residentIs(swap.requesterId);
      const isCounterpart = residentIs(swap.counterpartId);
      const isStaff = canActInHouse(ctx.actor, house, 'chores');
      const allowed =
        access === 'staff' ? isStaff : access === 'requester' ? isRequester : isCounterpart;
      if (!allowed) {
        if (
          !isStaff &&
          !isRequester &&
          !isCounterpart &&
          !staffOrganisations(ctx.actor).includes(house.organisationId)
        )
          throw notFound();
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot do this with this swap.' });
      }
      return next({ ctx: { ...ctx, swap, house, isStaff } });
    });
}

/**
 * A meeting, named by `meetingId`: everyone in the house sees it (`member`);
 * changing it takes staff or the officer whose office carries `power`.
 */
export function meetingProcedure(access: 'member' | OfficePower) {
  return authedProcedure
    .meta({
      access: access === 'member' ? 'house staff and residents of the house' : powerWords(access),
    })
    .input(z.object({ meetingId: id }))
    .use(async ({ ctx, input, next }) => {
      const row = await ctx.db
        .select({ meeting: schema.meetings, house: schema.houses })
        .from(schema.meetings)
        .innerJoin(schema.houses, eq(schema.houses.id, schema.meetings.houseId))
        .where(eq(schema.meetings.id, input.meetingId))
        .get();
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Meeting not found.' });
      const allowed =
        access === 'member'
          ? canViewHouse(ctx.actor, row.house)
          : canActInHouse(ctx.actor, row.house, access);
      if (!allowed) {
        if (
          !canViewHouse(ctx.actor, row.house) &&
          !staffOrganisations(ctx.actor).includes(row.house.organisationId)
        )
          throw new TRPCError({ code: 'NOT_FOUND', message: 'Meeting not found.' });
        throw new TRPCError({
          code: 'FORBIDDEN',
          message:
            access === 'member'
              ? 'You do not have access to this meeting.'
              : 'This is for house staff, or the officer whose office does it.',
        });
      }
      return next({ ctx: { ...ctx, meeting: row.meeting, house: row.house } });
    });
}

/** A record of a house's governance (an action item, an office, a term), by its id field. */
function governanceProcedure<K extends string, R extends { houseId: string }>(
  key: K,
  what: string,
  load: (db: Db, recordId: string) => Promise<R | undefined>,
) {
  return (power: OfficePower) =>
    authedProcedure
      .meta({ access: powerWords(power) })
      .input(z.object({ [key]: id } as Record<K, typeof id>))
      .use(async ({ ctx, input, next }) => {
        const record = await load(ctx.db, (input as Record<K, string>)[key]);
        const notFound = () =>
          new TRPCError({ code: 'NOT_FOUND', message: `${capitalise(what)} not found.` });
        if (!record) throw notFound();
        const house = await houseById(ctx.db, record.houseId);
        if (!house) throw notFound();
        if (!canActInHouse(ctx.actor, house, power)) {
          if (
            !canViewHouse(ctx.actor, house) &&
            !staffOrganisations(ctx.actor).includes(house.organisationId)
          )
            throw notFound();
          throw new TRPCError({
            code: 'FORBIDDEN',
            message: 'This is for house staff, or the officer whose office does it.',
          });
        }
        return next({ ctx: { ...ctx, record, house } });
      });
}

export const actionItemProcedure = governanceProcedure('actionItemId', 'action item', (db, rid) =>
  db.select().from(schema.actionItems).where(eq(schema.actionItems.id, rid)).get(),
);
export const officeProcedure = governanceProcedure('officeId', 'office', (db, rid) =>
  db.select().from(schema.offices).where(eq(schema.offices.id, rid)).get(),
);
export const termProcedure = governanceProcedure('termId', 'term', (db, rid) =>
  db.select().from(schema.officerTerms).where(eq(schema.officerTerms.id, rid)).get(),
);

/**
 * A record of a resident's own (a person in their support circle, a share of
 * theirs), named by `key`: the resident it belongs to may act on it (`owner`),
 * and staff of their house may see it (`owner-or-staff`).
 */
function ownRecordProcedure<K extends string, R extends { residentId: string }>(
  key: K,
  what: string,
  load: (db: Db, recordId: string) => Promise<R | undefined>,
) {
  return (access: 'owner' | 'owner-or-staff') =>
    authedProcedure
      .meta({ access: RECORD_ACCESS_WORDS[access] })
      .input(z.object({ [key]: id } as Record<K, typeof id>))
      .use(async ({ ctx, input, next }) => {
        const record = await load(ctx.db, (input as Record<K, string>)[key]);
        const notFound = () =>
          new TRPCError({ code: 'NOT_FOUND', message: `${capitalise(what)} not found.` });
        if (!record) throw notFound();
        const resident = await ctx.db
          .select()
          .from(schema.residents)
          .where(eq(schema.residents.id, record.residentId))
          .get();
        if (!resident) throw notFound();
        const isOwner = ctx.actor.memberships.some(
          (m) =>
            m.organisationId === resident.organisationId &&
            m.role === 'resident' &&
            m.residentId === resident.id,
        );
        const isStaff = canManageResident(ctx.actor, resident);
        const allowed = access === 'owner' ? isOwner : isOwner || isStaff;
        if (!allowed) {
          if (!isStaff && !staffOrganisations(ctx.actor).includes(resident.organisationId))
            throw notFound();
          throw new TRPCError({
            code: 'FORBIDDEN',
            message: `Only the resident this ${what} belongs to can do this.`,
          });
        }
        return next({ ctx: { ...ctx, record, resident, isOwner, isStaff } });
      });
}

export const supportMemberProcedure = ownRecordProcedure('memberId', 'person', (db, rid) =>
  db.select().from(schema.supportMembers).where(eq(schema.supportMembers.id, rid)).get(),
);
export const shareProcedure = ownRecordProcedure('shareId', 'share', (db, rid) =>
  db.select().from(schema.shares).where(eq(schema.shares.id, rid)).get(),
);
export const volunteeringProcedure = ownRecordProcedure('entryId', 'entry', (db, rid) =>
  db.select().from(schema.volunteering).where(eq(schema.volunteering.id, rid)).get(),
);

/** A mentorship of a house: staff or the chair may end it; its mentor writes notes. */
export function mentorshipProcedure(access: 'mentor' | 'chair' | 'either') {
  return authedProcedure
    .meta({
      access:
        access === 'mentor'
          ? 'the mentor of the pairing'
          : access === 'chair'
            ? powerWords('chair')
            : 'the mentor and mentee, and house staff',
    })
    .input(z.object({ mentorshipId: id }))
    .use(async ({ ctx, input, next }) => {
      const row = await ctx.db
        .select({ m: schema.mentorships, house: schema.houses })
        .from(schema.mentorships)
        .innerJoin(schema.houses, eq(schema.houses.id, schema.mentorships.houseId))
        .where(eq(schema.mentorships.id, input.mentorshipId))
        .get();
      const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Pairing not found.' });
      if (!row) throw notFound();
      const residentIs = (rid: string) =>
        ctx.actor.memberships.some(
          (m) =>
            m.organisationId === row.house.organisationId &&
            m.role === 'resident' &&
            m.residentId === rid,
        );
      const isMentor = residentIs(row.m.mentorId);
      const isMentee = residentIs(row.m.menteeId);
      const isChair = canActInHouse(ctx.actor, row.house, 'chair');
      const allowed =
        access === 'mentor'
          ? isMentor
          : access === 'chair'
            ? isChair
            : isMentor || isMentee || isChair;
      if (!allowed) {
        if (
          !canViewHouse(ctx.actor, row.house) &&
          !staffOrganisations(ctx.actor).includes(row.house.organisationId)
        )
          throw notFound();
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'You cannot do this with this pairing.',
        });
      }
      return next({ ctx: { ...ctx, mentorship: row.m, house: row.house } });
    });
}

/** A resource of the directory: staff of its house (or of the organisation, for one of the organisation's). */
export const resourceProcedure = authedProcedure
  .meta({ access: 'house staff (organisation staff for the organisation’s own)' })
  .input(z.object({ resourceId: id }))
  .use(async ({ ctx, input, next }) => {
    const resource = await ctx.db
      .select()
      .from(schema.resources)
      .where(eq(schema.resources.id, input.resourceId))
      .get();
    if (!resource) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resource not found.' });
    const allowed = resource.houseId
      ? canManageHouse(ctx.actor, { id: resource.houseId, organisationId: resource.organisationId })
      : staffOrganisations(ctx.actor).includes(resource.organisationId);
    if (!allowed) deny(ctx.actor, resource.organisationId, 'resource');
    return next({ ctx: { ...ctx, resource } });
  });

/**
 * Where a new directory entry goes: a house (its staff), or with no house the
 * organisation's own (its operators and managers).
 */
export const resourceScopeProcedure = authedProcedure
  .meta({ access: 'house staff (organisation staff for the organisation’s own)' })
  .input(z.object({ houseId: id.optional(), organisationId: id.optional() }))
  .use(async ({ ctx, input, next }) => {
    if (input.houseId) {
      const house = await houseById(ctx.db, input.houseId);
      if (!house) throw new TRPCError({ code: 'NOT_FOUND', message: 'House not found.' });
      if (!canManageHouse(ctx.actor, house)) deny(ctx.actor, house.organisationId, 'house');
      if (input.organisationId && input.organisationId !== house.organisationId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'organisationId must be the house’s organisation.',
        });
      return next({
        ctx: { ...ctx, scope: { organisationId: house.organisationId, houseId: house.id } },
      });
    }
    const staffOf = staffOrganisations(ctx.actor);
    const organisationId = input.organisationId ?? (staffOf.length === 1 ? staffOf[0] : undefined);
    if (!organisationId)
      throw new TRPCError({
        code: staffOf.length === 0 ? 'FORBIDDEN' : 'BAD_REQUEST',
        message:
          staffOf.length === 0
            ? 'This is for house staff.'
            : 'organisationId is required: you belong to several.',
      });
    if (!staffOf.includes(organisationId)) deny(ctx.actor, organisationId, 'organisation');
    return next({ ctx: { ...ctx, scope: { organisationId, houseId: null as string | null } } });
  });
