import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { type CloseoutActionRequest, useCloseoutAction } from '../../../api/closeouts.js';
import { ApiProblem } from '../../../api/http.js';
import { applyProblem } from '../../../forms/zod-form.js';

const sameName = (field: string) => field;

/** The API's refusal with its field names turned into the form's, for `applyProblem`. */
function inFormTerms(error: unknown, fieldName: (field: string) => string): unknown {
  if (!(error instanceof ApiProblem) || fieldName === sameName) return error;
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
 * Sends a form as one process action: a refusal's field errors land beside their fields, and
 * whatever cannot (a gate, a conflict) is kept for the form's <ProblemAlert>. `fieldName` maps
 * a request field to the form's field where the form names it differently.
 */
export function useActionForm<TValues>(
  closeout: Pick<TCloseoutDetail, 'id' | 'version'>,
  form: UseFormReturnType<TValues>,
  fieldName: (requestField: string) => string = sameName,
) {
  const action = useCloseoutAction(closeout);
  const [problem, setProblem] = useState<unknown>(null);
  const send = (request: CloseoutActionRequest, onSuccess?: (updated: TCloseoutDetail) => void) => {
    setProblem(null);
    action.mutate(request, {
      onSuccess: (updated) => onSuccess?.(updated),
      onError: (error) =>
        setProblem(applyProblem(form, inFormTerms(error, fieldName)) === null ? null : error),
    });
  };
  const clearProblem = () => setProblem(null);
  return { send, problem, showProblem: setProblem, clearProblem, pending: action.isPending };
}
