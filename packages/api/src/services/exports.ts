// CSV exports of the lists staff see (residents, stays, check-ins, tests, chores,
// violations, meetings, attendance), for one house or every house the caller
// manages in an organisation. Rows are read a chunk at a time by keyset, never
// the whole table at once, so years of check-ins stream through a bounded
// amount of memory. Each export is written to the audit log before its first
// row is read, and each chunk of tests or violations as the read of those
// records, as reading them anywhere else is. The HTTP server turns the rows
// into CSV; nothing here knows about HTTP.
import * as z from 'zod';
import { alias, and, asc, eq, gte, inArray, isNull, lt, lte, schema, sql } from '@porchlight/db';
import {
  addDays,
  type Actor,
  ATTENDANCE_LABELS,
  type AttendanceStatus,
  canManageHouse,
  consequenceText,
  countsAsPositive,
  DISCHARGE_REASON_LABELS,
  DomainError,
  DRUG_TEST_METHOD_LABELS,
  DRUG_TEST_RESULT_LABELS,
  DRUG_TEST_TYPE_LABELS,
  type DrugTestResult,
  effectiveResult,
  HALT_LABELS,
  id,
  instantAt,
  invalid,
  isLocalDate,
  isOperatorOf,
  type LabResult,
  localDateAt,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  OCCURRENCE_STATUS_LABELS,
  RULE_CATEGORY_LABELS,
  staffOrganisations,
  SUBSTANCE_LABELS,
} from '@porchlight/domain';
import type { Context } from '../context';
import { fieldErrorsOf } from '../trpc';
import { statusOf } from './chore-rotas';
import { displayName, houseToday } from './houses';
import { auditRead } from './write';

type House = typeof schema.houses.$inferSelect;

export const EXPORT_LISTS = [
  'residents',
  'stays',
  'check-ins',
  'tests',
  'chores',
  'violations',
  'meetings',
  'attendance',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

export function isExportList(value: string): value is ExportList {
  return (EXPORT_LISTS as readonly string[]).includes(value);
}

/** What a spreadsheet cell holds: numbers stay numbers, so a spreadsheet can add them up. */
export type Cell = string | number | null;

export interface CsvExport {
  /** e.g. porchlight-demo-maple-house-check-ins-2026-03-12.csv */
  filename: string;
  header: string[];
  /** Read from the database a chunk at a time as they are asked for. */
  rows: AsyncIterable<Cell[]>;
}

export type ExportContext = Pick<Context, 'db' | 'actor' | 'clock' | 'requestId' | 'ip'>;

/** Rows read per query: enough to keep queries few, few enough to keep memory flat. */
export const EXPORT_CHUNK = 1000;

// a link from the dashboard leaves a parameter it has no value for empty
const blankIsAbsent = (v: string | undefined) =>
  v === undefined || v.trim() === '' ? undefined : v;
const optionalId = z.string().optional().transform(blankIsAbsent).pipe(id.optional());
const optionalDate = z
  .string()
  .optional()
  .transform(blankIsAbsent)
  .refine((v) => v === undefined || isLocalDate(v), 'must be a date like 2026-03-12.');

/** The query string of an export: which houses, and an optional period of house-local days. */
export const exportQuery = z
  .strictObject({
    houseId: optionalId,
    organisationId: optionalId,
    from: optionalDate,
    to: optionalDate,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must be on or after from.',
  });
export type ExportQuery = z.output<typeof exportQuery>;

interface Period {
  from: string | undefined;
  to: string | undefined;
}

function parseQuery(query: Record<string, string | undefined>): ExportQuery {
  const parsed = exportQuery.safeParse(query);
  if (parsed.success) return parsed.data;
  const errors = Object.entries(fieldErrorsOf(parsed.error.issues));
  const [first] = errors;
  const message = errors.map(([field, detail]) => `${field} ${detail}`).join(' ');
  throw new DomainError('BAD_REQUEST', message, first?.[0], first?.[1]);
}

// ---------- who may export what ----------

/** As the API answers: a record outside every organisation of the caller is "not found". */
function deny(actor: Actor, organisationId: string, what: 'house' | 'organisation'): never {
  if (actor.memberships.some((m) => m.organisationId === organisationId))
    throw new DomainError('FORBIDDEN', `You do not have access to this ${what}.`);
  throw new DomainError('NOT_FOUND', `${what === 'house' ? 'House' : 'Organisation'} not found.`);
}

interface Scope {
  organisation: { id: string; name: string };
  /** The one house asked for, or null for every house the caller manages. */
  house: House | null;
  houses: House[];
}

/**
 * The houses an export covers: the one named by houseId, which the caller must
 * manage; else every house of the organisation for an operator, and a manager's
 * own houses for a manager. Residents and everyone else get nothing.
 */
async function scopeOf(ctx: ExportContext, query: ExportQuery): Promise<Scope> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', 'Please sign in.');
  let organisationId: string;
  let house: House | null = null;
  if (query.houseId) {
    const found = await ctx.db
      .select()
      .from(schema.houses)
      .where(eq(schema.houses.id, query.houseId))
      .get();
    if (!found) throw new DomainError('NOT_FOUND', 'House not found.');
    if (!canManageHouse(actor, found)) deny(actor, found.organisationId, 'house');
    if (query.organisationId && query.organisationId !== found.organisationId)
      throw invalid('organisationId', 'must be the house’s organisation.');
    organisationId = found.organisationId;
    house = found;
  } else {
    const staffOf = staffOrganisations(actor);
    const chosen = query.organisationId ?? (staffOf.length === 1 ? staffOf[0] : undefined);
    if (!chosen) {
      if (staffOf.length === 0) throw new DomainError('FORBIDDEN', 'This is for house staff.');
      throw invalid('organisationId', 'is required: you belong to several.');
    }
    if (!staffOf.includes(chosen)) deny(actor, chosen, 'organisation');
    organisationId = chosen;
  }
  const organisation = await ctx.db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, organisationId))
    .get();
  if (!organisation) throw new DomainError('NOT_FOUND', 'Organisation not found.');
  if (house) return { organisation, house, houses: [house] };
  const managed = actor.memberships.find((m) => m.organisationId === organisationId)?.houseIds;
  const houses = isOperatorOf(actor, organisationId)
    ? await ctx.db
        .select()
        .from(schema.houses)
        .where(eq(schema.houses.organisationId, organisationId))
        .orderBy(asc(schema.houses.name), asc(schema.houses.id))
    : managed && managed.length > 0
      ? await ctx.db
          .select()
          .from(schema.houses)
          .where(
            and(
              eq(schema.houses.organisationId, organisationId),
              inArray(schema.houses.id, [...managed]),
            ),
          )
          .orderBy(asc(schema.houses.name), asc(schema.houses.id))
      : [];
  return { organisation, house: null, houses };
}

// ---------- how values read in a spreadsheet ----------

const yesNo = (value: boolean | null | undefined): Cell =>
  value === null || value === undefined ? null : value ? 'yes' : 'no';

const localTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the house's wall clock showed it, "2026-03-12 21:04", beside a
 * time zone column. Excel, LibreOffice and Google Sheets all read this as a date
 * and time they can sort, filter and chart, where an ISO string with an offset
 * ("2026-03-12T21:04:00-05:00") stays text in Excel; and a house's staff think
 * in the house's clock (curfew is 22:00 there, whatever UTC says). The time zone
 * column names the clock, for houses in different zones.
 */
export function houseLocalTime(at: Date | null, timeZone: string): Cell {
  if (at === null) return null;
  let format = localTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localTimeFormats.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(at).map((p) => [p.type, p.value]));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function labelOf(labels: Record<string, string>, value: string | null): Cell {
  if (value === null) return null;
  return labels[value] ?? value;
}

function listOf(labels: Record<string, string>, values: readonly string[] | null): Cell {
  if (!values || values.length === 0) return null;
  return values.map((v) => labels[v] ?? v).join(', ');
}

function stayEndLabel(reason: string | null): Cell {
  if (reason === null) return null;
  if (reason === 'transferred') return 'Transferred';
  return labelOf(DISCHARGE_REASON_LABELS, reason);
}

/** The instants a period of house-local days covers in `house`: [start, end). */
function instantsOf(period: Period, house: House) {
  return {
    start: period.from ? instantAt(period.from, 0, 0, house.timezone) : null,
    end: period.to ? instantAt(addDays(period.to, 1), 0, 0, house.timezone) : null,
  };
}

/** Keyset pagination: `fetch` gets the key of the last row read (null at first). */
async function* chunks<R, K>(
  fetch: (after: K | null) => Promise<R[]>,
  keyOf: (row: R) => K,
): AsyncGenerator<R[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < EXPORT_CHUNK || last === undefined) return;
    after = keyOf(last);
  }
}

/** One list: its columns, and its rows for one house, a chunk at a time. */
interface ExportDefinition {
  header: string[];
  rowsOf(ctx: ExportContext, house: House, period: Period): AsyncGenerator<Cell[][]>;
}

// ---------- residents ----------

const RESIDENT_STATUS = {
  current: 'Living in the house',
  past: 'Moved out',
  waiting: 'Waiting for a bed',
} as const;

const openStay = alias(schema.stays, 'open_stay');

const residentsExport: ExportDefinition = {
  header: [
    'House',
    'Resident',
    'First name',
    'Last name',
    'Preferred name',
    'Status',
    'Room',
    'Bed',
    'Moved in',
    'Moved out',
    'Sobriety date',
    'Phone',
    'Email',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const r = schema.residents;
    // with a period: those who lived in the house at some point in it
    const livedThere =
      period.from || period.to
        ? sql`exists (select 1 from stays s where s.resident_id = ${r.id} and s.house_id = ${house.id}${
            period.to ? sql` and s.start_date <= ${period.to}` : sql``
          }${period.from ? sql` and (s.end_date is null or s.end_date > ${period.from})` : sql``})`
        : undefined;
    type Key = { lastName: string; firstName: string; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          id: r.id,
          firstName: r.firstName,
          lastName: r.lastName,
          preferredName: r.preferredName,
          sobrietyDate: r.sobrietyDate,
          phone: r.phone,
          email: r.email,
          roomName: schema.rooms.name,
          bedLabel: schema.beds.label,
          since: openStay.startDate,
          lastEndDate: sql<
            string | null
          >`(select max(s.end_date) from stays s where s.resident_id = ${r.id})`,
        })
        .from(r)
        .leftJoin(openStay, and(eq(openStay.residentId, r.id), isNull(openStay.endDate)))
        .leftJoin(schema.beds, eq(schema.beds.id, openStay.bedId))
        .leftJoin(schema.rooms, eq(schema.rooms.id, schema.beds.roomId))
        .where(
          and(
            eq(r.houseId, house.id),
            livedThere,
            after
              ? sql`(${r.lastName}, ${r.firstName}, ${r.id}) > (${after.lastName}, ${after.firstName}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(r.lastName), asc(r.firstName), asc(r.id))
        .limit(EXPORT_CHUNK);
    for await (const rows of chunks(read, (row) => row)) {
      yield rows.map((row) => [
        house.name,
        displayName(row),
        row.firstName,
        row.lastName,
        row.preferredName,
        row.since !== null
          ? RESIDENT_STATUS.current
          : row.lastEndDate !== null
            ? RESIDENT_STATUS.past
            : RESIDENT_STATUS.waiting,
        row.roomName,
        row.bedLabel,
        row.since,
        row.since === null ? row.lastEndDate : null,
        row.sobrietyDate,
        row.phone,
        row.email,
        row.id,
      ]);
    }
  },
};

// ---------- stays: the bed history ----------

const staysExport: ExportDefinition = {
  header: [
    'House',
    'Room',
    'Bed',
    'Resident',
    'Moved in',
    'Moved out',
    'Why it ended',
    'Note',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const s = schema.stays;
    type Key = { bedLabel: string; startDate: string; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          id: s.id,
          residentId: s.residentId,
          startDate: s.startDate,
          endDate: s.endDate,
          endReason: s.endReason,
          endNote: s.endNote,
          bedLabel: schema.beds.label,
          roomName: schema.rooms.name,
          firstName: schema.residents.firstName,
          lastName: schema.residents.lastName,
          preferredName: schema.residents.preferredName,
        })
        .from(s)
        .innerJoin(schema.beds, eq(schema.beds.id, s.bedId))
        .innerJoin(schema.rooms, eq(schema.rooms.id, schema.beds.roomId))
        .innerJoin(schema.residents, eq(schema.residents.id, s.residentId))
        .where(
          and(
            eq(s.houseId, house.id),
            // stays that cover a night of the period (the end date's night is not part of a stay)
            period.to ? lte(s.startDate, period.to) : undefined,
            period.from ? sql`(${s.endDate} is null or ${s.endDate} > ${period.from})` : undefined,
            after
              ? sql`(${schema.beds.label}, ${s.startDate}, ${s.id}) > (${after.bedLabel}, ${after.startDate}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(schema.beds.label), asc(s.startDate), asc(s.id))
        .limit(EXPORT_CHUNK);
    for await (const rows of chunks(read, (row) => row)) {
      yield rows.map((row) => [
        house.name,
        row.roomName,
        row.bedLabel,
        displayName(row),
        row.startDate,
        row.endDate,
        stayEndLabel(row.endReason),
        row.endNote,
        row.residentId,
      ]);
    }
  },
};

// ---------- check-ins ----------

// Location is left out on purpose: staff see it one check-in at a time on a
// resident's record, and a file of where every resident was, every day, is a
// location trail nobody needs in a spreadsheet. The resident's note is left out
// too: it is written to their house manager, not for a report.
const checkInColumns = {
  id: schema.checkIns.id,
  residentId: schema.checkIns.residentId,
  correctsId: schema.checkIns.correctsId,
  kind: schema.checkIns.kind,
  forDate: schema.checkIns.forDate,
  recordedAt: schema.checkIns.recordedAt,
  late: schema.checkIns.late,
  mood: schema.checkIns.mood,
  craving: schema.checkIns.craving,
  halt: schema.checkIns.halt,
  sleepHours: schema.checkIns.sleepHours,
  sponsorContact: schema.checkIns.sponsorContact,
  workOrSchool: schema.checkIns.workOrSchool,
};

const CHECK_IN_KIND_LABELS: Record<string, string> = { daily: 'Daily', curfew: 'Curfew' };

const checkInsExport: ExportDefinition = {
  header: [
    'House',
    'Date',
    'Check-in',
    'Resident',
    'Recorded at',
    'Time zone',
    'Late',
    'Corrected',
    'Mood',
    'Craving',
    'HALT',
    'Sleep (hours)',
    'Recovery meetings',
    'Sponsor contact',
    'Work or school',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const c = schema.checkIns;
    type Key = { forDate: string; recordedAt: Date; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          ...checkInColumns,
          firstName: schema.residents.firstName,
          lastName: schema.residents.lastName,
          preferredName: schema.residents.preferredName,
        })
        .from(c)
        .innerJoin(schema.residents, eq(schema.residents.id, c.residentId))
        .where(
          and(
            eq(c.houseId, house.id),
            // corrections are read in place of their original, never as rows of their own
            isNull(c.correctsId),
            period.from ? gte(c.forDate, period.from) : undefined,
            period.to ? lte(c.forDate, period.to) : undefined,
            after
              ? and(
                  gte(c.forDate, after.forDate),
                  sql`(${c.forDate}, ${c.recordedAt}, ${c.id}) > (${after.forDate}, ${after.recordedAt.getTime()}, ${after.id})`,
                )
              : undefined,
          ),
        )
        .orderBy(asc(c.forDate), asc(c.recordedAt), asc(c.id))
        .limit(EXPORT_CHUNK);
    for await (const originals of chunks(read, (row) => row)) {
      const corrections = await ctx.db
        .select(checkInColumns)
        .from(c)
        .where(
          inArray(
            c.correctsId,
            originals.map((o) => o.id),
          ),
        )
        .orderBy(asc(c.recordedAt), asc(c.id));
      // the latest correction is what the resident meant; the original keeps its timing
      const current = new Map<string, (typeof corrections)[number]>();
      for (const fix of corrections) if (fix.correctsId) current.set(fix.correctsId, fix);
      const effectiveIds = originals.map((o) => current.get(o.id)?.id ?? o.id);
      const meetings = await ctx.db
        .select({ checkInId: schema.checkInMeetings.checkInId, n: sql<number>`count(*)` })
        .from(schema.checkInMeetings)
        .where(inArray(schema.checkInMeetings.checkInId, effectiveIds))
        .groupBy(schema.checkInMeetings.checkInId);
      const meetingsOf = new Map(meetings.map((m) => [m.checkInId, Number(m.n)]));
      yield originals.map((o) => {
        const now = current.get(o.id) ?? o;
        const daily = o.kind === 'daily';
        return [
          house.name,
          o.forDate,
          labelOf(CHECK_IN_KIND_LABELS, o.kind),
          displayName(o),
          houseLocalTime(o.recordedAt, house.timezone),
          house.timezone,
          yesNo(o.late),
          yesNo(current.has(o.id)),
          now.mood,
          now.craving,
          listOf(HALT_LABELS, now.halt),
          now.sleepHours,
          daily ? (meetingsOf.get(now.id) ?? 0) : null,
          yesNo(now.sponsorContact),
          yesNo(now.workOrSchool),
          o.residentId,
        ];
      });
    }
  },
};

// ---------- drug and alcohol tests ----------

const recorder = alias(schema.users, 'recorder');

const testsExport: ExportDefinition = {
  header: [
    'House',
    'Resident',
    'Collected at',
    'Time zone',
    'Type',
    'Method',
    'Panel',
    'Result',
    'Positive for',
    'Witness',
    'Lab result',
    'Lab',
    'Standing result',
    'Counts as positive',
    'Standing positive for',
    'From a random draw',
    'Notes',
    'Recorded by',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const t = schema.drugTests;
    const { start, end } = instantsOf(period, house);
    type Key = { collectedAt: Date; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          t,
          firstName: schema.residents.firstName,
          lastName: schema.residents.lastName,
          preferredName: schema.residents.preferredName,
          recordedByName: recorder.name,
        })
        .from(t)
        .innerJoin(schema.residents, eq(schema.residents.id, t.residentId))
        .leftJoin(recorder, eq(recorder.id, t.recordedBy))
        .where(
          and(
            eq(t.houseId, house.id),
            // a lab confirmation is a column of the test it confirms
            isNull(t.confirmsId),
            start ? gte(t.collectedAt, start) : undefined,
            end ? lt(t.collectedAt, end) : undefined,
            after
              ? sql`(${t.collectedAt}, ${t.id}) > (${after.collectedAt.getTime()}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(t.collectedAt), asc(t.id))
        .limit(EXPORT_CHUNK);
    for await (const rows of chunks(read, (row) => row.t)) {
      const ids = rows.map((row) => row.t.id);
      const confirmations = await ctx.db
        .select()
        .from(t)
        .where(inArray(t.confirmsId, ids))
        .orderBy(asc(t.recordedAt), asc(t.id));
      // as every other read of tests is: who read which tests, and when
      await auditRead(ctx, {
        action: 'tests.read',
        recordType: 'drug_test',
        recordId: null,
        organisationId: house.organisationId,
        details: { houseId: house.id, testIds: ids, export: 'tests' },
      });
      yield rows.map((row) => {
        const theirs = confirmations.filter((x) => x.confirmsId === row.t.id);
        const latest = theirs.at(-1);
        const standing = effectiveResult(
          { result: row.t.result as DrugTestResult },
          theirs.map((x) => ({ result: x.result as LabResult, recordedAt: x.recordedAt })),
        );
        return [
          house.name,
          displayName(row),
          houseLocalTime(row.t.collectedAt, house.timezone),
          house.timezone,
          labelOf(DRUG_TEST_TYPE_LABELS, row.t.type),
          labelOf(DRUG_TEST_METHOD_LABELS, row.t.method),
          listOf(SUBSTANCE_LABELS, row.t.panel),
          labelOf(DRUG_TEST_RESULT_LABELS, row.t.result),
          listOf(SUBSTANCE_LABELS, row.t.positiveFor),
          row.t.witness,
          latest ? labelOf(DRUG_TEST_RESULT_LABELS, latest.result) : null,
          latest ? latest.lab : null,
          labelOf(DRUG_TEST_RESULT_LABELS, standing),
          // a refusal counts as positive everywhere
          yesNo(countsAsPositive(standing)),
          listOf(SUBSTANCE_LABELS, latest ? latest.positiveFor : row.t.positiveFor),
          yesNo(row.t.drawId !== null),
          row.t.notes,
          row.recordedByName,
          row.t.residentId,
        ];
      });
    }
  },
};

// ---------- chores ----------

const choresExport: ExportDefinition = {
  header: [
    'House',
    'Date',
    'Chore',
    'Area',
    'Resident',
    'Status',
    'Effort',
    'Needs a check',
    'Done at',
    'Checked at',
    'Time zone',
    'Sent back because',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const o = schema.choreOccurrences;
    const today = houseToday(ctx, house);
    type Key = { date: string; choreName: string; slot: number; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          o,
          choreName: schema.chores.name,
          area: schema.chores.area,
          firstName: schema.residents.firstName,
          lastName: schema.residents.lastName,
          preferredName: schema.residents.preferredName,
        })
        .from(o)
        .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, o.rotaId))
        .innerJoin(schema.chores, eq(schema.chores.id, o.choreId))
        .leftJoin(schema.residents, eq(schema.residents.id, o.residentId))
        .where(
          and(
            eq(o.houseId, house.id),
            // a draft rota is a plan nobody was given yet
            eq(schema.choreRotas.status, 'published'),
            period.from ? gte(o.date, period.from) : undefined,
            period.to ? lte(o.date, period.to) : undefined,
            after
              ? sql`(${o.date}, ${schema.chores.name}, ${o.slot}, ${o.id}) > (${after.date}, ${after.choreName}, ${after.slot}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(o.date), asc(schema.chores.name), asc(o.slot), asc(o.id))
        .limit(EXPORT_CHUNK);
    const keyOf = (row: { o: typeof o.$inferSelect; choreName: string }) => ({
      date: row.o.date,
      choreName: row.choreName,
      slot: row.o.slot,
      id: row.o.id,
    });
    for await (const rows of chunks(read, keyOf)) {
      yield rows.map((row) => [
        house.name,
        row.o.date,
        row.choreName,
        row.area,
        row.firstName !== null && row.lastName !== null
          ? displayName({
              firstName: row.firstName,
              lastName: row.lastName,
              preferredName: row.preferredName,
            })
          : null,
        OCCURRENCE_STATUS_LABELS[statusOf(row.o, today)],
        row.o.effort,
        yesNo(row.o.needsVerification),
        houseLocalTime(row.o.doneAt, house.timezone),
        houseLocalTime(row.o.checkedAt, house.timezone),
        house.timezone,
        row.o.checkResult === 'rejected' ? row.o.checkReason : null,
        row.o.residentId,
      ]);
    }
  },
};

// ---------- violations ----------

const reporter = alias(schema.users, 'reporter');
const voider = alias(schema.users, 'voider');

const violationsExport: ExportDefinition = {
  header: [
    'House',
    'Resident',
    'Occurred at',
    'Time zone',
    'Category',
    'Rule',
    'Rule book version',
    'What happened',
    'Consequence',
    'Fine',
    'Reported by',
    'Resident’s response',
    'Responded at',
    'Voided',
    'Voided at',
    'Voided by',
    'Why voided',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const v = schema.violations;
    const { start, end } = instantsOf(period, house);
    type Key = { occurredAt: Date; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          v,
          firstName: schema.residents.firstName,
          lastName: schema.residents.lastName,
          preferredName: schema.residents.preferredName,
          reportedByName: reporter.name,
          voidedByName: voider.name,
        })
        .from(v)
        .innerJoin(schema.residents, eq(schema.residents.id, v.residentId))
        .leftJoin(reporter, eq(reporter.id, v.reportedBy))
        .leftJoin(voider, eq(voider.id, v.voidedBy))
        .where(
          and(
            eq(v.houseId, house.id),
            start ? gte(v.occurredAt, start) : undefined,
            end ? lt(v.occurredAt, end) : undefined,
            after
              ? sql`(${v.occurredAt}, ${v.id}) > (${after.occurredAt.getTime()}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(v.occurredAt), asc(v.id))
        .limit(EXPORT_CHUNK);
    // the rule as the resident signed it, read once per version rather than once per row
    const versions = new Map<string, { version: number; rules: Map<string, string> }>();
    for await (const rows of chunks(read, (row) => row.v)) {
      const missing = [...new Set(rows.map((row) => row.v.ruleBookVersionId))].filter(
        (vid) => !versions.has(vid),
      );
      if (missing.length > 0) {
        const found = await ctx.db
          .select({
            id: schema.ruleBookVersions.id,
            version: schema.ruleBookVersions.version,
            rules: schema.ruleBookVersions.rules,
          })
          .from(schema.ruleBookVersions)
          .where(inArray(schema.ruleBookVersions.id, missing));
        for (const f of found)
          versions.set(f.id, {
            version: f.version,
            rules: new Map(f.rules.map((rule) => [rule.key, rule.text])),
          });
      }
      await auditRead(ctx, {
        action: 'violations.read',
        recordType: 'violation',
        recordId: null,
        organisationId: house.organisationId,
        details: {
          houseId: house.id,
          violationIds: rows.map((row) => row.v.id),
          export: 'violations',
        },
      });
      yield rows.map(({ v: row, ...names }) => {
        const version = versions.get(row.ruleBookVersionId);
        return [
          house.name,
          displayName(names),
          houseLocalTime(row.occurredAt, house.timezone),
          house.timezone,
          labelOf(RULE_CATEGORY_LABELS, row.category),
          version?.rules.get(row.ruleKey) ?? row.ruleKey,
          version?.version ?? null,
          row.description,
          consequenceText(row.consequence),
          row.consequence.kind === 'fine' && row.consequence.amountCents !== undefined
            ? row.consequence.amountCents / 100
            : null,
          names.reportedByName,
          row.residentResponse,
          houseLocalTime(row.respondedAt, house.timezone),
          // voided violations stay on record, marked, and leave the counts
          yesNo(row.voidedAt !== null),
          houseLocalTime(row.voidedAt, house.timezone),
          row.voidedAt !== null ? names.voidedByName : null,
          row.voidReason,
          row.residentId,
        ];
      });
    }
  },
};

// ---------- meetings and attendance ----------

const meetingsExport: ExportDefinition = {
  header: [
    'House',
    'Date',
    'Time',
    'Time zone',
    'Meeting',
    'Kind',
    'Status',
    'Present',
    'Late',
    'Excused',
    'Absent, not excused',
    'Minutes approved',
    'Why cancelled',
    'Meeting ID',
  ],
  async *rowsOf(ctx, house, period) {
    const m = schema.meetings;
    type Key = { startsAt: Date; id: string };
    const read = (after: Key | null) =>
      ctx.db
        .select()
        .from(m)
        .where(
          and(
            eq(m.houseId, house.id),
            period.from ? gte(m.date, period.from) : undefined,
            period.to ? lte(m.date, period.to) : undefined,
            after
              ? sql`(${m.startsAt}, ${m.id}) > (${after.startsAt.getTime()}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(m.startsAt), asc(m.id))
        .limit(EXPORT_CHUNK);
    for await (const rows of chunks(read, (row) => row)) {
      const counts = await ctx.db
        .select({
          meetingId: schema.meetingAttendance.meetingId,
          status: schema.meetingAttendance.status,
          n: sql<number>`count(*)`,
        })
        .from(schema.meetingAttendance)
        .where(
          inArray(
            schema.meetingAttendance.meetingId,
            rows.map((row) => row.id),
          ),
        )
        .groupBy(schema.meetingAttendance.meetingId, schema.meetingAttendance.status);
      const countOf = (meetingId: string, status: AttendanceStatus) =>
        Number(counts.find((c) => c.meetingId === meetingId && c.status === status)?.n ?? 0);
      yield rows.map((row) => {
        // a roll is only taken at a meeting that was held or is under way
        const rollTaken = row.status === 'closed' || row.status === 'open';
        const count = (status: AttendanceStatus) => (rollTaken ? countOf(row.id, status) : null);
        return [
          house.name,
          row.date,
          row.time,
          house.timezone,
          row.title,
          labelOf(MEETING_KIND_LABELS, row.kind),
          labelOf(MEETING_STATUS_LABELS, row.status),
          count('present'),
          count('late'),
          count('excused'),
          count('unexcused'),
          yesNo(row.minutesApprovedAt !== null),
          row.status === 'cancelled' ? row.cancelReason : null,
          row.id,
        ];
      });
    }
  },
};

const attendanceExport: ExportDefinition = {
  header: [
    'House',
    'Meeting date',
    'Meeting time',
    'Time zone',
    'Meeting',
    'Resident',
    'Attendance',
    'Note',
    'Meeting ID',
    'Resident ID',
  ],
  async *rowsOf(ctx, house, period) {
    const a = schema.meetingAttendance;
    const m = schema.meetings;
    const r = schema.residents;
    type Key = {
      startsAt: Date;
      meetingId: string;
      lastName: string;
      firstName: string;
      id: string;
    };
    const read = (after: Key | null) =>
      ctx.db
        .select({
          id: a.id,
          status: a.status,
          note: a.note,
          residentId: a.residentId,
          meetingId: m.id,
          startsAt: m.startsAt,
          date: m.date,
          time: m.time,
          title: m.title,
          firstName: r.firstName,
          lastName: r.lastName,
          preferredName: r.preferredName,
        })
        .from(a)
        .innerJoin(m, eq(m.id, a.meetingId))
        .innerJoin(r, eq(r.id, a.residentId))
        .where(
          and(
            eq(m.houseId, house.id),
            period.from ? gte(m.date, period.from) : undefined,
            period.to ? lte(m.date, period.to) : undefined,
            after
              ? sql`(${m.startsAt}, ${m.id}, ${r.lastName}, ${r.firstName}, ${a.id}) > (${after.startsAt.getTime()}, ${after.meetingId}, ${after.lastName}, ${after.firstName}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(m.startsAt), asc(m.id), asc(r.lastName), asc(r.firstName), asc(a.id))
        .limit(EXPORT_CHUNK);
    for await (const rows of chunks(read, (row) => row)) {
      yield rows.map((row) => [
        house.name,
        row.date,
        row.time,
        house.timezone,
        row.title,
        displayName(row),
        labelOf(ATTENDANCE_LABELS, row.status),
        row.note,
        row.meetingId,
        row.residentId,
      ]);
    }
  },
};

const EXPORTS: Record<ExportList, ExportDefinition> = {
  residents: residentsExport,
  stays: staysExport,
  'check-ins': checkInsExport,
  tests: testsExport,
  chores: choresExport,
  violations: violationsExport,
  meetings: meetingsExport,
  attendance: attendanceExport,
};

// ---------- the export ----------

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'porchlight'
  );
}

/**
 * Authorizes an export, writes it to the audit log, and returns its rows to be
 * read. Throws a DomainError (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, BAD_REQUEST
 * naming the field) before anything is read when the export cannot be given.
 */
export async function startExport(
  ctx: ExportContext,
  list: ExportList,
  query: Record<string, string | undefined>,
): Promise<CsvExport> {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', 'Please sign in.');
  const input = parseQuery(query);
  const scope = await scopeOf(ctx, input);
  const period: Period = { from: input.from, to: input.to };
  const definition = EXPORTS[list];
  const first = scope.houses[0];
  const today = localDateAt(ctx.clock.now(), first ? first.timezone : 'UTC');
  const name = scope.house
    ? `${scope.organisation.name} ${scope.house.name}`
    : scope.organisation.name;
  const filename = `${slug(name)}-${list}-${today}.csv`;
  await auditRead(ctx, {
    action: 'exports.download',
    recordType: 'export',
    recordId: null,
    organisationId: scope.organisation.id,
    details: {
      list,
      houseId: scope.house?.id ?? null,
      houseIds: scope.houses.map((h) => h.id),
      from: period.from ?? null,
      to: period.to ?? null,
      filename,
    },
  });
  async function* rows(): AsyncGenerator<Cell[]> {
    for (const house of scope.houses) {
      for await (const chunk of definition.rowsOf(ctx, house, period)) yield* chunk;
    }
  }
  return { filename, header: [...definition.header], rows: rows() };
}
