import type { RouteObject } from 'react-router';
import { RequireSession } from '../auth/RequireSession.js';
import { SignInPage } from '../auth/SignInPage.js';
import { portalRoute } from '../portal/routes.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RouteError } from './RouteError.js';
import { Shell } from './Shell.js';

/**
 * Every screen has a real URL. Screens behind the sign-in load on demand (one chunk per area),
 * so the first page downloads only the shell and what it shows.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  portalRoute,
  {
    path: '/setup',
    errorElement: <RouteError />,
    lazy: () =>
      import('../features/setup/SetupPage.js').then((module) => ({ Component: module.SetupPage })),
  },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: () =>
          import('../features/dashboard/DashboardPage.js').then((module) => ({
            Component: module.DashboardPage,
          })),
      },
      {
        path: 'closeouts',
        lazy: () =>
          import('../features/closeouts/list/CloseoutListPage.js').then((module) => ({
            Component: module.CloseoutListPage,
          })),
      },
      {
        path: 'closeouts/new',
        lazy: () =>
          import('../features/closeouts/new/NewCloseoutPage.js').then((module) => ({
            Component: module.NewCloseoutPage,
          })),
      },
      {
        path: 'closeouts/:closeoutId',
        lazy: () =>
          import('../features/closeouts/page/CloseoutPage.js').then((module) => ({
            Component: module.CloseoutPage,
          })),
      },
      {
        path: 'clients',
        lazy: () =>
          import('../features/clients/ClientListPage.js').then((module) => ({
            Component: module.ClientListPage,
          })),
      },
      {
        path: 'clients/:clientId',
        lazy: () =>
          import('../features/clients/ClientPage.js').then((module) => ({
            Component: module.ClientPage,
          })),
      },
      {
        path: 'process',
        lazy: () =>
          import('../features/process/ProcessPage.js').then((module) => ({
            Component: module.ProcessPage,
          })),
      },
      {
        path: 'process/edit',
        lazy: () =>
          import('../features/process/editor/ProcessEditorPage.js').then((module) => ({
            Component: module.ProcessEditorPage,
          })),
      },
      {
        path: 'settings/*',
        lazy: () =>
          import('../features/settings/SettingsPage.js').then((module) => ({
            Component: module.SettingsPage,
          })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
