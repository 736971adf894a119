import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.js';

/**
 * The problem document every refusal of the API carries (RFC 9457), as a contract shared with
 * the web app: it imports nothing from the server.
 */

const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ZFieldError = z.object({ field: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZUnmetGate = z.object({
  gate: z.string(),
  name: z.string(),
  message: z.string(),
  missing: z.array(z.string()),
  tasks: z.array(z.string()),
});

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODE_NAMES),
    field: z.string().optional(),
    errors: z.array(ZFieldError).optional(),
    unmetGates: z.array(ZUnmetGate).optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document.' });
export type TProblem = z.infer<typeof ZProblem>;
