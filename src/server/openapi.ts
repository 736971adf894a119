import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import fastifyApiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { API_PREFIX, SESSION_COOKIE } from './auth/guard.js';
import { ROLE_LABELS, rolesFor } from './auth/permissions.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/**
 * The REST API describes itself: OpenAPI 3.1 generated from the routes' zod schemas at
 * /api/openapi.json, and a browsable reference at /api/docs (served from this process, so it
 * works without internet access).
 */

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const zodTransform = createJsonSchemaTransform({ skipList: [] });

/**
 * Adds what every API route shares but does not spell out: how to authenticate, which roles may
 * call it, and the problem responses of the guard and the validation.
 */
const describeRoute: SwaggerTransform = (input) => {
  const result = zodTransform(input);
  const { route } = input;
  if (!input.url.startsWith(`${API_PREFIX}/`) || result.schema === undefined) return result;
  // A plugin's root route ('/' under its prefix) answers with and without the slash; document
  // the form without.
  const url = input.url.endsWith('/') ? input.url.slice(0, -1) : input.url;
  const schema = { ...result.schema } as Record<string, unknown>;
  const responses: Record<string, unknown> = { ...(schema.response as object | undefined) };
  const permission = route.config?.permission;
  if (permission === undefined) {
    schema.security = [];
  } else {
    const roles = rolesFor(permission).map((role) => ROLE_LABELS[role]);
    const needs = `Roles: ${roles.join(', ')} (permission \`${permission}\`).`;
    schema.description = schema.description ? `${String(schema.description)}\n\n${needs}` : needs;
    schema.security = [{ cookie: [] }, { bearer: [] }];
    responses[401] = problemResponse('Not signed in, or the API token is not valid.');
    responses[403] = problemResponse('The caller’s roles do not allow this.');
  }
  if (
    schema.body !== undefined ||
    schema.querystring !== undefined ||
    schema.params !== undefined
  ) {
    responses[400] = problemResponse('The request is not valid; `field` names the value at fault.');
  }
  responses.default = problemResponse('Any other refusal, as a problem document.');
  schema.response = responses;
  return { schema, url };
};

export const registerOpenApi = async (
  app: FastifyInstance,
  options: { version: string },
): Promise<void> => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Closeout API',
        version: options.version,
        description:
          'Runs the end of a managed-service client relationship. Errors are RFC 9457 problem documents. Authenticate with the session cookie (after `POST /api/v1/auth/sign-in`) or with an API token: `Authorization: Bearer co_…`.',
      },
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (`co_…`) created at `POST /api/v1/api-tokens`.',
          },
        },
      },
    },
    transform: describeRoute,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(fastifyApiReference, {
    routePrefix: DOCS_PATH,
    configuration: { url: OPENAPI_PATH, pageTitle: 'Closeout API' },
    logLevel: 'warn',
  });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
};
