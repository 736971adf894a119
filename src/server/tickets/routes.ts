import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZProblem } from '../problem-schema.js';
import {
  ZCreateTicketRequest,
  ZListTicketsQuery,
  ZTicket,
  ZTicketPage,
  ZTicketParams,
  ZUpdateTicketRequest,
} from './schema.js';
import { createTicket, getTicket, listTickets, updateTicket } from './service.js';

const tags = ['Tickets'];

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'List tickets',
        description: 'Filter by client and status, search by title or number; newest first.',
        querystring: ZListTicketsQuery,
        response: { 200: ZTicketPage },
      },
    },
    (request) => listTickets({ db: app.db, orgId: request.auth.orgId, query: request.query }),
  );

  app.post(
    '/',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Add a ticket',
        description:
          'An open ticket of a client with an open closeout whose tickets were already pulled joins its ticket review.',
        body: ZCreateTicketRequest,
        response: { 201: ZTicket, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const ticket = await createTicket({
        db: app.db,
        orgId: request.auth.orgId,
        request: request.body,
        actor: request.auth.actor,
      });
      return reply.status(201).header('location', `/api/v1/tickets/${ticket.id}`).send(ticket);
    },
  );

  app.get(
    '/:ticketId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One ticket',
        params: ZTicketParams,
        response: { 200: ZTicket, 404: ZProblem },
      },
    },
    (request) =>
      getTicket({ db: app.db, orgId: request.auth.orgId, ticketId: request.params.ticketId }),
  );

  app.patch(
    '/:ticketId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Change a ticket',
        description:
          'Completing or cancelling it stamps when it closed, and shows the outcome in the ticket review of an open closeout.',
        params: ZTicketParams,
        body: ZUpdateTicketRequest,
        response: { 200: ZTicket, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      updateTicket({
        db: app.db,
        orgId: request.auth.orgId,
        ticketId: request.params.ticketId,
        changes: request.body,
        actor: request.auth.actor,
      }),
  );
};
