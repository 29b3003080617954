// Every route of the dashboard. Pages load on demand, so a resident's phone only
// downloads the pages a resident uses; preloads start a page's data while its
// code is still on the way (the queries of pages only staff open are loaded with
// their preload, so the first page of a resident does not carry them).
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Home, SignedInOnly } from './account/guard';
import { attentionQueries, boardQueries } from './check-ins/data';
import { houseQueries } from './houses/queries';
import { queryClient } from './lib/query-client';
import { residentQueries } from './residents/data';

export const routes: RouteDefinition[] = [
  { path: '/sign-in', component: lazy(() => import('./account/sign-in-page')) },
  {
    path: ['/invite', '/invite/:token'],
    component: lazy(() => import('./invites/accept-invite-page')),
    preload: ({ params }) => {
      const token = params.token;
      if (token)
        void import('./invites/data').then(({ inviteQueries }) =>
          queryClient.prefetchQuery(inviteQueries.lookup(token)),
        );
    },
  },
  {
    path: '/',
    component: SignedInOnly,
    children: [
      { path: '/', component: Home },
      {
        path: '/houses',
        component: lazy(() => import('./houses/houses-page')),
        preload: () => void queryClient.prefetchInfiniteQuery(houseQueries.list()),
      },
      {
        path: '/houses/:houseId',
        component: lazy(() => import('./houses/house-page')),
        preload: ({ params }) => {
          if (params.houseId) void queryClient.prefetchQuery(houseQueries.get(params.houseId));
        },
      },
      {
        path: '/houses/:houseId/intake',
        component: lazy(() => import('./residents/intake-page')),
        preload: ({ params }) => {
          if (params.houseId) void queryClient.prefetchQuery(houseQueries.get(params.houseId));
        },
      },
      {
        path: '/residents/:residentId',
        component: lazy(() => import('./residents/resident-page')),
        preload: ({ params }) => {
          if (params.residentId)
            void queryClient.prefetchQuery(residentQueries.get(params.residentId));
        },
      },
      { path: '/me', component: lazy(() => import('./residents/me-page')) },
      { path: '/account/password', component: lazy(() => import('./account/password-page')) },
      { path: '/rules', component: lazy(() => import('./rules/house-rules-page')) },
      { path: '/passes', component: lazy(() => import('./passes/my-passes-page')) },
      { path: '/check-ins', component: lazy(() => import('./check-ins/my-check-ins-page')) },
      { path: '/chores', component: lazy(() => import('./chores/my-chores-page')) },
      {
        path: '/recovery-capital',
        component: lazy(() => import('./check-ins/recovery-capital-page')),
      },
      { path: '/violations', component: lazy(() => import('./violations/my-violations-page')) },
      { path: '/grievances', component: lazy(() => import('./grievances/my-grievances-page')) },
      {
        path: '/houses/:houseId/passes',
        component: lazy(() => import('./passes/house-passes-page')),
      },
      {
        path: '/houses/:houseId/check-ins',
        component: lazy(() => import('./check-ins/house-check-ins-page')),
        preload: ({ params }) => {
          if (params.houseId) {
            void queryClient.prefetchQuery(boardQueries.day(params.houseId, undefined));
            void queryClient.prefetchQuery(attentionQueries.list(params.houseId));
          }
        },
      },
      {
        path: '/houses/:houseId/chores',
        component: lazy(() => import('./chores/house-rota-page')),
      },
      {
        path: '/houses/:houseId/chores/list',
        component: lazy(() => import('./chores/chore-list-page')),
      },
      {
        path: '/houses/:houseId/chores/report',
        component: lazy(() => import('./chores/completion-page')),
      },
      {
        path: '/houses/:houseId/chores/print',
        component: lazy(() => import('./chores/print-rota-page')),
      },
      {
        path: '/houses/:houseId/report',
        component: lazy(() => import('./reports/monthly-report-page')),
      },
      {
        path: '/houses/:houseId/meetings',
        component: lazy(() => import('./meetings/meetings-page')),
      },
      {
        path: '/houses/:houseId/officers',
        component: lazy(() => import('./meetings/officers-page')),
      },
      { path: '/meetings/:meetingId', component: lazy(() => import('./meetings/meeting-page')) },
      {
        path: '/meetings/:meetingId/run',
        component: lazy(() => import('./meetings/run-meeting-page')),
      },
      {
        path: '/houses/:houseId/tests',
        component: lazy(() => import('./check-ins/house-tests-page')),
      },
      {
        path: '/houses/:houseId/rules',
        component: lazy(() => import('./rules/rule-book-editor-page')),
      },
      {
        path: '/houses/:houseId/violations',
        component: lazy(() => import('./violations/house-violations-page')),
      },
      {
        path: '/houses/:houseId/grievances',
        component: lazy(() => import('./grievances/house-grievances-page')),
      },
      { path: '/reports', component: lazy(() => import('./reports/reports-hub-page')) },
      {
        path: '/reports/violations',
        component: lazy(() => import('./violations/rates-page')),
      },
      { path: '/reports/exports', component: lazy(() => import('./exports/exports-page')) },
      { path: '/audit', component: lazy(() => import('./audit/audit-page')) },
      {
        path: '/portfolio',
        component: lazy(() => import('./portfolio/portfolio-page')),
        preload: () =>
          void import('./portfolio/data').then(({ portfolioQueries }) =>
            queryClient.prefetchQuery(portfolioQueries.overview()),
          ),
      },
      { path: '/invites', component: lazy(() => import('./invites/invites-page')) },
      { path: '/staff', component: lazy(() => import('./staff/staff-page')) },
      { path: '/support', component: lazy(() => import('./support/support-page')) },
      { path: '/support/record', component: lazy(() => import('./support/record-page')) },
      { path: '/sharing', component: lazy(() => import('./support/sharing-page')) },
      {
        path: '/houses/:houseId/mentoring',
        component: lazy(() => import('./support/mentoring-page')),
      },
      {
        path: '/houses/:houseId/resources',
        component: lazy(() => import('./support/resources-page')),
      },
    ],
  },
  { path: '*404', component: lazy(() => import('./components/not-found-page')) },
];
