import type { RouteObject } from 'react-router';
import { RouteError } from '../app/RouteError.js';

/**
 * The client portal under `/portal`: its own frame, its own chunks. Only these route objects
 * join the staff app's first download; every screen loads when a client opens it.
 */
export const portalRoute: RouteObject = {
  path: '/portal',
  errorElement: <RouteError home="/portal" homeLabel="Back to the portal" />,
  lazy: () => import('./PortalFrame.js').then((module) => ({ Component: module.PortalFrame })),
  children: [
    {
      path: 'sign-in',
      lazy: () =>
        import('./PortalSignInPage.js').then((module) => ({ Component: module.PortalSignInPage })),
    },
    {
      path: 'sign-in/:token',
      lazy: () =>
        import('./PortalLinkLanding.js').then((module) => ({
          Component: module.PortalLinkLandingPage,
        })),
    },
    {
      index: true,
      lazy: () =>
        import('./PortalHomePage.js').then((module) => ({ Component: module.PortalHome })),
    },
    {
      path: 'closeouts/:closeoutId',
      lazy: () =>
        import('./PortalHomePage.js').then((module) => ({ Component: module.PortalHome })),
    },
    {
      path: '*',
      lazy: () =>
        import('./PortalNotFound.js').then((module) => ({ Component: module.PortalNotFound })),
    },
  ],
};
