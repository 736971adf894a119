import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ApiProblem } from '../api/http.js';

/**
 * Forms validate with the API's own zod schemas, so the browser and the server can never
 * disagree about what is valid; what only the server can know (a taken email, an unmet gate)
 * comes back as a problem document and lands beside the field it names.
 */

/** A @mantine/form `validate` function from a zod schema: the first message per field path. */
export function zodValidate<TValues>(schema: z.ZodType) {
  return (values: TValues): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= sentence(issue.message);
    }
    return errors;
  };
}

/**
 * Puts an API refusal onto the form: each field error beside its field. Returns what could not be
 * placed on a field (a gate, a conflict), for the form's own alert; null when everything was.
 */
export function applyProblem<TValues>(
  form: UseFormReturnType<TValues>,
  error: unknown,
): string | null {
  if (!(error instanceof ApiProblem)) return error instanceof Error ? error.message : String(error);
  const fieldErrors = error.problem.errors ?? [];
  const known = fieldErrors.filter((fieldError) => fieldError.field in flatKeys(form.getValues()));
  if (known.length === 0 && error.problem.field !== undefined) {
    if (error.problem.field in flatKeys(form.getValues())) {
      form.setFieldError(error.problem.field, error.problem.detail);
      return null;
    }
  }
  for (const fieldError of known)
    form.setFieldError(fieldError.field, sentence(fieldError.message));
  return known.length > 0 && known.length === fieldErrors.length ? null : error.problem.detail;
}

const sentence = (message: string): string =>
  message === '' ? message : message.charAt(0).toUpperCase() + message.slice(1);

/** Every dotted path of a value (`attendees.0.name`), for matching the API's field names. */
function flatKeys(value: unknown, prefix = '', keys: Record<string, true> = {}) {
  if (prefix !== '') keys[prefix] = true;
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      flatKeys(child, prefix === '' ? key : `${prefix}.${key}`, keys);
    }
  }
  return keys;
}
