// Reading the audit log: the filters an operator may apply, checked once at the
// edge. No Temporal here: the dashboard validates its filter form with these.
import * as z from 'zod';
import { isValidTimeZone } from '../calendar';
import { id, localDate } from '../schemas';

/** Most entries one page of the audit log holds. */
export const AUDIT_PAGE_MAX = 200;

/**
 * An action ("tests.read"), or every action of an area when it ends with a dot
 * ("tests."). Actions are code names, so anything else cannot match one.
 */
export const auditActionFilter = z
  .string()
  .trim()
  .max(80, 'must be at most 80 characters.')
  .regex(
    /^[a-z][A-Za-z]*(\.[A-Za-z]+)*\.?$/,
    'must be an action such as tests.read, or an area such as tests. (with the dot).',
  );

/** A kind of record as the log names it ("drug_test"). */
export const auditRecordTypeFilter = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_]{0,59}$/, 'must be a kind of record such as drug_test.');

/**
 * Filters of the audit log. `from` and `to` are calendar days, both included,
 * read in `timeZone` (the viewer's), so "the 12th" means the viewer's 12th.
 */
export const auditListInput = z
  .strictObject({
    organisationId: id.optional(),
    actorUserId: id.optional(),
    residentId: id.optional(),
    houseId: id.optional(),
    recordType: auditRecordTypeFilter.optional(),
    action: auditActionFilter.optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    timeZone: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA timezone such as America/Chicago.')
      .default('UTC'),
    // the id of the last entry already shown: the next page starts below it
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, 'is not a valid cursor.')
      .optional(),
    limit: z
      .number({ error: 'must be a number.' })
      .int('must be a whole number.')
      .min(1, `must be from 1 to ${AUDIT_PAGE_MAX}.`)
      .max(AUDIT_PAGE_MAX, `must be from 1 to ${AUDIT_PAGE_MAX}.`)
      .default(50),
  })
  // both are YYYY-MM-DD, so comparing the text compares the days
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    path: ['to'],
    message: 'must be on or after the from date.',
  });
export type AuditListInput = z.infer<typeof auditListInput>;

export const auditFiltersInput = z.strictObject({ organisationId: id.optional() }).optional();

/** The filters of a list, without paging: what an `audit.read` entry records. */
export const AUDIT_FILTER_KEYS = [
  'actorUserId',
  'residentId',
  'houseId',
  'recordType',
  'action',
  'from',
  'to',
] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/** Whether an action filter names an area ("tests.") rather than one action. */
export function isActionArea(filter: string): boolean {
  return filter.endsWith('.');
}

/**
 * The half-open range [from, below) of text that starts with `prefix`, for an
 * index-friendly prefix match: "tests." → ["tests.", "tests/").
 */
export function prefixRange(prefix: string): { from: string; below: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, below: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}
