import { type UseFormReturnType, useForm } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { ApiProblem } from '../../../../api/http.js';
import { applyProblem, zodValidate } from '../../../../forms/zod-form.js';

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

/** The API's refusal with its field names turned into the form's, for `applyProblem`. */
function inFormTerms(error: unknown, fieldName: (field: string) => string): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const { problem } = error;
  return new ApiProblem({
    ...problem,
    ...(problem.field === undefined ? {} : { field: fieldName(problem.field) }),
    ...(problem.errors === undefined
      ? {}
      : {
          errors: problem.errors.map((fieldError) => ({
            ...fieldError,
            field: fieldName(fieldError.field),
          })),
        }),
  });
}

/**
 * A form that owns its values and runs one process action (the page's `useActionForm` sends a
 * form built elsewhere): validated with the API's request schema before it is
 * sent, the API's field errors beside their fields afterwards, and whatever no field can show
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
  const action = useCloseoutAction(options.closeout);
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => ({
      ...renamed(fieldName, zodValidate<unknown>(schema)(toBody(values))),
      ...check?.(values),
    }),
  });
  const onSubmit = form.onSubmit(
    (values) => {
      setProblem(null);
      action.mutate(
        {
          path: options.path,
          body: toBody(values),
          ...(options.success === undefined ? {} : { success: options.success }),
        },
        {
          onSuccess: (updated) => {
            form.reset();
            options.onDone?.(updated);
          },
          onError: (error) => {
            const leftover = applyProblem(form, inFormTerms(error, fieldName));
            setProblem(leftover === null ? null : error);
          },
        },
      );
    },
    // A rule about something the form has no field for would otherwise block it silently.
    (errors) => {
      const fields = new Set(Object.keys(form.getValues()));
      const unplaced = Object.entries(errors)
        .filter(([field]) => !fields.has(field.split('.')[0] ?? field))
        .map(([, message]) => String(message));
      setProblem(unplaced.length === 0 ? null : new Error(unplaced.join(' ')));
    },
  );
  return { form, onSubmit, problem, pending: action.isPending };
}
