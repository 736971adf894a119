import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../problem.js';
import {
  AGREEMENTS,
  CONTACTS,
  createRecord,
  deleteRecord,
  MANAGED_SYSTEMS,
  updateRecord,
} from './records.js';
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

const today = () => new Date().toISOString().slice(0, 10);

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
        today: today(),
      });
      return reply.status(201).send(client);
    },
  );

  // ---- contacts, agreements, managed systems ----

  app.post(
    '/:clientId/contacts',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Add a contact',
        params: ZClientParams,
        body: ZCreateContactRequest,
        response: { 201: ZContact, 404: ZProblem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createRecord(CONTACTS, {
          db: app.db,
          orgId: request.auth.orgId,
          clientId: request.params.clientId,
          actor: request.auth.actor,
          values: request.body,
        }),
      ),
  );

  app.patch(
    '/:clientId/contacts/:contactId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Change a contact',
        params: ZContactParams,
        body: ZUpdateContactRequest,
        response: { 200: ZContact, 404: ZProblem },
      },
    },
    (request) =>
      updateRecord(CONTACTS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.contactId,
        actor: request.auth.actor,
        changes: request.body,
      }),
  );

  app.delete(
    '/:clientId/contacts/:contactId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Remove a contact',
        params: ZContactParams,
        response: { 204: z.undefined(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      await deleteRecord(CONTACTS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.contactId,
        actor: request.auth.actor,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/:clientId/agreements',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Add an agreement',
        params: ZClientParams,
        body: ZCreateAgreementRequest,
        response: { 201: ZAgreement, 404: ZProblem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createRecord(AGREEMENTS, {
          db: app.db,
          orgId: request.auth.orgId,
          clientId: request.params.clientId,
          actor: request.auth.actor,
          values: request.body,
        }),
      ),
  );

  app.patch(
    '/:clientId/agreements/:agreementId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Change an agreement, or record that it ended',
        params: ZAgreementParams,
        body: ZUpdateAgreementRequest,
        response: { 200: ZAgreement, 404: ZProblem },
      },
    },
    (request) =>
      updateRecord(AGREEMENTS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.agreementId,
        actor: request.auth.actor,
        changes: request.body,
      }),
  );

  app.delete(
    '/:clientId/agreements/:agreementId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Remove an agreement entered by mistake',
        description: 'To record that an agreement ended, change its status to ended instead.',
        params: ZAgreementParams,
        response: { 204: z.undefined(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      await deleteRecord(AGREEMENTS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.agreementId,
        actor: request.auth.actor,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/:clientId/managed-systems',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Add a managed system',
        description: 'Its category decides which administration credential the hand-over lists.',
        params: ZClientParams,
        body: ZCreateManagedSystemRequest,
        response: { 201: ZManagedSystem, 404: ZProblem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createRecord(MANAGED_SYSTEMS, {
          db: app.db,
          orgId: request.auth.orgId,
          clientId: request.params.clientId,
          actor: request.auth.actor,
          values: request.body,
        }),
      ),
  );

  app.patch(
    '/:clientId/managed-systems/:managedSystemId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Change a managed system',
        params: ZManagedSystemParams,
        body: ZUpdateManagedSystemRequest,
        response: { 200: ZManagedSystem, 404: ZProblem },
      },
    },
    (request) =>
      updateRecord(MANAGED_SYSTEMS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.managedSystemId,
        actor: request.auth.actor,
        changes: request.body,
      }),
  );

  app.delete(
    '/:clientId/managed-systems/:managedSystemId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Remove a managed system',
        params: ZManagedSystemParams,
        response: { 204: z.undefined(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      await deleteRecord(MANAGED_SYSTEMS, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: request.params.clientId,
        recordId: request.params.managedSystemId,
        actor: request.auth.actor,
      });
      return reply.status(204).send();
    },
  );
};
