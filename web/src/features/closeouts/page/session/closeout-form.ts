import { type UseFormReturnType, useForm } from '@mantine/form';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { zodValidate } from '../../../../forms/zod-form.js';
import { useActionForm } from '../use-action-form.js';

type ActionFormOptions<TValues> = {
  closeout: Pick<TCloseoutDetail, 'id' | 'version'>;
  /** The action's path under the closeout, e.g. `backup-copies`. */
  path: string;
  /** Shown as a notification once the action succeeded. */
  success?: string;
  initialValues: TValues;
  /** The API's request schema, checked against the body the values become. */
  schema: z.ZodType;
  /** The request body from the form's values, when they are not sent as they are. */
  toBody?: (values: TValues) => unknown;
  /** The form's field for a request field it names differently (`sizeBytes` → `size`). */
  fieldName?: (requestField: string) => string;
  /** Rules only the engine knows (a cancellation needs a reason), checked before sending. */
  check?: (values: TValues) => Partial<Record<keyof TValues & string, string>>;
  onDone?: (updated: TCloseoutDetail) => void;
};

const sameName = (field: string) => field;

const renamed = (fieldName: (field: string) => string, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([field, message]) => [fieldName(field), message]));

/**
 * A form that owns its values and runs one process action through `useActionForm`: validated
 * with the API's request schema before it is sent, the API's field errors beside their fields afterwards, and whatever no field can show
 * (an unmet gate, a stale version) kept as `problem` for a `<ProblemAlert>`.
 */
export function useCloseoutForm<TValues extends Record<string, unknown>>(
  options: ActionFormOptions<TValues>,
): {
  form: UseFormReturnType<TValues>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  problem: unknown;
  pending: boolean;
} {
  const { schema, fieldName = sameName, check } = options;
  const toBody = options.toBody ?? ((values: TValues) => values);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => ({
      ...renamed(fieldName, zodValidate<unknown>(schema)(toBody(values))),
      ...check?.(values),
    }),
  });
  const { send, problem, showProblem, pending } = useActionForm(options.closeout, form, fieldName);
  const onSubmit = form.onSubmit(
    (values) =>
      send(
        {
          path: options.path,
          body: toBody(values),
          ...(options.success === undefined ? {} : { success: options.success }),
        },
        (updated) => {
          form.reset();
          options.onDone?.(updated);
        },
      ),
    // A rule about something the form has no field for would otherwise block it silently.
    (errors) => {
      const fields = new Set(Object.keys(form.getValues()));
      const unplaced = Object.entries(errors)
        .filter(([field]) => !fields.has(field.split('.')[0] ?? field))
        .map(([, message]) => String(message));
      showProblem(unplaced.length === 0 ? null : new Error(unplaced.join(' ')));
    },
  );
  return { form, onSubmit, problem, pending };
}
