import type { FastifyTypeProviderDefault } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { ZProblem } from '../problem-schema.js';
import {
  type AGREEMENTS,
  type CONTACTS,
  createRecord,
  deleteRecord,
  type MANAGED_SYSTEMS,
  updateRecord,
} from './records.js';
import { ZClientParams } from './schema.js';

/**
 * Contacts, agreements and managed systems are added, changed and removed under their client the
 * same way; only their path, schemas and wording differ.
 */

type RecordTable = (typeof CONTACTS | typeof AGREEMENTS | typeof MANAGED_SYSTEMS)['table'];

type RecordKind<TTable extends RecordTable, TRecord> = Parameters<
  typeof createRecord<TTable, TRecord>
>[0];

type RecordAction = 'create' | 'update' | 'delete';

export type RecordRoutes<TTable extends RecordTable, TRecord, TParam extends string> = {
  /** The path segment under the client, e.g. `contacts`. */
  path: string;
  /** The path parameter naming one record, e.g. `contactId`. */
  param: TParam;
  kind: RecordKind<TTable, TRecord>;
  schemas: {
    params: z.ZodType<{ clientId: string } & Record<TParam, string>>;
    create: z.ZodType<Omit<TRecord, 'id'>>;
    update: z.ZodType<Partial<Omit<TRecord, 'id'>>>;
    response: z.ZodType<TRecord>;
  };
  summaries: Record<RecordAction, string>;
  descriptions?: Partial<Record<RecordAction, string>>;
};

/** Fastify has already checked `value` against `schema` before the handler runs. */
const validated = <T>(_schema: z.ZodType<T>, value: unknown): T => value as T;

export function registerRecordRoutes<TTable extends RecordTable, TRecord, TParam extends string>(
  app: App,
  tags: string[],
  routes: RecordRoutes<TTable, TRecord, TParam>,
): void {
  const { path, param, kind, schemas, summaries, descriptions = {} } = routes;
  const one = `/:clientId/${path}/:${param}`;
  const config = { permission: 'client.manage' } as const;
  const wording = (action: RecordAction) => {
    const description = descriptions[action];
    return { summary: summaries[action], ...(description === undefined ? {} : { description }) };
  };
  // The Zod type provider cannot resolve request and reply types from schemas that are still
  // generic here, so these routes take plain types and `validated` restores them.
  const router = app.withTypeProvider<FastifyTypeProviderDefault>();

  router.post(
    `/:clientId/${path}`,
    {
      config,
      schema: {
        tags,
        ...wording('create'),
        params: ZClientParams,
        body: schemas.create,
        response: { 201: schemas.response, 404: ZProblem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createRecord(kind, {
          db: app.db,
          orgId: request.auth.orgId,
          clientId: validated(ZClientParams, request.params).clientId,
          actor: request.auth.actor,
          values: validated(schemas.create, request.body),
        }),
      ),
  );

  router.patch(
    one,
    {
      config,
      schema: {
        tags,
        ...wording('update'),
        params: schemas.params,
        body: schemas.update,
        response: { 200: schemas.response, 404: ZProblem },
      },
    },
    (request) => {
      const params = validated(schemas.params, request.params);
      return updateRecord(kind, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: params.clientId,
        recordId: params[param],
        actor: request.auth.actor,
        changes: validated(schemas.update, request.body),
      });
    },
  );

  router.delete(
    one,
    {
      config,
      schema: {
        tags,
        ...wording('delete'),
        params: schemas.params,
        response: { 204: z.undefined(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      const params = validated(schemas.params, request.params);
      await deleteRecord(kind, {
        db: app.db,
        orgId: request.auth.orgId,
        clientId: params.clientId,
        recordId: params[param],
        actor: request.auth.actor,
      });
      return reply.status(204).send();
    },
  );
}
