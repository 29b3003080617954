// Residents: intake, profile, and their stays (admission, transfer, move-out).
import type { z } from 'zod';
import { and, asc, type BatchItem, desc, eq, isNull, newId, or, schema, sql } from '@porchlight/db';
import {
  type AdmitInput,
  type ResidentIntakeInput,
  type residentUpdateInput,
  type MoveOutInput,
  type PlanMoveOutInput,
  type StayRecord,
  canManageHouse,
  canManageResident,
  checkAdmission,
  checkMoveOut,
  checkTransfer,
  conflict,
  invalid,
  isOpen,
} from '@porchlight/domain';
import { TRPCError } from '@trpc/server';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { firstPhaseWrite, phaseHistory } from './phases';
import { offsetOf, toPage } from './pages';
import { choreWritesOnLeaving } from './chore-rotas';
import { commit, commitGuarded, type AuditEntry } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listResidents(
  ctx: AuthedContext & { house: House },
  input: {
    status: 'current' | 'past' | 'all';
    search?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  // correlated subqueries name their tables explicitly: drizzle leaves columns
  // unqualified in single-table selects
  const hasOpenStay = sql`exists (select 1 from stays s where s.resident_id = residents.id and s.end_date is null)`;
  const hasAnyStay = sql`exists (select 1 from stays s where s.resident_id = residents.id)`;
  const statusWhere =
    input.status === 'current'
      ? or(hasOpenStay, sql`not ${hasAnyStay}`)
      : input.status === 'past'
        ? and(sql`not ${hasOpenStay}`, hasAnyStay)
        : undefined;
  const pattern = input.search ? `%${escapeLike(input.search)}%` : undefined;
  const searchWhere = pattern
    ? or(
        sql`${schema.residents.firstName} like ${pattern} escape '\\'`,
        sql`${schema.residents.lastName} like ${pattern} escape '\\'`,
        sql`${schema.residents.preferredName} like ${pattern} escape '\\'`,
        sql`(${schema.residents.firstName} || ' ' || ${schema.residents.lastName}) like ${pattern} escape '\\'`,
      )
    : undefined;
  const offset = offsetOf(input.cursor);
  const rows = await ctx.db
    .select({
      id: schema.residents.id,
      firstName: schema.residents.firstName,
      lastName: schema.residents.lastName,
      preferredName: schema.residents.preferredName,
      sobrietyDate: schema.residents.sobrietyDate,
      phone: schema.residents.phone,
      bedId: schema.stays.bedId,
      bedLabel: schema.beds.label,
      since: schema.stays.startDate,
      lastEndDate: sql<
        string | null
      >`(select max(s.end_date) from stays s where s.resident_id = residents.id)`,
    })
    .from(schema.residents)
    .leftJoin(
      schema.stays,
      and(eq(schema.stays.residentId, schema.residents.id), isNull(schema.stays.endDate)),
    )
    .leftJoin(schema.beds, eq(schema.beds.id, schema.stays.bedId))
    .where(and(eq(schema.residents.houseId, ctx.house.id), statusWhere, searchWhere))
    .orderBy(
      asc(schema.residents.lastName),
      asc(schema.residents.firstName),
      asc(schema.residents.id),
    )
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      name: displayName(r),
      firstName: r.firstName,
      lastName: r.lastName,
      preferredName: r.preferredName,
      sobrietyDate: r.sobrietyDate,
      phone: r.phone,
      status: r.bedId
        ? ('current' as const)
        : r.lastEndDate
          ? ('past' as const)
          : ('awaiting-bed' as const),
      bed: r.bedId && r.bedLabel ? { id: r.bedId, label: r.bedLabel, since: r.since } : null,
      movedOut: r.bedId ? null : r.lastEndDate,
    })),
  };
}

async function staysOf(ctx: Pick<AuthedContext, 'db'>, residentId: string) {
  return ctx.db
    .select({
      id: schema.stays.id,
      residentId: schema.stays.residentId,
      bedId: schema.stays.bedId,
      houseId: schema.stays.houseId,
      startDate: schema.stays.startDate,
      endDate: schema.stays.endDate,
      endReason: schema.stays.endReason,
      endNote: schema.stays.endNote,
      expectedEndDate: schema.stays.expectedEndDate,
      previousStayId: schema.stays.previousStayId,
      bedLabel: schema.beds.label,
      roomName: schema.rooms.name,
      houseName: schema.houses.name,
    })
    .from(schema.stays)
    .innerJoin(schema.beds, eq(schema.beds.id, schema.stays.bedId))
    .innerJoin(schema.rooms, eq(schema.rooms.id, schema.beds.roomId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.stays.houseId))
    .where(eq(schema.stays.residentId, residentId))
    .orderBy(desc(schema.stays.startDate), desc(schema.stays.createdAt));
}

/** A resident's whole record: profile, emergency contacts, stays, and login status. */
export async function getResident(ctx: AuthedContext & { resident: Resident }) {
  const r = ctx.resident;
  const [contacts, stays, house, pendingInvite, phases] = await Promise.all([
    ctx.db
      .select({
        name: schema.emergencyContacts.name,
        relationship: schema.emergencyContacts.relationship,
        phone: schema.emergencyContacts.phone,
      })
      .from(schema.emergencyContacts)
      .where(eq(schema.emergencyContacts.residentId, r.id))
      .orderBy(asc(schema.emergencyContacts.position)),
    staysOf(ctx, r.id),
    ctx.db
      .select({ id: schema.houses.id, name: schema.houses.name, timezone: schema.houses.timezone })
      .from(schema.houses)
      .where(eq(schema.houses.id, r.houseId))
      .get(),
    ctx.db
      .select({ id: schema.invites.id, expiresAt: schema.invites.expiresAt })
      .from(schema.invites)
      .where(
        and(
          eq(schema.invites.residentId, r.id),
          isNull(schema.invites.acceptedAt),
          isNull(schema.invites.revokedAt),
          sql`${schema.invites.expiresAt} > ${ctx.clock.now().getTime()}`,
        ),
      )
      .get(),
    phaseHistory(ctx, r.id),
  ]);
  const current = stays.find(isOpen) ?? null;
  return {
    id: r.id,
    organisationId: r.organisationId,
    name: displayName(r),
    firstName: r.firstName,
    lastName: r.lastName,
    preferredName: r.preferredName,
    phone: r.phone,
    email: r.email,
    dateOfBirth: r.dateOfBirth,
    sobrietyDate: r.sobrietyDate,
    house: house ?? null,
    today: house ? houseToday(ctx, house) : null,
    status: current
      ? ('current' as const)
      : stays.length > 0
        ? ('past' as const)
        : ('awaiting-bed' as const),
    currentStay: current,
    stays,
    emergencyContacts: contacts,
    currentPhase: current ? (phases.find((p) => p.houseId === current.houseId) ?? null) : null,
    phaseHistory: phases,
    account: {
      hasLogin: r.userId !== null,
      pendingInviteExpiresAt: pendingInvite?.expiresAt ?? null,
    },
    canManage: canManageHouse(ctx.actor, { id: r.houseId, organisationId: r.organisationId }),
  };
}

function contactRows(residentId: string, contacts: ResidentIntakeInput['emergencyContacts']) {
  return contacts.map((c, position) => ({ id: newId(), residentId, position, ...c }));
}

export async function intakeResident(
  ctx: AuthedContext & { house: House },
  input: ResidentIntakeInput,
) {
  const residentId = newId();
  const { houseId: _h, emergencyContacts, ...profile } = input;
  const contacts = contactRows(residentId, emergencyContacts);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.residents).values({
        id: residentId,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        createdBy: ctx.actor.userId,
        ...profile,
      }),
      ...(contacts.length ? [ctx.db.insert(schema.emergencyContacts).values(contacts)] : []),
    ],
    [
      {
        action: 'residents.intake',
        recordType: 'resident',
        recordId: residentId,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id },
      },
    ],
  );
  return { residentId };
}

/** Changes a profile; the audit entry keeps every old value, so nothing is lost. */
export async function updateResident(
  ctx: AuthedContext & { resident: Resident },
  input: z.infer<typeof residentUpdateInput>,
) {
  const before = ctx.resident;
  const { residentId: _r, emergencyContacts, reason, ...profile } = input;
  const normalised = {
    ...profile,
    preferredName: profile.preferredName ?? null,
    phone: profile.phone ?? null,
    email: profile.email ?? null,
    dateOfBirth: profile.dateOfBirth ?? null,
    sobrietyDate: profile.sobrietyDate ?? null,
  };
  const changed = Object.fromEntries(
    Object.entries(normalised).filter(
      ([k, v]) => (before[k as keyof Resident] ?? null) !== (v ?? null),
    ),
  );
  const oldContacts = await ctx.db
    .select({
      name: schema.emergencyContacts.name,
      relationship: schema.emergencyContacts.relationship,
      phone: schema.emergencyContacts.phone,
    })
    .from(schema.emergencyContacts)
    .where(eq(schema.emergencyContacts.residentId, before.id))
    .orderBy(asc(schema.emergencyContacts.position));
  const contactsChanged = JSON.stringify(oldContacts) !== JSON.stringify(emergencyContacts);
  if (Object.keys(changed).length === 0 && !contactsChanged)
    return { residentId: before.id, changed: [] };
  const contacts = contactRows(before.id, emergencyContacts);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.residents)
        .set({ ...changed, updatedAt: ctx.clock.now() })
        .where(eq(schema.residents.id, before.id)),
      ...(contactsChanged
        ? [
            ctx.db
              .delete(schema.emergencyContacts)
              .where(eq(schema.emergencyContacts.residentId, before.id)),
            ...(contacts.length ? [ctx.db.insert(schema.emergencyContacts).values(contacts)] : []),
          ]
        : []),
    ],
    [
      {
        action: 'residents.update',
        recordType: 'resident',
        recordId: before.id,
        organisationId: before.organisationId,
        details: {
          reason: reason ?? null,
          before: {
            ...Object.fromEntries(
              Object.keys(changed).map((k) => [k, before[k as keyof Resident]]),
            ),
            ...(contactsChanged ? { emergencyContacts: oldContacts } : {}),
          },
          after: { ...changed, ...(contactsChanged ? { emergencyContacts } : {}) },
        },
      },
    ],
  );
  return {
    residentId: before.id,
    changed: [...Object.keys(changed), ...(contactsChanged ? ['emergencyContacts'] : [])],
  };
}

async function staysOfBed(ctx: Pick<AuthedContext, 'db'>, bedId: string): Promise<StayRecord[]> {
  return ctx.db
    .select({
      id: schema.stays.id,
      residentId: schema.stays.residentId,
      bedId: schema.stays.bedId,
      houseId: schema.stays.houseId,
      startDate: schema.stays.startDate,
      endDate: schema.stays.endDate,
    })
    .from(schema.stays)
    .where(eq(schema.stays.bedId, bedId));
}

/** Loads a bed the caller manages, in the resident's organisation. */
async function loadTargetBed(ctx: AuthedContext & { resident: Resident }, bedId: string) {
  const row = await ctx.db
    .select({ bed: schema.beds, house: schema.houses })
    .from(schema.beds)
    .innerJoin(schema.houses, eq(schema.houses.id, schema.beds.houseId))
    .where(eq(schema.beds.id, bedId))
    .get();
  if (!row || row.house.organisationId !== ctx.resident.organisationId) {
    throw invalid('bedId', 'is not a bed of this organisation.');
  }
  if (!canManageHouse(ctx.actor, row.house)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not manage the house of that bed.' });
  }
  const bedStays = await staysOfBed(ctx, bedId);
  return { ...row, bedStays };
}

/**
 * Admits a resident on record (`residentId`) or a new one (intake details) to
 * the bed in the context. A new resident's record, contacts and stay are saved
 * in one batch, so nobody is ever left half-admitted.
 */
export async function admitResident(
  ctx: AuthedContext & { bed: typeof schema.beds.$inferSelect; house: House },
  input: AdmitInput,
) {
  const today = houseToday(ctx, ctx.house);
  const startDate = input.startDate ?? today;
  const bedStays = await staysOfBed(ctx, ctx.bed.id);
  let resident: Resident | undefined;
  if (input.residentId !== undefined) {
    resident = await ctx.db
      .select()
      .from(schema.residents)
      .where(eq(schema.residents.id, input.residentId))
      .get();
    if (!resident || resident.organisationId !== ctx.house.organisationId) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Resident not found.' });
    }
    if (!canManageResident(ctx.actor, resident)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'You do not manage the house of that resident.',
      });
    }
  }
  checkAdmission({
    bedId: ctx.bed.id,
    startDate,
    today,
    bedStays,
    residentStays: resident ? await staysOf(ctx, resident.id) : [],
  });
  const residentId = resident?.id ?? newId();
  const stayId = newId();
  const writes: BatchItem<'sqlite'>[] = [];
  const audit: AuditEntry[] = [];
  if (resident) {
    writes.push(
      ctx.db
        .update(schema.residents)
        .set({ houseId: ctx.house.id, updatedAt: ctx.clock.now() })
        .where(eq(schema.residents.id, residentId)),
    );
  } else {
    const {
      residentId: _r,
      bedId: _b,
      startDate: _s,
      emergencyContacts,
      firstName,
      lastName,
      ...profile
    } = input;
    const contacts = contactRows(residentId, emergencyContacts ?? []);
    writes.push(
      ctx.db.insert(schema.residents).values({
        id: residentId,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        createdBy: ctx.actor.userId,
        firstName: firstName ?? '',
        lastName: lastName ?? '',
        ...profile,
      }),
      ...(contacts.length ? [ctx.db.insert(schema.emergencyContacts).values(contacts)] : []),
    );
    audit.push({
      action: 'residents.intake',
      recordType: 'resident',
      recordId: residentId,
      organisationId: ctx.house.organisationId,
      details: { houseId: ctx.house.id },
    });
  }
  writes.push(
    ctx.db.insert(schema.stays).values({
      id: stayId,
      organisationId: ctx.house.organisationId,
      residentId,
      houseId: ctx.house.id,
      bedId: ctx.bed.id,
      startDate,
      createdBy: ctx.actor.userId,
    }),
    ...(await firstPhaseWrite(ctx, ctx.house.id, residentId, startDate)),
  );
  await commit(ctx, writes, [
    {
      action: 'residents.admit',
      recordType: 'stay',
      recordId: stayId,
      organisationId: ctx.house.organisationId,
      details: { residentId, houseId: ctx.house.id, bedId: ctx.bed.id, startDate },
    },
    ...audit,
  ]);
  return { residentId, stayId, startDate };
}

export async function transferResident(
  ctx: AuthedContext & { resident: Resident },
  input: { bedId: string; date?: string | undefined },
) {
  const target = await loadTargetBed(ctx, input.bedId);
  const residentStays = await staysOf(ctx, ctx.resident.id);
  const today = houseToday(ctx, target.house);
  const date = input.date ?? today;
  const current = checkTransfer({
    current: residentStays.find(isOpen),
    bedId: input.bedId,
    date,
    today,
    bedStays: target.bedStays,
  });
  const stayId = newId();
  const now = ctx.clock.now();
  // leaving the house: their chores there from the move go to others
  const fromHouse =
    current.houseId === target.house.id
      ? undefined
      : await ctx.db
          .select()
          .from(schema.houses)
          .where(eq(schema.houses.id, current.houseId))
          .get();
  const handOn = fromHouse ? await choreWritesOnLeaving(ctx, fromHouse, ctx.resident.id, date) : [];
  // close first: the database allows one open stay per resident
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.stays)
      .set({
        endDate: date,
        endReason: 'transferred',
        endedAt: now,
        endedBy: ctx.actor.userId,
      })
      .where(and(eq(schema.stays.id, current.id), isNull(schema.stays.endDate))),
    {
      action: 'residents.transfer',
      recordType: 'stay',
      recordId: stayId,
      organisationId: ctx.resident.organisationId,
      details: {
        residentId: ctx.resident.id,
        fromStayId: current.id,
        fromBedId: current.bedId,
        toBedId: input.bedId,
        toHouseId: target.house.id,
        date: date,
      },
    },
    [
      ctx.db.insert(schema.stays).values({
        id: stayId,
        organisationId: ctx.resident.organisationId,
        residentId: ctx.resident.id,
        houseId: target.house.id,
        bedId: input.bedId,
        startDate: date,
        previousStayId: current.id,
        createdBy: ctx.actor.userId,
      }),
      ctx.db
        .update(schema.residents)
        .set({ houseId: target.house.id, updatedAt: now })
        .where(eq(schema.residents.id, ctx.resident.id)),
      // a new house starts the resident in its first phase; a move within the house keeps theirs
      ...(target.house.id === current.houseId
        ? []
        : await firstPhaseWrite(ctx, target.house.id, ctx.resident.id, date)),
      ...handOn,
    ],
  );
  return { stayId, date };
}

/** Sets or clears the planned move-out of the resident's current stay. */
export async function planMoveOut(
  ctx: AuthedContext & { resident: Resident },
  input: PlanMoveOutInput,
) {
  const open = (await staysOf(ctx, ctx.resident.id)).find(isOpen);
  if (!open) throw conflict('This resident is not living in a house now.');
  if (input.expectedEndDate !== null && input.expectedEndDate <= open.startDate)
    throw invalid('expectedEndDate', 'must be after the move-in date.');
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.stays)
      .set({ expectedEndDate: input.expectedEndDate })
      .where(and(eq(schema.stays.id, open.id), isNull(schema.stays.endDate))),
    {
      action: 'residents.planMoveOut',
      recordType: 'stay',
      recordId: open.id,
      organisationId: ctx.resident.organisationId,
      details: {
        residentId: ctx.resident.id,
        houseId: open.houseId,
        before: open.expectedEndDate,
        after: input.expectedEndDate,
        ...(input.note ? { note: input.note } : {}),
      },
    },
  );
  return { stayId: open.id, expectedEndDate: input.expectedEndDate };
}

export async function moveOutResident(
  ctx: AuthedContext & { resident: Resident },
  input: MoveOutInput,
) {
  const residentStays = await staysOf(ctx, ctx.resident.id);
  const open = residentStays.find(isOpen);
  const house = await ctx.db
    .select()
    .from(schema.houses)
    .where(eq(schema.houses.id, open?.houseId ?? ctx.resident.houseId))
    .get();
  const today = houseToday(ctx, house ?? { timezone: 'UTC' });
  const date = input.date ?? today;
  const current = checkMoveOut({ current: open, date, today });
  // their chores from the move-out day go to others, in the same batch
  const handOn = house ? await choreWritesOnLeaving(ctx, house, ctx.resident.id, date) : [];
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.stays)
      .set({
        endDate: date,
        endReason: input.reason,
        endNote: input.note ?? null,
        endedAt: ctx.clock.now(),
        endedBy: ctx.actor.userId,
      })
      .where(and(eq(schema.stays.id, current.id), isNull(schema.stays.endDate))),
    {
      action: 'residents.moveOut',
      recordType: 'stay',
      recordId: current.id,
      organisationId: ctx.resident.organisationId,
      details: { residentId: ctx.resident.id, date, reason: input.reason },
    },
    handOn,
  );
  return { stayId: current.id, date };
}
