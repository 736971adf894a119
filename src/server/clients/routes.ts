import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayUtc } from '../clock.js';
import { ZProblem } from '../problem-schema.js';
import { registerRecordRoutes } from './record-routes.js';
import { AGREEMENTS, CONTACTS, MANAGED_SYSTEMS } from './records.js';
import { recordClientReturn } from './returns.js';
import {
  ZAgreement,
  ZAgreementParams,
  ZClientDetail,
  ZClientPage,
  ZClientParams,
  ZContact,
  ZContactParams,
  ZCreateAgreementRequest,
  ZCreateClientRequest,
  ZCreateContactRequest,
  ZCreateManagedSystemRequest,
  ZEarliestTermination,
  ZEarliestTerminationQuery,
  ZListClientsQuery,
  ZManagedSystem,
  ZManagedSystemParams,
  ZRecordReturnRequest,
  ZUpdateAgreementRequest,
  ZUpdateClientRequest,
  ZUpdateContactRequest,
  ZUpdateManagedSystemRequest,
} from './schema.js';
import {
  createClient,
  getClientDetail,
  listClients,
  previewEarliestTermination,
  updateClient,
} from './service.js';

const tags = ['Clients'];

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'List clients',
        description:
          'Filter by status, search by name; each with the MRR of its active agreements, its open tickets and its open closeout.',
        querystring: ZListClientsQuery,
        response: { 200: ZClientPage },
      },
    },
    (request) => listClients({ db: app.db, orgId: request.auth.orgId, query: request.query }),
  );

  app.post(
    '/',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Add a client',
        body: ZCreateClientRequest,
        response: { 201: ZClientDetail, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const client = await createClient({
        db: app.db,
        orgId: request.auth.orgId,
        request: request.body,
        actor: request.auth.actor,
      });
      return reply.status(201).header('location', `/api/v1/clients/${client.id}`).send(client);
    },
  );

  app.get(
    '/:clientId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One client in full',
        description:
          'With its contacts, agreements, managed systems, open tickets, closeout history and returns.',
        params: ZClientParams,
        response: { 200: ZClientDetail, 404: ZProblem },
      },
    },
    (request) =>
      getClientDetail({
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
      }),
  );

  app.patch(
    '/:clientId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Change a client',
        description: 'The status is not changed here: it follows the client’s closeouts.',
        params: ZClientParams,
        body: ZUpdateClientRequest,
        response: { 200: ZClientDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      updateClient({
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        changes: request.body,
        actor: request.auth.actor,
      }),
  );

  app.get(
    '/:clientId/earliest-termination-date',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The termination date a closeout opened on this notice day would propose',
        description:
          'From the client’s active agreements: each ends after its notice period, and not before the end of a fixed term. With the MRR a closeout would put at risk.',
        params: ZClientParams,
        querystring: ZEarliestTerminationQuery,
        response: { 200: ZEarliestTermination, 404: ZProblem },
      },
    },
    (request) =>
      previewEarliestTermination({
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        noticeReceivedOn: request.query.noticeReceivedOn,
      }),
  );

  app.post(
    '/:clientId/returns',
    {
      config: { permission: 'client.record_return' },
      schema: {
        tags,
        summary: 'Record that a former client signed a new agreement',
        description:
          'Only for a former client whose latest closeout ended terminated, signed on or after the day it ended. Adds the agreement and makes the client active again.',
        params: ZClientParams,
        body: ZRecordReturnRequest,
        response: { 201: ZClientDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const client = await recordClientReturn({
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        request: request.body,
        actor: request.auth.actor,
        today: todayUtc(),
      });
      return reply.status(201).send(client);
    },
  );

  registerRecordRoutes(app, tags, {
    path: 'contacts',
    param: 'contactId',
    kind: CONTACTS,
    schemas: {
      params: ZContactParams,
      create: ZCreateContactRequest,
      update: ZUpdateContactRequest,
      response: ZContact,
    },
    summaries: { create: 'Add a contact', update: 'Change a contact', delete: 'Remove a contact' },
  });

  registerRecordRoutes(app, tags, {
    path: 'agreements',
    param: 'agreementId',
    kind: AGREEMENTS,
    schemas: {
      params: ZAgreementParams,
      create: ZCreateAgreementRequest,
      update: ZUpdateAgreementRequest,
      response: ZAgreement,
    },
    summaries: {
      create: 'Add an agreement',
      update: 'Change an agreement, or record that it ended',
      delete: 'Remove an agreement entered by mistake',
    },
    descriptions: {
      delete: 'To record that an agreement ended, change its status to ended instead.',
    },
  });

  registerRecordRoutes(app, tags, {
    path: 'managed-systems',
    param: 'managedSystemId',
    kind: MANAGED_SYSTEMS,
    schemas: {
      params: ZManagedSystemParams,
      create: ZCreateManagedSystemRequest,
      update: ZUpdateManagedSystemRequest,
      response: ZManagedSystem,
    },
    summaries: {
      create: 'Add a managed system',
      update: 'Change a managed system',
      delete: 'Remove a managed system',
    },
    descriptions: {
      create: 'Its category decides which administration credential the hand-over lists.',
    },
  });
};
