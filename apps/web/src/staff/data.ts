// Loading the organisation's staff and changing who runs which house and whose
// account is active. Every change refreshes the ['staff'] keys.
import { queryOptions } from '@tanstack/solid-query';
import { formatInstant, plural } from '../lib/dates';
import { queryClient, refreshingAfter } from '../lib/query-client';
import { api, type Api, type Input, type Output } from '../lib/trpc';

export type StaffMember = Output<Api['staff']['list']>[number];
export type StaffHouseInput = Input<Api['staff']['assignHouse']>;
export type StaffMemberInput = Input<Api['staff']['deactivate']>;

export const staffQueries = {
  list: (organisationId: string) =>
    queryOptions({
      queryKey: ['staff', 'list', organisationId],
      queryFn: () => api.staff.list.query({ organisationId }),
      // who has signed in, and someone who just accepted an invite, show on every visit
      staleTime: 0,
    }),
};

const refreshing = refreshingAfter(() => queryClient.invalidateQueries({ queryKey: ['staff'] }));

export const assignHouse = refreshing((input: StaffHouseInput) =>
  api.staff.assignHouse.mutate(input),
);
export const unassignHouse = refreshing((input: StaffHouseInput) =>
  api.staff.unassignHouse.mutate(input),
);
export const deactivate = refreshing((input: StaffMemberInput) =>
  api.staff.deactivate.mutate(input),
);
export const reactivate = refreshing((input: StaffMemberInput) =>
  api.staff.reactivate.mutate(input),
);

const MINUTE = 60_000;

/** When someone last signed in, in words: "2 hours ago", "3 days ago", then the date and time. */
export function lastSignInWords(iso: string | null, now: number): string {
  if (!iso) return 'Never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.max(0, Math.floor((now - at) / MINUTE));
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour', 'hours')} ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${plural(days, 'day', 'days')} ago`;
  return formatInstant(iso);
}
