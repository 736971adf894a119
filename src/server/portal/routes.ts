import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { createSignInLimiter, type SignInLimiter } from '../auth/sign-in-limiter.js';
import { ZCloseoutParams, ZIfMatchHeaders } from '../closeouts/schema.js';
import { revealSecretToClient } from '../handover-secrets/service.js';
import { ZProblem } from '../problem-schema.js';
import {
  invitePortalUser,
  listPortalUsers,
  requestSignInLinks,
  resendPortalInvitation,
  revokePortalUser,
} from './access.js';
import { consumeSignInLink, endPortalSession, PORTAL_SESSION_COOKIE } from './auth.js';
import { portalAuthOf, requirePortalSession } from './guard.js';
import { presentRevealedCredential } from './present.js';
import { portalReceipt, type Receipt, staffReceipt } from './receipt.js';
import {
  PORTAL_SIGN_IN_LINK_MINUTES,
  ZInvitePortalUserRequest,
  ZPortalBackupCopyParams,
  ZPortalBackupReceiptRequest,
  ZPortalCloseout,
  ZPortalCloseoutList,
  ZPortalCloseoutParams,
  ZPortalDownloadLink,
  ZPortalHandoverItemParams,
  ZPortalMe,
  ZPortalSignInRequest,
  ZPortalTicketParams,
  ZPortalTicketResponseRequest,
  ZPortalUser,
  ZPortalUserList,
  ZPortalUserParams,
  ZReportHandoverProblemRequest,
  ZRequestSignInLinkRequest,
  ZResponsibilityStatement,
  ZRevealedCredential,
  ZSignInLinkRequested,
  ZSignResponsibilityRequest,
} from './schema.js';
import {
  confirmBackupCopyReceipt,
  confirmHandoverItem,
  currentPortalCloseoutId,
  getPortalCloseout,
  listPortalCloseouts,
  portalBackupDownloadLink,
  portalMe,
  reportHandoverProblem,
  respondToTicket,
  responsibilityStatementFor,
  signResponsibility,
} from './service.js';

const portalTags = ['Client portal'];
const staffTags = ['Client portal access'];
const problems = { 400: ZProblem, 401: ZProblem, 404: ZProblem, 409: ZProblem };

const WINDOW_MS = 15 * 60 * 1000;

/** Refuses with 429 and Retry-After while any of the limiters says so. */
function refuseWhileLimited(reply: FastifyReply, checks: [SignInLimiter, string][]): void {
  const retryAfter = Math.max(...checks.map(([limiter, key]) => limiter.retryAfterSeconds(key)));
  if (retryAfter === 0) return;
  reply.header('Retry-After', String(retryAfter));
  const minutes = Math.ceil(retryAfter / 60);
  throw new AppError(
    'rate_limited',
    `Too many sign-in requests. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  );
}

const sendPdf = (reply: FastifyReply, receipt: Receipt) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${receipt.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(receipt.pdf);

const versionOf = (request: FastifyRequest): number | undefined => {
  const ifMatch = request.headers['if-match'];
  return typeof ifMatch === 'string'
    ? Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''))
    : undefined;
};

/** The client portal's API, /api/v1/portal: public to the staff guard, behind its own. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every request counts, found or not, so the limit says nothing about which addresses exist.
  const perAddress = createSignInLimiter({ maxFailures: 5, windowMs: WINDOW_MS });
  const perAddressFrom = createSignInLimiter({ maxFailures: 30, windowMs: WINDOW_MS });
  const failedLinks = createSignInLimiter({ maxFailures: 20, windowMs: WINDOW_MS });
  const guarded = { config: { public: true as const }, onRequest: requirePortalSession };

  app.post(
    '/sign-in-links',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Email me a sign-in link',
        description: `Always answers 202 the same way, whether or not the address belongs to a portal user. A link works once, for ${PORTAL_SIGN_IN_LINK_MINUTES} minutes. At most 5 requests per address and 30 per network address in 15 minutes (429 with Retry-After).`,
        body: ZRequestSignInLinkRequest,
        response: { 202: ZSignInLinkRequested, 400: ZProblem, 429: ZProblem },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      const checks: [SignInLimiter, string][] = [
        [perAddress, email],
        [perAddressFrom, request.ip],
      ];
      refuseWhileLimited(reply, checks);
      for (const [limiter, key] of checks) limiter.recordFailure(key);
      await requestSignInLinks({
        db: app.db,
        email,
        publicUrl: app.config.publicUrl,
        ip: request.ip,
      });
      return reply.status(202).send({
        message: `If ${email} may use the client portal, a sign-in link is on its way. It works once, for ${PORTAL_SIGN_IN_LINK_MINUTES} minutes.`,
        expiresInMinutes: PORTAL_SIGN_IN_LINK_MINUTES,
      });
    },
  );

  app.post(
    '/sign-in',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Sign in with the token of an emailed link',
        description:
          'Sets the `closeout_portal_session` cookie (HttpOnly, SameSite=Lax) for 12 hours. An unknown link answers 401, a used or expired one 410, a revoked contact 403.',
        body: ZPortalSignInRequest,
        response: {
          200: ZPortalMe,
          400: ZProblem,
          401: ZProblem,
          403: ZProblem,
          410: ZProblem,
          429: ZProblem,
        },
      },
    },
    async (request, reply) => {
      refuseWhileLimited(reply, [[failedLinks, request.ip]]);
      let session: Awaited<ReturnType<typeof consumeSignInLink>>;
      try {
        session = await consumeSignInLink({
          db: app.db,
          token: request.body.token,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
      } catch (error) {
        failedLinks.recordFailure(request.ip);
        throw error;
      }
      reply.setCookie(PORTAL_SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: app.config.secureCookies,
        expires: session.expiresAt,
      });
      return portalMe(app.db, session.auth);
    },
  );

  app.post(
    '/sign-out',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Sign out of the portal',
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[PORTAL_SESSION_COOKIE];
      if (token) await endPortalSession({ db: app.db, token });
      reply.clearCookie(PORTAL_SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'The signed-in contact, its client and the provider',
        response: { 200: ZPortalMe, 401: ZProblem },
      },
    },
    (request) => portalMe(app.db, portalAuthOf(request)),
  );

  app.get(
    '/closeouts',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: "The client's closeouts, newest first",
        response: { 200: ZPortalCloseoutList, 401: ZProblem },
      },
    },
    (request) => listPortalCloseouts(app.db, portalAuthOf(request)),
  );

  app.get(
    '/closeout',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: "The client's current closeout: the open one, else the latest",
        response: { 200: ZPortalCloseout, ...problems },
      },
    },
    async (request, reply) => {
      const auth = portalAuthOf(request);
      const closeout = await getPortalCloseout(
        app.db,
        auth,
        await currentPortalCloseoutId(app.db, auth),
      );
      reply.header('etag', `"${closeout.version}"`);
      return closeout;
    },
  );

  app.get(
    '/closeout/receipt.pdf',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'The signed receipt of the current closeout’s transfer of responsibility (PDF)',
        response: { 401: ZProblem, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const auth = portalAuthOf(request);
      const id = await currentPortalCloseoutId(app.db, auth);
      return sendPdf(reply, await portalReceipt(app.db, auth, id));
    },
  );

  app.get(
    '/closeouts/:closeoutId',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'One closeout of the client',
        params: ZPortalCloseoutParams,
        response: { 200: ZPortalCloseout, ...problems },
      },
    },
    async (request, reply) => {
      const closeout = await getPortalCloseout(
        app.db,
        portalAuthOf(request),
        request.params.closeoutId,
      );
      reply.header('etag', `"${closeout.version}"`);
      return closeout;
    },
  );

  /** A client action on its closeout, answered with the closeout as it now stands. */
  function action<TParams extends z.ZodObject, TBody extends z.ZodType>(definition: {
    path: string;
    summary: string;
    description?: string;
    params: TParams;
    body: TBody;
    run: (input: {
      request: FastifyRequest;
      params: z.infer<TParams> & { closeoutId: string };
      body: z.infer<TBody>;
      version: number | undefined;
    }) => Promise<z.infer<typeof ZPortalCloseout>>;
  }) {
    app.post(
      `/closeouts/:closeoutId/${definition.path}`,
      {
        ...guarded,
        schema: {
          tags: portalTags,
          summary: definition.summary,
          ...(definition.description === undefined ? {} : { description: definition.description }),
          params: definition.params,
          headers: ZIfMatchHeaders,
          body: definition.body,
          response: { 200: ZPortalCloseout, ...problems },
        },
      },
      async (request, reply) => {
        const closeout = await definition.run({
          request,
          params: request.params as z.infer<TParams> & { closeoutId: string },
          body: request.body as z.infer<TBody>,
          version: versionOf(request),
        });
        reply.header('etag', `"${closeout.version}"`);
        return closeout;
      },
    );
  }

  const scope = (request: FastifyRequest, closeoutId: string, version: number | undefined) => ({
    db: app.db,
    auth: portalAuthOf(request),
    closeoutId,
    version,
  });

  action({
    path: 'tickets/:ticketId/response',
    summary: "Agree with a ticket's disposition, or question it",
    params: ZPortalTicketParams,
    body: ZPortalTicketResponseRequest,
    run: ({ request, params, body, version }) =>
      respondToTicket({
        ...scope(request, params.closeoutId, version),
        ticketId: params.ticketId,
        response: body,
      }),
  });

  action({
    path: 'handover-items/:itemId/confirm',
    summary: 'Confirm that a handed-over credential works',
    params: ZPortalHandoverItemParams,
    body: z.unknown(),
    run: ({ request, params, version }) =>
      confirmHandoverItem({ ...scope(request, params.closeoutId, version), itemId: params.itemId }),
  });

  action({
    path: 'handover-items/:itemId/problem',
    summary: 'Report that a handed-over credential does not work',
    description: 'Logged as a deactivation issue against the item’s system for the provider.',
    params: ZPortalHandoverItemParams,
    body: ZReportHandoverProblemRequest,
    run: ({ request, params, body, version }) =>
      reportHandoverProblem({
        ...scope(request, params.closeoutId, version),
        itemId: params.itemId,
        description: body.description,
      }),
  });

  action({
    path: 'backup-copies/:copyId/receipt',
    summary: 'Confirm receipt of a backup copy with the SHA-256 you computed',
    description: 'Refused (400, field sha256) unless the checksum matches the copy exactly.',
    params: ZPortalBackupCopyParams,
    body: ZPortalBackupReceiptRequest,
    run: ({ request, params, body, version }) =>
      confirmBackupCopyReceipt({
        ...scope(request, params.closeoutId, version),
        copyId: params.copyId,
        sha256: body.sha256,
      }),
  });

  action({
    path: 'responsibility',
    summary: 'Sign the transfer of responsibility for your systems',
    description:
      'Typed full name, title, consent to the statement of GET responsibility-statement, and the moment it takes effect (not in the past). Stored with the time, IP address and user agent.',
    params: ZPortalCloseoutParams,
    body: ZSignResponsibilityRequest,
    run: ({ request, params, body, version }) =>
      signResponsibility({
        ...scope(request, params.closeoutId, version),
        request: body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      }),
  });

  app.post(
    '/closeouts/:closeoutId/handover-items/:itemId/reveal',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'Reveal a handed-over credential, once',
        description:
          'Shows the secret once per issue; a second reveal answers 409 until the provider re-issues it.',
        params: ZPortalHandoverItemParams,
        response: { 200: ZRevealedCredential, ...problems },
      },
    },
    async (request) => {
      const auth = portalAuthOf(request);
      // The vault admits only a portal user of the item's own client.
      const revealed = await revealSecretToClient({
        db: app.db,
        vault: app.vault,
        orgId: auth.orgId,
        closeoutId: request.params.closeoutId,
        itemId: request.params.itemId,
        portalUser: { id: auth.portalUserId, name: auth.name },
      });
      return presentRevealedCredential(revealed);
    },
  );

  app.post(
    '/closeouts/:closeoutId/backup-copies/:copyId/download-link',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'A link to download a backup copy handed over by download',
        description: 'The link works for 24 hours; every download through it is recorded.',
        params: ZPortalBackupCopyParams,
        response: { 200: ZPortalDownloadLink, ...problems },
      },
    },
    (request) =>
      portalBackupDownloadLink({
        db: app.db,
        auth: portalAuthOf(request),
        closeoutId: request.params.closeoutId,
        copyId: request.params.copyId,
        publicUrl: app.config.publicUrl,
      }),
  );

  app.get(
    '/closeouts/:closeoutId/responsibility-statement',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'The statement you sign to accept responsibility',
        params: ZPortalCloseoutParams,
        response: { 200: ZResponsibilityStatement, ...problems },
      },
    },
    (request) =>
      responsibilityStatementFor(app.db, portalAuthOf(request), request.params.closeoutId),
  );

  app.get(
    '/closeouts/:closeoutId/responsibility-receipt.pdf',
    {
      ...guarded,
      schema: {
        tags: portalTags,
        summary: 'The signed receipt of the transfer of responsibility (PDF)',
        params: ZPortalCloseoutParams,
        response: { 401: ZProblem, 404: ZProblem },
      },
    },
    async (request, reply) =>
      sendPdf(reply, await portalReceipt(app.db, portalAuthOf(request), request.params.closeoutId)),
  );
};

/** The MSP's side, under /api/v1/closeouts: who of the client may use the portal. */
export const portalStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:closeoutId/portal-users',
    {
      config: { permission: 'read' },
      schema: {
        tags: staffTags,
        summary: "The client's contacts invited to the portal",
        params: ZCloseoutParams,
        response: { 200: ZPortalUserList, 404: ZProblem },
      },
    },
    async (request) => ({
      items: await listPortalUsers({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      }),
    }),
  );

  app.post(
    '/:closeoutId/portal-users',
    {
      config: { permission: 'closeout.portal_invite' },
      schema: {
        tags: staffTags,
        summary: "Invite a client's contact to the portal",
        description:
          'By contactId (one of the client’s contacts, with an email address) or by name and email. Mails a sign-in link.',
        params: ZCloseoutParams,
        body: ZInvitePortalUserRequest,
        response: { 201: ZPortalUser, 400: ZProblem, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const user = await invitePortalUser({
        db: app.db,
        auth: request.auth,
        closeoutId: request.params.closeoutId,
        request: request.body,
        publicUrl: app.config.publicUrl,
        ip: request.ip,
      });
      return reply.status(201).send(user);
    },
  );

  app.post(
    '/:closeoutId/portal-users/:portalUserId/resend',
    {
      config: { permission: 'closeout.portal_invite' },
      schema: {
        tags: staffTags,
        summary: 'Send the invitation again, with a new sign-in link',
        params: ZPortalUserParams,
        response: { 200: ZPortalUser, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      resendPortalInvitation({
        db: app.db,
        auth: request.auth,
        closeoutId: request.params.closeoutId,
        portalUserId: request.params.portalUserId,
        publicUrl: app.config.publicUrl,
        ip: request.ip,
      }),
  );

  app.post(
    '/:closeoutId/portal-users/:portalUserId/revoke',
    {
      config: { permission: 'closeout.portal_invite' },
      schema: {
        tags: staffTags,
        summary: "Withdraw a contact's portal access",
        description: 'Its sessions end and its sign-in links stop working at once.',
        params: ZPortalUserParams,
        response: { 200: ZPortalUser, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      revokePortalUser({
        db: app.db,
        auth: request.auth,
        closeoutId: request.params.closeoutId,
        portalUserId: request.params.portalUserId,
      }),
  );

  app.get(
    '/:closeoutId/responsibility-receipt.pdf',
    {
      config: { permission: 'read' },
      schema: {
        tags: staffTags,
        summary: 'The client’s signed receipt of the transfer of responsibility (PDF)',
        params: ZCloseoutParams,
        response: { 404: ZProblem },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await staffReceipt({
          db: app.db,
          orgId: request.auth.orgId,
          closeoutId: request.params.closeoutId,
        }),
      ),
  );
};
