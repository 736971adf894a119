import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/errors.js';
import type { TProblem } from './problem-schema.js';

/**
 * The one place that turns errors into HTTP responses: RFC 9457 problem documents
 * (`application/problem+json`). Routes and services only throw; nothing else picks a status.
 *
 * Request validation: `field` is the dotted path of the first failing value inside the part of
 * the request that was checked (the body, the query string or the path parameters), without a
 * prefix, e.g. `email` or `roles.1`; when that whole part is missing or of the wrong type the
 * field is the part's name (`body`). `errors` lists every failing value the same way.
 */

const PROBLEM_TYPE_BASE = 'https://closeout.dev/problems/';

const TITLES: Record<ErrorCode, string> = {
  validation: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  stale_version: 'Changed by someone else',
  gate_unmet: 'Not everything required is done',
  illegal_transition: 'Not possible at this stage',
  gone: 'No longer available',
  too_large: 'Too large',
  unsupported_type: 'File type not accepted',
  precondition_required: 'Version required',
  rate_limited: 'Too many attempts',
  locked: 'Locked',
  internal: 'Something went wrong',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

type ProblemFields = Pick<TProblem, 'field' | 'errors' | 'unmetGates'>;

const problem = (
  code: ErrorCode,
  detail: string,
  extra: ProblemFields = {},
  status: number = ERROR_CODES[code],
): TProblem => ({
  type: `${PROBLEM_TYPE_BASE}${code}`,
  title: TITLES[code],
  status,
  detail,
  code,
  ...(extra.field === undefined ? {} : { field: extra.field }),
  ...(extra.errors === undefined ? {} : { errors: extra.errors }),
  ...(extra.unmetGates === undefined ? {} : { unmetGates: extra.unmetGates }),
});

const fieldOf = (issue: ZodFastifySchemaValidationError, part: string): string => {
  const path = issue.instancePath.split('/').filter((segment) => segment !== '');
  return path.length === 0 ? part : path.join('.');
};

const validationProblem = (
  issues: ZodFastifySchemaValidationError[],
  context: string | undefined,
): TProblem => {
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  const errors = issues.map((issue) => ({
    field: fieldOf(issue, part),
    message: issue.message ?? 'is not valid',
  }));
  const first = errors[0]!;
  return problem('validation', `${first.field}: ${first.message}`, {
    field: first.field,
    errors,
  });
};

const isFrameworkClientError = (error: unknown): error is FastifyError =>
  error instanceof Error &&
  typeof (error as FastifyError).code === 'string' &&
  (error as FastifyError).code.startsWith('FST_') &&
  typeof (error as FastifyError).statusCode === 'number' &&
  (error as FastifyError).statusCode! >= 400 &&
  (error as FastifyError).statusCode! < 500;

const frameworkDetail = (error: FastifyError): string => {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty; send a JSON object.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json.';
    default:
      return error.message;
  }
};

/** The problem document for any thrown value; 5xx problems never carry the original message. */
export const toProblem = (error: unknown): TProblem => {
  if (error instanceof AppError) {
    if (error.status >= 500) return problem('internal', 'Something went wrong on our side.');
    return problem(error.code, error.message, {
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.unmetGates === undefined ? {} : { unmetGates: error.unmetGates }),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return validationProblem(error.validation, error.validationContext);
  }
  if (isFrameworkClientError(error)) {
    const status = error.statusCode!;
    const code = (Object.entries(ERROR_CODES).find(([, s]) => s === status)?.[0] ??
      'validation') as ErrorCode;
    return problem(code, frameworkDetail(error), {}, status);
  }
  return problem('internal', 'Something went wrong on our side.');
};

export const sendProblem = (reply: FastifyReply, body: TProblem): FastifyReply =>
  reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);

const handleError = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, body);
};

const handleNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(
    reply,
    problem('not_found', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`),
  );

export const registerProblemHandling = (app: FastifyInstance): void => {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
};
