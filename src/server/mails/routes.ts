import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZProblem } from '../problem-schema.js';
import { ZListMailsQuery, ZMail, ZMailPage, ZMailParams } from './schema.js';
import { getMail, listMails, mailDelivery, resendMail } from './service.js';

const tags = ['Mails'];

/** Settings → Outbox: every mail Closeout queued, sent or keeps for want of an SMTP server. */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Mails, newest first',
        description:
          'With how mail leaves this server: over SMTP (`SMTP_URL`), or kept here as the outbox for an administrator to pass on.',
        querystring: ZListMailsQuery,
        response: { 200: ZMailPage, 400: ZProblem },
      },
    },
    (request) =>
      listMails({
        db: app.db,
        orgId: request.auth.orgId,
        query: request.query,
        delivery: mailDelivery(app.config),
      }),
  );

  app.get(
    '/:mailId',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'One mail with its text, HTML and attachments’ names',
        params: ZMailParams,
        response: { 200: ZMail, 404: ZProblem },
      },
    },
    (request) => getMail({ db: app.db, orgId: request.auth.orgId, mailId: request.params.mailId }),
  );

  app.post(
    '/:mailId/resend',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Send a failed mail again',
        params: ZMailParams,
        response: { 200: ZMail, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      resendMail({
        db: app.db,
        orgId: request.auth.orgId,
        mailId: request.params.mailId,
        actor: request.auth.actor,
      }),
  );
};
