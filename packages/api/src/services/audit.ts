// The audit trail of an organisation, for its operators: who did or read what,
// to which record, when, from where and in which request. The log is only ever
// read here; nothing in the product changes or removes an entry (the database
// refuses it too), and reading it is itself an entry.
import { and, desc, eq, gte, inArray, isNotNull, lt, schema, sql, type SQL } from '@porchlight/db';
import {
  addDays,
  AUDIT_FILTER_KEYS,
  type AuditListInput,
  instantAt,
  isActionArea,
  prefixRange,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';
import { auditRead } from './write';

type OrgContext = AuthedContext & { organisationId: string };

/**
 * What each kind of record in the log is about: the resident and the house of
 * the record an entry names (`record_type`, `record_id`). Records with no house
 * of their own (a support circle, a share, the resident themself) count in the
 * house of their resident, where they live now or last lived. Kinds not listed
 * (invites, sessions, the organisation) are about no resident or house through
 * their record. Two rows for one record (a swap, a pairing) make it about both
 * residents; the first row is the one the list shows.
 */
const SUBJECTS = sql.raw(`
  select 'resident' as record_type, r.id, r.id as resident_id, r.house_id from residents r
  union all select 'check_in', id, resident_id, house_id from check_ins
  union all select 'sign_out', id, resident_id, house_id from sign_outs
  union all select 'drug_test', id, resident_id, house_id from drug_tests
  union all select 'recovery_capital_survey', id, resident_id, house_id from recovery_capital_surveys
  union all select 'random_draw', id, null, house_id from random_draws
  union all select 'stay', id, resident_id, house_id from stays
  union all select 'pass', id, resident_id, house_id from passes
  union all select 'violation', id, resident_id, house_id from violations
  union all select 'grievance', id, resident_id, house_id from grievances
  union all select 'phase', id, null, house_id from phases
  union all select 'resident_phase', rp.id, rp.resident_id, p.house_id
    from resident_phases rp join phases p on p.id = rp.phase_id
  union all select 'rule_book', id, null, house_id from rule_books
  union all select 'rule_book_version', v.id, null, b.house_id
    from rule_book_versions v join rule_books b on b.id = v.rule_book_id
  union all select 'rule_acknowledgement', a.id, a.resident_id, b.house_id
    from rule_acknowledgements a
    join rule_book_versions v on v.id = a.rule_book_version_id
    join rule_books b on b.id = v.rule_book_id
  union all select 'house', id, null, id from houses
  union all select 'agenda_template', id, null, id from houses
  union all select 'room', id, null, house_id from rooms
  union all select 'bed', id, null, house_id from beds
  union all select 'chore', id, null, house_id from chores
  union all select 'chore_rota', id, null, house_id from chore_rotas
  union all select 'chore_occurrence', id, resident_id, house_id from chore_occurrences
  union all select 'chore_swap', id, requester_id, house_id from chore_swaps
  union all select 'chore_swap', id, counterpart_id, house_id from chore_swaps
  union all select 'chore_exclusion', e.id, e.resident_id, c.house_id
    from chore_exclusions e join chores c on c.id = e.chore_id
  union all select 'chore_pin', p.id, p.resident_id, c.house_id
    from chore_pins p join chores c on c.id = p.chore_id
  union all select 'meeting_schedule', id, null, house_id from meeting_schedules
  union all select 'meeting', id, null, house_id from meetings
  union all select 'motion', mo.id, null, m.house_id from motions mo join meetings m on m.id = mo.meeting_id
  union all select 'action_item', id, null, house_id from action_items
  union all select 'office', id, null, house_id from offices
  union all select 'officer_term', id, resident_id, house_id from officer_terms
  union all select 'mentorship', id, mentee_id, house_id from mentorships
  union all select 'mentorship', id, mentor_id, house_id from mentorships
  union all select 'resource', id, null, house_id from resources
  union all select 'support_member', s.id, s.resident_id, r.house_id
    from support_members s join residents r on r.id = s.resident_id
  union all select 'volunteering', s.id, s.resident_id, r.house_id
    from volunteering s join residents r on r.id = s.resident_id
  union all select 'share', s.id, s.resident_id, r.house_id
    from shares s join residents r on r.id = s.resident_id
  union all select 'calendar_feed', s.id, s.resident_id, r.house_id
    from calendar_feeds s join residents r on r.id = s.resident_id
`);

/**
 * Reads of a page of records (a house's tests, violations, grievances) name no
 * one record: the ids read are listed in the details. Such a read is about each
 * resident whose record it showed.
 */
const LIST_READS = [
  { key: '$.testIds', table: 'drug_tests' },
  { key: '$.violationIds', table: 'violations' },
  { key: '$.grievanceIds', table: 'grievances' },
] as const;

/** Kinds whose record is about no house, so an entry on one counts in its resident's house. */
const HOUSELESS_KINDS = ['invite'];

const log = schema.auditLog;
const detail = (path: string) => sql`json_extract(${log.details}, ${path})`;

/** Entries about the resident: named in the details, through the record, or among the records read. */
function aboutResident(residentId: string): SQL {
  const listed = LIST_READS.map(
    (l) =>
      sql`exists (select 1 from json_each(${log.details}, ${l.key}) j
        where j.value in (select id from ${sql.raw(l.table)} where resident_id = ${residentId}))`,
  );
  return sql`(${detail('$.residentId')} = ${residentId}
    or (${log.recordType}, ${log.recordId}) in
      (select record_type, id from (${SUBJECTS}) where resident_id = ${residentId})
    or (${log.recordId} is null and (${sql.join(listed, sql` or `)})))`;
}

/**
 * Entries about the house: named in the details (a transfer names where to),
 * through the record, or through the resident when the entry has no house of
 * its own. The same order `subjectsOf` follows for the list.
 */
function aboutHouse(houseId: string): SQL {
  return sql`(${detail('$.houseId')} = ${houseId}
    or ${detail('$.toHouseId')} = ${houseId}
    or (${log.recordType}, ${log.recordId}) in
      (select record_type, id from (${SUBJECTS}) where house_id = ${houseId})
    or ((${log.recordId} is null or ${log.recordType} in (${sql.join(
      HOUSELESS_KINDS.map((k) => sql`${k}`),
      sql`, `,
    )}))
      and ${detail('$.houseId')} is null
      and ${detail('$.residentId')} in (select id from residents where house_id = ${houseId})))`;
}

function actionIs(filter: string): SQL | undefined {
  if (!isActionArea(filter)) return eq(log.action, filter);
  const range = prefixRange(filter);
  return and(gte(log.action, range.from), lt(log.action, range.below));
}

function conditions(ctx: OrgContext, input: AuditListInput): SQL | undefined {
  return and(
    eq(log.organisationId, ctx.organisationId),
    input.cursor ? lt(log.id, Number(input.cursor)) : undefined,
    input.actorUserId ? eq(log.actorUserId, input.actorUserId) : undefined,
    input.recordType ? eq(log.recordType, input.recordType) : undefined,
    input.action ? actionIs(input.action) : undefined,
    // whole days in the viewer's timezone: from the first midnight to the midnight after `to`
    input.from ? gte(log.at, instantAt(input.from, 0, 0, input.timeZone)) : undefined,
    input.to ? lt(log.at, instantAt(addDays(input.to, 1), 0, 0, input.timeZone)) : undefined,
    input.residentId ? aboutResident(input.residentId) : undefined,
    input.houseId ? aboutHouse(input.houseId) : undefined,
  );
}

interface Subject {
  record_type: string;
  id: string;
  resident_id: string | null;
  house_id: string | null;
}

function text(details: Record<string, unknown> | null, key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' ? value : null;
}

/**
 * The resident and house of each entry, resolved the way the filters read
 * them: the details first, then the record, then the resident's house.
 */
async function subjectsOf(
  ctx: OrgContext,
  rows: { recordType: string; recordId: string | null; details: Record<string, unknown> | null }[],
) {
  const recordIds = [...new Set(rows.flatMap((r) => (r.recordId ? [r.recordId] : [])))];
  const subjects = new Map<string, Subject>();
  if (recordIds.length > 0) {
    const found = await ctx.db.all<Subject>(
      sql`select record_type, id, resident_id, house_id from (${SUBJECTS}) where id in (${sql.join(
        recordIds.map((rid) => sql`${rid}`),
        sql`, `,
      )})`,
    );
    // the first row of a record is the one shown (a swap's requester, a pairing's mentee)
    for (const s of found) {
      const key = `${s.record_type}:${s.id}`;
      if (!subjects.has(key)) subjects.set(key, s);
    }
  }
  const links = rows.map((r) => {
    const subject = r.recordId ? subjects.get(`${r.recordType}:${r.recordId}`) : undefined;
    const residentId = text(r.details, 'residentId') ?? subject?.resident_id ?? null;
    const houseId =
      text(r.details, 'houseId') ?? text(r.details, 'toHouseId') ?? subject?.house_id ?? null;
    return { residentId, houseId };
  });

  const residentIds = [...new Set(links.flatMap((l) => (l.residentId ? [l.residentId] : [])))];
  const residents =
    residentIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: schema.residents.id,
            firstName: schema.residents.firstName,
            lastName: schema.residents.lastName,
            preferredName: schema.residents.preferredName,
            houseId: schema.residents.houseId,
          })
          .from(schema.residents)
          .where(
            and(
              inArray(schema.residents.id, residentIds),
              eq(schema.residents.organisationId, ctx.organisationId),
            ),
          );
  const residentById = new Map(residents.map((r) => [r.id, r]));
  const withHouses = links.map((l) => {
    const resident = l.residentId ? residentById.get(l.residentId) : undefined;
    return {
      resident: resident ? { id: resident.id, name: displayName(resident) } : null,
      houseId: l.houseId ?? resident?.houseId ?? null,
    };
  });

  const houseIds = [...new Set(withHouses.flatMap((l) => (l.houseId ? [l.houseId] : [])))];
  const houses =
    houseIds.length === 0
      ? []
      : await ctx.db
          .select({ id: schema.houses.id, name: schema.houses.name })
          .from(schema.houses)
          .where(
            and(
              inArray(schema.houses.id, houseIds),
              eq(schema.houses.organisationId, ctx.organisationId),
            ),
          );
  const houseById = new Map(houses.map((h) => [h.id, h]));
  return withHouses.map((l) => ({
    resident: l.resident,
    house: (l.houseId ? houseById.get(l.houseId) : undefined) ?? null,
  }));
}

/** Who an entry with no person behind it came from, in words. */
function nobody(action: string): string {
  return action === 'sharing.view' ? 'Someone with a shared link' : 'Porchlight (system)';
}

/** One page of the organisation's audit log, newest first; the read is itself recorded. */
export async function listAudit(ctx: OrgContext, input: AuditListInput) {
  const rows = await ctx.db
    .select({
      id: log.id,
      at: log.at,
      actorUserId: log.actorUserId,
      actorName: schema.users.name,
      actorEmail: schema.users.email,
      action: log.action,
      recordType: log.recordType,
      recordId: log.recordId,
      requestId: log.requestId,
      ip: log.ip,
      details: log.details,
    })
    .from(log)
    .leftJoin(schema.users, eq(schema.users.id, log.actorUserId))
    .where(conditions(ctx, input))
    .orderBy(desc(log.id))
    .limit(input.limit + 1);
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const subjects = await subjectsOf(ctx, page);
  const items = page.map((r, i) => {
    const subject = subjects[i] ?? { resident: null, house: null };
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorUserId
        ? {
            id: r.actorUserId,
            // a person whose account is gone still left their id
            name: r.actorName ?? `Unknown person (${r.actorUserId})`,
            email: r.actorEmail,
          }
        : { id: null, name: nobody(r.action), email: null },
      action: r.action,
      recordType: r.recordType,
      recordId: r.recordId,
      description:
        subject.resident?.name ?? (r.recordType === 'house' ? (subject.house?.name ?? null) : null),
      resident: subject.resident,
      house: subject.house,
      requestId: r.requestId,
      ip: r.ip,
      details: r.details,
    };
  });
  const last = page[page.length - 1];

  const filters: Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = input[key];
    if (value !== undefined) filters[key] = value;
  }
  await auditRead(ctx, {
    action: 'audit.read',
    recordType: 'audit_log',
    recordId: null,
    organisationId: ctx.organisationId,
    // nested, so this read is not itself taken for an entry about the resident or house it filters by
    details: {
      filters,
      ...(input.from || input.to ? { timeZone: input.timeZone } : {}),
      cursor: input.cursor ?? null,
      entries: items.length,
    },
  });
  return { items, nextCursor: hasMore && last ? String(last.id) : null };
}

/** The people, kinds of record and actions in the organisation's log, and its houses: the filter choices. */
export async function auditFilters(ctx: OrgContext) {
  const inOrg = eq(log.organisationId, ctx.organisationId);
  const [people, recordTypes, actions, houses] = await Promise.all([
    ctx.db
      .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
      .from(schema.users)
      .where(
        inArray(
          schema.users.id,
          ctx.db
            .selectDistinct({ id: log.actorUserId })
            .from(log)
            .where(and(inOrg, isNotNull(log.actorUserId))),
        ),
      )
      .orderBy(schema.users.name),
    ctx.db
      .selectDistinct({ recordType: log.recordType })
      .from(log)
      .where(inOrg)
      .orderBy(log.recordType),
    ctx.db.selectDistinct({ action: log.action }).from(log).where(inOrg).orderBy(log.action),
    ctx.db
      .select({ id: schema.houses.id, name: schema.houses.name, timezone: schema.houses.timezone })
      .from(schema.houses)
      .where(eq(schema.houses.organisationId, ctx.organisationId))
      .orderBy(schema.houses.name),
  ]);
  return {
    people,
    recordTypes: recordTypes.map((r) => r.recordType),
    actions: actions.map((a) => a.action),
    houses,
  };
}
