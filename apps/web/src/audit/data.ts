// Loading the audit log and its filter choices, and saying its entries in words.
// Nothing here changes the log: there is no way to.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/solid-query';
import type { AuditFilterKey } from '@porchlight/domain';
import { browserTimeZone } from '../lib/dates';
import { api, type Api, type Output } from '../lib/trpc';

export type AuditPage = Output<Api['audit']['list']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditChoices = Output<Api['audit']['filters']>;
/** The filters as the page's address holds them; an absent key does not filter. */
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

export const auditQueries = {
  list: (organisationId: string, filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: ['audit', 'list', organisationId, filters],
      queryFn: ({ pageParam }) =>
        api.audit.list.query({
          organisationId,
          ...filters,
          // the days of the date filters are the viewer's days
          timeZone: browserTimeZone(),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // a new filter keeps the old entries on screen until the new ones arrive
      placeholderData: keepPreviousData,
      // every load is itself an entry in the log: no reloads behind the reader's back
      refetchOnWindowFocus: false,
    }),
  filters: (organisationId: string) =>
    queryOptions({
      queryKey: ['audit', 'filters', organisationId],
      queryFn: () => api.audit.filters.query({ organisationId }),
    }),
  /** Everyone who lived in the house, for the resident filter. */
  residents: (houseId: string) =>
    queryOptions({
      queryKey: ['audit', 'residents', houseId],
      queryFn: () => api.residents.list.query({ houseId, status: 'all', limit: 200 }),
      enabled: houseId !== '',
    }),
};

/** What someone did, as it reads after their name; an action not listed shows as it is logged. */
const ACTION_WORDS: Record<string, string> = {
  'audit.read': 'looked at the audit log',
  'demo.seed': 'set up the demo',
  'auth.signIn': 'signed in',
  'auth.signOut': 'signed out',
  'auth.signInFailed': 'failed to sign in',
  'houses.create': 'added a house',
  'houses.update': 'changed a house',
  'houses.addRoom': 'added a room',
  'houses.addBed': 'added a bed',
  'residents.intake': 'took in a resident',
  'residents.update': 'changed a resident’s details',
  'residents.admit': 'moved a resident into a bed',
  'residents.transfer': 'moved a resident to another bed',
  'residents.moveOut': 'recorded a move-out',
  'invites.create': 'sent an invite',
  'invites.revoke': 'revoked an invite',
  'invites.accept': 'accepted an invite',
  'staff.assignHouse': 'gave a manager a house',
  'staff.unassignHouse': 'took a house from a manager',
  'staff.deactivate': 'deactivated an account',
  'staff.reactivate': 'reactivated an account',
  'rules.saveDraft': 'edited the draft rule book',
  'rules.publish': 'published house rules',
  'rules.acknowledge': 'signed the house rules',
  'rules.createTemplate': 'made a rule book template',
  'rules.updateTemplate': 'changed a rule book template',
  'phases.create': 'added a phase',
  'phases.update': 'changed a phase',
  'phases.assign': 'moved a resident to a phase',
  'passes.request': 'asked for a pass',
  'passes.decide': 'decided on a pass',
  'passes.cancel': 'cancelled a pass',
  'passes.markReturned': 'marked a return from a pass',
  'passes.excuseLate': 'excused a late return',
  'violations.record': 'recorded a violation',
  'violations.respond': 'answered a violation',
  'violations.void': 'voided a violation',
  'violations.read': 'read violations',
  'grievances.file': 'filed a grievance',
  'grievances.decide': 'decided a grievance',
  'grievances.escalate': 'escalated a grievance',
  'grievances.accept': 'accepted a grievance decision',
  'grievances.withdraw': 'withdrew a grievance',
  'grievances.read': 'read grievances',
  'checkIns.record': 'checked in',
  'checkIns.curfew': 'checked in at curfew',
  'checkIns.correct': 'corrected a check-in',
  'checkIns.signOut': 'signed out on an errand',
  'checkIns.signIn': 'signed back in',
  'checkIns.updatePolicy': 'changed when check-ins are due',
  'checkIns.setLocationSharing': 'changed location sharing',
  'tests.record': 'recorded a drug or alcohol test',
  'tests.confirm': 'added a lab confirmation',
  'tests.randomDraw': 'made a random test draw',
  'tests.read': 'read test results',
  'checkIns.read': 'read check-ins',
  'mentorship.read': 'read mentors’ notes',
  'recoveryCapital.submit': 'filled in a recovery capital survey',
  'chores.create': 'added a chore',
  'chores.update': 'changed a chore',
  'chores.retire': 'retired a chore',
  'chores.excuse': 'excused a resident from a chore',
  'chores.endExclusion': 'ended an exclusion from a chore',
  'chores.pin': 'pinned a chore to a resident',
  'chores.unpin': 'unpinned a chore',
  'chores.updateSettings': 'changed chore settings',
  'chores.generateRota': 'planned a chore rota',
  'chores.assign': 'reassigned a chore',
  'chores.publishRota': 'published a chore rota',
  'chores.markDone': 'marked a chore done',
  'chores.verify': 'checked a chore',
  'chores.requestSwap': 'asked for a chore swap',
  'chores.acceptSwap': 'accepted a chore swap',
  'chores.declineSwap': 'declined a chore swap',
  'chores.approveSwap': 'approved a chore swap',
  'chores.rejectSwap': 'turned down a chore swap',
  'chores.cancelSwap': 'cancelled a chore swap',
  'calendar.createFeed': 'turned on a calendar feed',
  'calendar.revokeFeed': 'turned off a calendar feed',
  'meetings.setSchedule': 'set the meeting schedule',
  'meetings.plan': 'planned meetings',
  'meetings.create': 'added a meeting',
  'meetings.cancel': 'cancelled a meeting',
  'meetings.updateTemplate': 'changed the order of business',
  'meetings.updateAgenda': 'changed a meeting’s agenda',
  'meetings.open': 'opened a meeting',
  'meetings.recordAttendance': 'took the roll',
  'meetings.saveMinutes': 'wrote minutes',
  'meetings.approveMinutes': 'approved minutes',
  'meetings.amendMinutes': 'amended minutes',
  'meetings.recordMotion': 'recorded a motion',
  'meetings.addActionItem': 'added an action item',
  'meetings.completeActionItem': 'completed an action item',
  'meetings.close': 'closed a meeting',
  'officers.createOffice': 'added an office',
  'officers.retireOffice': 'retired an office',
  'officers.updatePolicy': 'changed officer term limits',
  'officers.endTerm': 'ended an officer’s term',
  'support.addMember': 'added someone to a support circle',
  'support.suggestMember': 'suggested someone for a support circle',
  'support.updateMember': 'changed someone in a support circle',
  'support.acceptSuggestion': 'accepted a suggestion for a support circle',
  'support.declineSuggestion': 'declined a suggestion for a support circle',
  'support.removeMember': 'removed someone from a support circle',
  'support.setMilestoneSharing': 'changed milestone sharing',
  'support.logVolunteering': 'logged volunteering',
  'support.removeVolunteering': 'removed volunteering',
  'mentorship.pair': 'paired a mentor',
  'mentorship.end': 'ended a mentoring pairing',
  'mentorship.logNote': 'wrote a mentoring note',
  'resources.create': 'added to the directory',
  'resources.update': 'changed a directory entry',
  'resources.archive': 'archived a directory entry',
  'sharing.create': 'shared a summary',
  'sharing.revoke': 'revoked a shared summary',
  'sharing.view': 'opened a shared summary',
};

export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** The same, as a choice in a list: "Recorded a violation". */
export function actionChoice(action: string): string {
  const words = ACTION_WORDS[action];
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : action;
}

/** The areas of the product, for "every action of" choices. */
const AREA_NAMES: Record<string, string> = {
  audit: 'the audit log',
  auth: 'signing in',
  houses: 'houses',
  residents: 'residents',
  invites: 'invites',
  staff: 'staff',
  rules: 'house rules',
  phases: 'phases',
  passes: 'passes',
  violations: 'violations',
  grievances: 'grievances',
  checkIns: 'check-ins',
  tests: 'drug and alcohol tests',
  recoveryCapital: 'recovery capital',
  chores: 'chores',
  calendar: 'calendar feeds',
  meetings: 'meetings',
  officers: 'officers',
  support: 'support circles',
  mentorship: 'mentoring',
  resources: 'the directory',
  sharing: 'shared summaries',
};

/** "tests." for "tests.read": the filter value of the action's whole area. */
export function areaOf(action: string): string | null {
  const dot = action.indexOf('.');
  return dot > 0 ? action.slice(0, dot + 1) : null;
}

export function areaChoice(area: string): string {
  const name = AREA_NAMES[area.slice(0, -1)] ?? area.slice(0, -1);
  return `Anything about ${name}`;
}

const RECORD_NAMES: Record<string, string> = {
  audit_log: 'Audit log',
  organisation: 'Organisation',
  session: 'Sign-in',
  house: 'House',
  room: 'Room',
  bed: 'Bed',
  resident: 'Resident',
  stay: 'Stay',
  invite: 'Invite',
  membership: 'Staff account',
  rule_book: 'Rule book',
  rule_book_version: 'Rule book version',
  rule_acknowledgement: 'Signed rules',
  phase: 'Phase',
  resident_phase: 'Phase of a resident',
  pass: 'Pass',
  violation: 'Violation',
  grievance: 'Grievance',
  check_in: 'Check-in',
  sign_out: 'Sign-out',
  drug_test: 'Drug or alcohol test',
  random_draw: 'Random test draw',
  recovery_capital_survey: 'Recovery capital survey',
  chore: 'Chore',
  chore_rota: 'Chore rota',
  chore_occurrence: 'Chore on a day',
  chore_swap: 'Chore swap',
  chore_exclusion: 'Exclusion from a chore',
  chore_pin: 'Pinned chore',
  calendar_feed: 'Calendar feed',
  meeting_schedule: 'Meeting schedule',
  meeting: 'Meeting',
  agenda_template: 'Order of business',
  motion: 'Motion',
  action_item: 'Action item',
  office: 'Office',
  officer_term: 'Officer’s term',
  support_member: 'Person in a support circle',
  volunteering: 'Volunteering',
  mentorship: 'Mentoring pairing',
  resource: 'Directory entry',
  share: 'Shared summary',
};

/** "Drug or alcohol test" for drug_test; an unknown kind reads with its underscores as spaces. */
export function recordName(recordType: string): string {
  const known = RECORD_NAMES[recordType];
  if (known) return known;
  const words = recordType.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** When an entry was made, on the viewer's clock with the zone named: an audit reads exact times. */
export function entryTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : whenFormat.format(at);
}
