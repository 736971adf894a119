import type { z } from 'zod';
import { zodValidate } from '../../forms/zod-form.js';

/**
 * Form inputs hold text ('' when empty) where the API wants null or a number, so each form turns
 * its values into the request before validating with the API's schema. Errors keep the field
 * names, since the request has the form's shape.
 */
export function requestValidator<TValues extends object>(
  schema: z.ZodType,
  toRequest: (values: TValues) => unknown,
) {
  const validate = zodValidate<unknown>(schema);
  return (values: TValues): Record<string, string> => {
    const errors = validate(toRequest(values));
    // An empty required input reads better as "Required" than as zod's type complaint.
    for (const field of Object.keys(errors)) {
      if ((values as Record<string, unknown>)[field] === '') errors[field] = 'Required';
    }
    return errors;
  };
}

/** An optional text input: empty means "none". */
export const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** A NumberInput's value: '' while empty, which the schema then refuses as missing. */
export const numberOrUndefined = (value: number | string): number | undefined =>
  typeof value === 'number' ? value : undefined;
