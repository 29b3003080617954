// The bare baseline of `pnpm bench`: node:http and raw @libsql/client running
// the same SQL the product runs for the four benchmarked operations, with no
// framework, validation, session, permission check or audit entry. It answers
// at the product's paths (tRPC's `?input=` for reads, a JSON body for the write)
// and sends the rows back as JSON, so what is left between the two is what the
// product adds on top of the database.
//
// Which product statements each route mirrors (copied from the SQL that drizzle
// sends, logged by wrapping the product's libsql client):
//
// POST /trpc/checkIns.record — services/check-ins.ts recordCheckIn: openStayOf
//   (stays ⋈ houses, the open stay), existingOriginal (a daily entry for the day
//   already), then one batch with the INSERT into check_ins and, when meetings are
//   given, the INSERT into check_in_meetings. Left out: the residents row that
//   residentSelfProcedure loads (auth) and the audit_log INSERT of `commit`.
// GET /trpc/checkIns.history — services/check-ins.ts history: the originals
//   (check_ins ⋈ houses, newest first, limit + 1), their corrections
//   (corrects_id in …) and the meetings of both (check_in_meetings in …). Left
//   out: the residents row residentProcedure loads (auth).
// GET /trpc/checkIns.board — houseProcedure's houses row (the board needs its
//   timezone and policy), services/check-ins.ts board: the residents staying on
//   the day (stays ⋈ residents), residentDays (stays, resident_phases ⋈ phases,
//   approved passes, check_ins of the day, first rule acknowledgements, a
//   published rule book version) and outNow (open sign_outs ⋈ residents,
//   approved passes out ⋈ residents).
// GET /trpc/portfolio.overview — services/portfolio.ts portfolioOverview in its
//   steady state (day figures stored and fresh, attention counts cached in
//   memory, so no SQL for them): overseenHouses (houses of the organisation),
//   statesOf once (house_stats; nothing needed working out), liveFigures (beds,
//   open stays with planned move-outs, today's chores counted by the fields
//   their status reads, recent violations, today's closed meetings ⟕
//   attendance, positiveTestCounts: flagged tests and lab confirmations, open
//   grievances, managers), and storedSums (house_day_stats summed per window,
//   once per distinct house today). The product keeps each house's stored sums
//   until the house changes; the baseline sums every house every time, as the
//   product does when every house has changed. The organisation comes in the
//   input, as the session would give it.
//
// Run as its own process: `BASELINE_PORT=3401 BASELINE_DB=/path/copy.db node --import tsx tests/bench/baseline.ts`.
// It must have its own copy of the database file: two writers on one file lose writes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createClient, type InValue, type ResultSet } from '@libsql/client';

type Row = Record<string, InValue>;

const DAY_MS = 86_400_000;

// ---------- dates, without a date library ----------

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date `YYYY-MM-DD` in `timeZone` at `instant`. */
function localDate(instant: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, f);
  }
  return f.format(instant);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = Number(part.value);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` shows `hhmm` on `date` (the product's dailyDueAt). */
function dueAt(date: string, hhmm: string, timeZone: string): number {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  const guess = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  return guess - offsetAt(guess, timeZone);
}

/** The first day of the month two months before `today` (the overview's violations window). */
function violationsFrom(today: string): string {
  const [y = 0, m = 1] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function marks(n: number) {
  return Array.from({ length: n }, () => '?').join(', ');
}

// ---------- the product's statements ----------

const SQL = {
  openStay:
    'select "stays"."id", "stays"."organisation_id", "stays"."resident_id", "stays"."house_id", "stays"."bed_id", "stays"."start_date", "stays"."end_date", "stays"."expected_end_date", "stays"."end_reason", "stays"."end_note", "stays"."previous_stay_id", "stays"."created_at", "stays"."created_by", "stays"."ended_at", "stays"."ended_by", "houses"."id", "houses"."organisation_id", "houses"."name", "houses"."address", "houses"."timezone", "houses"."narr_level", "houses"."capacity", "houses"."daily_check_in_by", "houses"."curfew_window_before", "houses"."curfew_grace", "houses"."chore_rota_days", "houses"."chore_swaps_need_approval", "houses"."officer_term_months", "houses"."officer_consecutive_allowed", "houses"."created_at", "houses"."updated_at" from "stays" inner join "houses" on "houses"."id" = "stays"."house_id" where ("stays"."resident_id" = ? and "stays"."end_date" is null)',
  existingOriginal:
    'select "id" from "check_ins" where ("check_ins"."resident_id" = ? and "check_ins"."kind" = ? and "check_ins"."for_date" = ? and "check_ins"."corrects_id" is null)',
  insertCheckIn:
    'insert into "check_ins" ("id", "organisation_id", "house_id", "resident_id", "kind", "for_date", "recorded_at", "late", "corrects_id", "correction_reason", "mood", "craving", "halt", "sleep_hours", "sponsor_contact", "work_or_school", "note", "latitude", "longitude", "location_accuracy", "recorded_by") values (?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?)',
  insertMeetings: (n: number) =>
    `insert into "check_in_meetings" ("id", "check_in_id", "type", "name", "verification", "resource_id") values ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`,

  historyOriginals:
    'select "check_ins"."id", "check_ins"."organisation_id", "check_ins"."house_id", "check_ins"."resident_id", "check_ins"."kind", "check_ins"."for_date", "check_ins"."recorded_at", "check_ins"."late", "check_ins"."corrects_id", "check_ins"."correction_reason", "check_ins"."mood", "check_ins"."craving", "check_ins"."halt", "check_ins"."sleep_hours", "check_ins"."sponsor_contact", "check_ins"."work_or_school", "check_ins"."note", "check_ins"."latitude", "check_ins"."longitude", "check_ins"."location_accuracy", "check_ins"."recorded_by", "houses"."timezone", "houses"."name" from "check_ins" inner join "houses" on "houses"."id" = "check_ins"."house_id" where ("check_ins"."resident_id" = ? and "check_ins"."corrects_id" is null) order by "check_ins"."for_date" desc, "check_ins"."recorded_at" desc limit ?',
  historyCorrections: (n: number) =>
    `select "id", "organisation_id", "house_id", "resident_id", "kind", "for_date", "recorded_at", "late", "corrects_id", "correction_reason", "mood", "craving", "halt", "sleep_hours", "sponsor_contact", "work_or_school", "note", "latitude", "longitude", "location_accuracy", "recorded_by" from "check_ins" where "check_ins"."corrects_id" in (${marks(n)}) order by "check_ins"."recorded_at" asc`,
  historyMeetings: (n: number) =>
    `select "id", "check_in_id", "type", "name", "verification", "resource_id" from "check_in_meetings" where "check_in_meetings"."check_in_id" in (${marks(n)})`,

  house:
    'select "id", "organisation_id", "name", "address", "timezone", "narr_level", "capacity", "daily_check_in_by", "curfew_window_before", "curfew_grace", "chore_rota_days", "chore_swaps_need_approval", "officer_term_months", "officer_consecutive_allowed", "created_at", "updated_at" from "houses" where "houses"."id" = ?',
  boardResidents:
    'select "residents"."id", "residents"."organisation_id", "residents"."house_id", "residents"."user_id", "residents"."first_name", "residents"."last_name", "residents"."preferred_name", "residents"."phone", "residents"."email", "residents"."date_of_birth", "residents"."sobriety_date", "residents"."share_location", "residents"."share_milestones", "residents"."created_at", "residents"."updated_at", "residents"."created_by", "stays"."start_date" from "stays" inner join "residents" on "residents"."id" = "stays"."resident_id" where ("stays"."house_id" = ? and "stays"."start_date" <= ? and ("stays"."end_date" is null or "stays"."end_date" >= ?)) order by "residents"."last_name" asc, "residents"."first_name" asc',
  daysStays: (n: number) =>
    `select "id", "organisation_id", "resident_id", "house_id", "bed_id", "start_date", "end_date", "expected_end_date", "end_reason", "end_note", "previous_stay_id", "created_at", "created_by", "ended_at", "ended_by" from "stays" where ("stays"."house_id" = ? and "stays"."resident_id" in (${marks(n)}) and "stays"."start_date" <= ? and ("stays"."end_date" is null or "stays"."end_date" >= ?))`,
  daysPhases: (n: number) =>
    `select "resident_phases"."resident_id", "resident_phases"."start_date", "resident_phases"."created_at", "phases"."id", "phases"."house_id", "phases"."name", "phases"."position", "phases"."curfew_weeknights", "phases"."curfew_weekends", "phases"."overnight_passes_allowed", "phases"."pass_types_allowed", "phases"."min_days_before_passes", "phases"."daily_check_in", "phases"."curfew_check_in", "phases"."meetings_per_week", "phases"."created_at", "phases"."updated_at", "phases"."archived_at" from "resident_phases" inner join "phases" on "phases"."id" = "resident_phases"."phase_id" where ("resident_phases"."resident_id" in (${marks(n)}) and "phases"."house_id" = ?) order by "resident_phases"."start_date" asc, "resident_phases"."created_at" asc`,
  daysPasses: (n: number) =>
    `select "id", "organisation_id", "house_id", "resident_id", "type", "destination", "depart_at", "expected_return_at", "contact", "note", "status", "eligibility_notes", "decided_by", "decided_at", "decision_reason", "returned_at", "returned_recorded_by", "late_excused_at", "late_excused_by", "late_excuse_reason", "created_at", "created_by" from "passes" where ("passes"."resident_id" in (${marks(n)}) and "passes"."status" = ? and "passes"."depart_at" <= ? and "passes"."expected_return_at" >= ?)`,
  daysCheckIns: (n: number) =>
    `select "id", "organisation_id", "house_id", "resident_id", "kind", "for_date", "recorded_at", "late", "corrects_id", "correction_reason", "mood", "craving", "halt", "sleep_hours", "sponsor_contact", "work_or_school", "note", "latitude", "longitude", "location_accuracy", "recorded_by" from "check_ins" where ("check_ins"."house_id" = ? and "check_ins"."resident_id" in (${marks(n)}) and "check_ins"."for_date" >= ? and "check_ins"."for_date" <= ?)`,
  daysSignatures: (n: number) =>
    `select "rule_acknowledgements"."resident_id", min("rule_acknowledgements"."acknowledged_at") from "rule_acknowledgements" inner join "rule_book_versions" on "rule_book_versions"."id" = "rule_acknowledgements"."rule_book_version_id" inner join "rule_books" on "rule_books"."id" = "rule_book_versions"."rule_book_id" where ("rule_acknowledgements"."resident_id" in (${marks(n)}) and "rule_books"."house_id" = ?) group by "rule_acknowledgements"."resident_id"`,
  daysPublished:
    'select "rule_book_versions"."id" from "rule_book_versions" inner join "rule_books" on "rule_books"."id" = "rule_book_versions"."rule_book_id" where "rule_books"."house_id" = ? limit ?',
  outSignOuts:
    'select "sign_outs"."id", "sign_outs"."organisation_id", "sign_outs"."house_id", "sign_outs"."resident_id", "sign_outs"."destination", "sign_outs"."signed_out_at", "sign_outs"."expected_return_at", "sign_outs"."signed_in_at", "sign_outs"."signed_in_recorded_by", "sign_outs"."created_by", "residents"."id", "residents"."organisation_id", "residents"."house_id", "residents"."user_id", "residents"."first_name", "residents"."last_name", "residents"."preferred_name", "residents"."phone", "residents"."email", "residents"."date_of_birth", "residents"."sobriety_date", "residents"."share_location", "residents"."share_milestones", "residents"."created_at", "residents"."updated_at", "residents"."created_by" from "sign_outs" inner join "residents" on "residents"."id" = "sign_outs"."resident_id" where ("sign_outs"."house_id" = ? and "sign_outs"."signed_in_at" is null)',
  outPasses:
    'select "passes"."id", "passes"."organisation_id", "passes"."house_id", "passes"."resident_id", "passes"."type", "passes"."destination", "passes"."depart_at", "passes"."expected_return_at", "passes"."contact", "passes"."note", "passes"."status", "passes"."eligibility_notes", "passes"."decided_by", "passes"."decided_at", "passes"."decision_reason", "passes"."returned_at", "passes"."returned_recorded_by", "passes"."late_excused_at", "passes"."late_excused_by", "passes"."late_excuse_reason", "passes"."created_at", "passes"."created_by", "residents"."id", "residents"."organisation_id", "residents"."house_id", "residents"."user_id", "residents"."first_name", "residents"."last_name", "residents"."preferred_name", "residents"."phone", "residents"."email", "residents"."date_of_birth", "residents"."sobriety_date", "residents"."share_location", "residents"."share_milestones", "residents"."created_at", "residents"."updated_at", "residents"."created_by" from "passes" inner join "residents" on "residents"."id" = "passes"."resident_id" where ("passes"."house_id" = ? and "passes"."status" = ? and "passes"."returned_at" is null and "passes"."depart_at" <= ?)',

  orgHouses:
    'select "id", "organisation_id", "name", "address", "timezone", "narr_level", "capacity", "daily_check_in_by", "curfew_window_before", "curfew_grace", "chore_rota_days", "chore_swaps_need_approval", "officer_term_months", "officer_consecutive_allowed", "created_at", "updated_at" from "houses" where "houses"."organisation_id" = ? order by "houses"."name"',
  states: (n: number) =>
    `select "house_id", "version", "dirty_from", "computed_through" from "house_stats" where "house_stats"."house_id" in (${marks(n)})`,
  beds: (n: number) =>
    `select "house_id", count(*) from "beds" where "beds"."house_id" in (${marks(n)}) group by "beds"."house_id"`,
  openStays: (n: number) =>
    `select "house_id", case when "expected_end_date" <= ? then "expected_end_date" end, count(*) from "stays" where ("stays"."house_id" in (${marks(n)}) and "stays"."end_date" is null) group by "stays"."house_id", case when "stays"."expected_end_date" <= ? then "stays"."expected_end_date" end`,
  // houses grouped by their today: one (house_id in …, date = today) term per group
  choresToday: (groups: readonly number[]) =>
    `select "chore_occurrences"."house_id", "chore_occurrences"."date", "chore_occurrences"."resident_id" is not null, "chore_occurrences"."done_at" is not null, "chore_occurrences"."check_result", "chore_occurrences"."needs_verification", count(*) from "chore_occurrences" inner join "chore_rotas" on "chore_rotas"."id" = "chore_occurrences"."rota_id" where ("chore_rotas"."status" = ? and (${groups.map((n) => `("chore_occurrences"."house_id" in (${marks(n)}) and "chore_occurrences"."date" = ?)`).join(' or ')})) group by "chore_occurrences"."house_id", "chore_occurrences"."date", "chore_occurrences"."resident_id" is not null, "chore_occurrences"."done_at" is not null, "chore_occurrences"."check_result", "chore_occurrences"."needs_verification"`,
  violationsRecent: (n: number) =>
    `select "house_id", "occurred_at" from "violations" where ("violations"."house_id" in (${marks(n)}) and "violations"."voided_at" is null and "violations"."occurred_at" >= ?)`,
  meetings: (n: number) =>
    `select "meetings"."house_id", "meetings"."date", coalesce(sum(case when "meeting_attendance"."status" in ('present', 'late') then 1 else 0 end), 0), count("meeting_attendance"."meeting_id") from "meetings" left join "meeting_attendance" on "meeting_attendance"."meeting_id" = "meetings"."id" where ("meetings"."house_id" in (${marks(n)}) and "meetings"."status" = ? and "meetings"."starts_at" >= ? and "meetings"."date" >= ? and "meetings"."date" <= ?) group by "meetings"."id"`,
  positiveTests: (n: number, results: number) =>
    `select "id", "house_id", "result" from "drug_tests" where ("drug_tests"."house_id" in (${marks(n)}) and "drug_tests"."result" in (${marks(results)}) and "drug_tests"."confirms_id" is null and "drug_tests"."collected_at" >= ?)`,
  confirmations: (n: number) =>
    `select "confirms_id", "result", "recorded_at" from "drug_tests" where ("drug_tests"."house_id" in (${marks(n)}) and "drug_tests"."collected_at" >= ? and "drug_tests"."confirms_id" is not null) order by "drug_tests"."recorded_at"`,
  grievances: (n: number) =>
    `select "house_id", count(*) from "grievances" where ("grievances"."house_id" in (${marks(n)}) and "grievances"."status" in (?, ?)) group by "grievances"."house_id"`,
  managers: (n: number) =>
    `select "membership_houses"."house_id", "users"."id", "users"."name" from "membership_houses" inner join "memberships" on "memberships"."id" = "membership_houses"."membership_id" inner join "users" on "users"."id" = "memberships"."user_id" where ("membership_houses"."house_id" in (${marks(n)}) and "memberships"."role" = ? and "memberships"."deactivated_at" is null)`,
  storedSums: (n: number) => {
    const sums = [
      'check_ins_required',
      'check_ins_made',
      'check_ins_on_time',
      'check_ins_required',
      'check_ins_made',
      'check_ins_on_time',
      'chores_assigned',
      'chores_done',
      'chores_verified',
      'chores_missed',
      'nights',
      'violations',
      'meetings_held',
      'meetings_present',
      'meetings_recorded',
    ].map((c) => `coalesce(sum(case when "date" between ? and ? then "${c}" end), 0)`);
    return `select "house_id", ${sums.join(', ')} from "house_day_stats" where ("house_day_stats"."house_id" in (${marks(n)}) and "house_day_stats"."date" >= ? and "house_day_stats"."date" <= ?) group by "house_day_stats"."house_id"`;
  },
};

// ---------- the routes ----------

const dbPath = process.env.BASELINE_DB ?? '';
if (!dbPath) throw new Error('BASELINE_DB must name the baseline’s own copy of the database.');
// one connection with the product's PRAGMAs (statements on a local file run synchronously anyway)
const client = createClient({ url: `file:${dbPath}`, concurrency: 1 });
await client.execute('PRAGMA journal_mode = WAL');
await client.execute('PRAGMA foreign_keys = ON');
await client.execute(`PRAGMA synchronous = ${process.env.BASELINE_SYNCHRONOUS ?? 'FULL'}`);

const q = (sql: string, args: InValue[] = []): Promise<ResultSet> => client.execute({ sql, args });
const str = (v: InValue | undefined) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';

interface Meeting {
  type: string;
  name: string;
  verification?: string;
  resourceId?: string;
}
interface RecordInput {
  residentId: string;
  userId?: string | null;
  mood: number;
  craving: number;
  halt?: string[];
  sleepHours?: number;
  sponsorContact?: boolean;
  workOrSchool?: boolean;
  note?: string;
  meetings?: Meeting[];
}

async function recordCheckIn(input: RecordInput) {
  const open = await q(SQL.openStay, [input.residentId]);
  const stay = open.rows[0];
  if (!stay) return { status: 409, body: { error: 'not living in a house' } };
  // columns by position: the join repeats names (id, organisation_id, …)
  const houseId = str(stay[15]);
  const organisationId = str(stay[16]);
  const timezone = str(stay[19]);
  const dueBy = str(stay[22]);
  const now = Date.now();
  const forDate = localDate(new Date(now), timezone);
  const existing = await q(SQL.existingOriginal, [input.residentId, 'daily', forDate]);
  if (existing.rows.length > 0) return { status: 409, body: { error: 'already checked in' } };
  const late = now > dueAt(forDate, dueBy, timezone);
  const id = randomUUID();
  const meetings = input.meetings ?? [];
  await client.batch([
    {
      sql: SQL.insertCheckIn,
      args: [
        id,
        organisationId,
        houseId,
        input.residentId,
        'daily',
        forDate,
        now,
        late ? 1 : 0,
        input.mood,
        input.craving,
        JSON.stringify([...new Set(input.halt ?? [])]),
        input.sleepHours ?? null,
        input.sponsorContact === undefined ? null : input.sponsorContact ? 1 : 0,
        input.workOrSchool === undefined ? null : input.workOrSchool ? 1 : 0,
        input.note ?? null,
        input.userId ?? null,
      ],
    },
    ...(meetings.length > 0
      ? [
          {
            sql: SQL.insertMeetings(meetings.length),
            args: meetings.flatMap((m) => [
              randomUUID(),
              id,
              m.type,
              m.name,
              m.verification ?? null,
              m.resourceId ?? null,
            ]),
          },
        ]
      : []),
  ]);
  return {
    status: 200,
    body: { checkInId: id, forDate, late, recordedAt: new Date(now).toISOString() },
  };
}

async function history(input: { residentId: string; limit?: number }) {
  const limit = input.limit ?? 50;
  const originals = await q(SQL.historyOriginals, [input.residentId, limit + 1]);
  const page = originals.rows.slice(0, limit);
  const ids = page.map((r) => r[0] ?? null);
  const corrections =
    ids.length === 0 ? [] : (await q(SQL.historyCorrections(ids.length), ids)).rows;
  const allIds = [...ids, ...corrections.map((r) => r[0] ?? null)];
  const meetings =
    allIds.length === 0 ? [] : (await q(SQL.historyMeetings(allIds.length), allIds)).rows;
  return {
    status: 200,
    body: {
      nextCursor: originals.rows.length > limit ? String(limit) : null,
      items: page,
      corrections,
      meetings,
    },
  };
}

async function board(input: { houseId: string }) {
  const house = (await q(SQL.house, [input.houseId])).rows[0];
  if (!house) return { status: 404, body: { error: 'no such house' } };
  const now = new Date();
  const date = localDate(now, str(house.timezone));
  const residents = (await q(SQL.boardResidents, [input.houseId, date, date])).rows;
  const ids = [...new Set(residents.map((r) => str(r[0])))];
  let days: ResultSet[] = [];
  if (ids.length > 0) {
    const rangeStart = Date.parse(`${addDays(date, -1)}T00:00:00Z`);
    const rangeEnd = Date.parse(`${addDays(date, 2)}T00:00:00Z`);
    days = await Promise.all([
      q(SQL.daysStays(ids.length), [input.houseId, ...ids, date, date]),
      q(SQL.daysPhases(ids.length), [...ids, input.houseId]),
      q(SQL.daysPasses(ids.length), [...ids, 'approved', rangeEnd, rangeStart]),
      q(SQL.daysCheckIns(ids.length), [input.houseId, ...ids, date, date]),
      q(SQL.daysSignatures(ids.length), [...ids, input.houseId]),
      q(SQL.daysPublished, [input.houseId, 1]),
    ]);
  }
  const [signOuts, passes] = await Promise.all([
    q(SQL.outSignOuts, [input.houseId]),
    q(SQL.outPasses, [input.houseId, 'approved', now.getTime()]),
  ]);
  return {
    status: 200,
    body: {
      house,
      date,
      residents,
      days: days.map((d) => d.rows),
      out: [...signOuts.rows, ...passes.rows],
    },
  };
}

async function overview(input: { organisationId: string }) {
  const houses = (await q(SQL.orgHouses, [input.organisationId])).rows;
  if (houses.length === 0) return { status: 200, body: { houses: [] } };
  const ids = houses.map((h) => str(h.id));
  const n = ids.length;
  const now = new Date();
  const todayOf = new Map(houses.map((h) => [str(h.id), localDate(now, str(h.timezone))]));
  const todays = [...new Set(todayOf.values())].sort();
  const earliest = todays[0] ?? '';
  const latest = todays.at(-1) ?? '';
  const planned = addDays(latest, 30);
  const since = now.getTime() - 30 * DAY_MS;
  const groups = todays.map((today) => ids.filter((id) => todayOf.get(id) === today));
  const [
    states,
    beds,
    stays,
    chores,
    violations,
    meetings,
    tests,
    confirmations,
    grievances,
    managers,
  ] = await Promise.all([
    q(SQL.states(n), ids),
    q(SQL.beds(n), ids),
    q(SQL.openStays(n), [planned, ...ids, planned]),
    q(SQL.choresToday(groups.map((g) => g.length)), [
      'published',
      ...groups.flatMap((g, i) => [...g, todays[i] ?? '']),
    ]),
    q(SQL.violationsRecent(n), [...ids, now.getTime() - 2 * DAY_MS]),
    // today's meetings: earlier days are in the stored sums
    q(SQL.meetings(n), [
      ...ids,
      'closed',
      Date.parse(`${addDays(earliest, -1)}T00:00:00Z`),
      earliest,
      latest,
    ]),
    q(SQL.positiveTests(n, 2), [...ids, 'positive', 'refused', since]),
    q(SQL.confirmations(n), [...ids, since]),
    q(SQL.grievances(n), [...ids, 'open', 'escalated']),
    q(SQL.managers(n), [...ids, 'manager']),
  ]);
  // one grouped query per distinct today, as the service does
  const sums: Row[] = [];
  for (const today of todays) {
    const houseIds = ids.filter((id) => todayOf.get(id) === today);
    const yesterday = addDays(today, -1);
    // each window with how many of the sums read it: check-ins 7 and 30 days (3 each), chores (4),
    // violations (2), meetings (3)
    const windows: Array<[from: string, sums: number]> = [
      [addDays(today, -7), 3],
      [addDays(today, -30), 3],
      [addDays(today, -27), 4],
      [violationsFrom(today), 2],
      [addDays(today, -29), 3],
    ];
    const args: InValue[] = windows.flatMap(([from, count]) =>
      Array.from({ length: count }, () => [from, yesterday]).flat(),
    );
    const from = windows.map((w) => w[0]).reduce((a, b) => (a < b ? a : b));
    const rows = await q(SQL.storedSums(houseIds.length), [...args, ...houseIds, from, yesterday]);
    sums.push(...rows.rows);
  }
  return {
    status: 200,
    body: {
      generatedAt: now.toISOString(),
      houses,
      states: states.rows,
      beds: beds.rows,
      stays: stays.rows,
      chores: chores.rows,
      violations: violations.rows,
      meetings: meetings.rows,
      tests: tests.rows,
      confirmations: confirmations.rows,
      grievances: grievances.rows,
      managers: managers.rows,
      sums,
    },
  };
}

// ---------- HTTP ----------

type Handler = (input: never) => Promise<{ status: number; body: unknown }>;
const ROUTES: Record<string, { method: 'GET' | 'POST'; handler: Handler }> = {
  '/trpc/checkIns.record': { method: 'POST', handler: recordCheckIn },
  '/trpc/checkIns.history': { method: 'GET', handler: history },
  '/trpc/checkIns.board': { method: 'GET', handler: board },
  '/trpc/portfolio.overview': { method: 'GET', handler: overview },
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify({ result: { data: body } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://baseline');
  if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
  const route = ROUTES[url.pathname];
  if (!route || route.method !== req.method) return send(res, 404, { error: 'not found' });
  const input =
    route.method === 'GET' ? Promise.resolve(url.searchParams.get('input') ?? '{}') : readBody(req);
  input
    .then((text) => route.handler(JSON.parse(text) as never))
    .then(
      (out) => send(res, out.status, out.body),
      (error: unknown) => send(res, 500, { error: String(error) }),
    );
});

const port = Number(process.env.BASELINE_PORT ?? 3401);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`baseline listening on http://127.0.0.1:${port}\n`);
});
const stop = () => server.close(() => (client.close(), process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
