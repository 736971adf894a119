import { type UseFormReturnType, useForm } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { usePortalAction } from '../../api/portal.js';
import { applyProblem, zodValidate } from '../../forms/zod-form.js';

/**
 * A form of the portal that runs one action on the client's closeout: checked with the API's
 * own request schema before it is sent, the API's field errors beside their fields afterwards,
 * and what no field can show kept as `problem` for a `<ProblemAlert>`.
 */
export function usePortalForm<TValues extends Record<string, unknown>>(options: {
  closeout: Pick<TPortalCloseout, 'id' | 'version'>;
  /** The action's path under the closeout. */
  path: string;
  success: string;
  initialValues: TValues;
  schema: z.ZodType;
  /** The request body from the form's values, when they are not sent as they are. */
  toBody?: (values: TValues) => unknown;
  onDone?: () => void;
}): {
  form: UseFormReturnType<TValues>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  problem: unknown;
  pending: boolean;
} {
  const toBody = options.toBody ?? ((values: TValues) => values);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => zodValidate<unknown>(options.schema)(toBody(values)),
  });
  const action = usePortalAction(options.closeout);
  const [problem, setProblem] = useState<unknown>(null);
  const onSubmit = form.onSubmit((values) => {
    setProblem(null);
    action.mutate(
      { path: options.path, body: toBody(values), success: options.success },
      {
        onSuccess: () => options.onDone?.(),
        onError: (error) => {
          if (applyProblem(form, error) !== null) setProblem(error);
        },
      },
    );
  });
  return { form, onSubmit, problem, pending: action.isPending };
}
