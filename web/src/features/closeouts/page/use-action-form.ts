import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { type CloseoutActionRequest, useCloseoutAction } from '../../../api/closeouts.js';
import { applyProblem } from '../../../forms/zod-form.js';

/**
 * Sends a form as one process action: a refusal's field errors land beside their fields, and
 * whatever cannot (a gate, a conflict) is kept for the form's <ProblemAlert>.
 */
export function useActionForm<TValues>(
  closeout: TCloseoutDetail,
  form: UseFormReturnType<TValues>,
) {
  const action = useCloseoutAction(closeout);
  const [problem, setProblem] = useState<unknown>(null);
  const send = (request: CloseoutActionRequest, onSuccess?: () => void) => {
    setProblem(null);
    action.mutate(request, {
      onSuccess: () => onSuccess?.(),
      onError: (error) => setProblem(applyProblem(form, error) === null ? null : error),
    });
  };
  const clearProblem = () => setProblem(null);
  return { send, problem, clearProblem, pending: action.isPending };
}
