import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyProblem } from '../forms/zod-form.js';

/**
 * A form's submit: sends the checked values, says so once saved, then `afterSave` (close the
 * dialog, or make the saved values the form's new start). A refusal lands beside the fields it
 * names; what no field explains is kept as `unplaced` for the form's alert.
 */
export function useFormSubmit<TValues, TResult>(
  form: UseFormReturnType<TValues>,
  options: {
    send: (values: TValues) => Promise<TResult>;
    /** The notification once saved. */
    notice: (result: TResult) => string | { title: string; message: string };
    afterSave: (result: TResult) => void;
  },
) {
  const { send, notice, afterSave } = options;
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const onSubmit = form.onSubmit(async (values) => {
    setUnplaced(null);
    setSaving(true);
    try {
      const result = await send(values);
      const said = notice(result);
      notifications.show({
        color: 'teal',
        ...(typeof said === 'string' ? { message: said } : said),
      });
      afterSave(result);
    } catch (error) {
      setUnplaced(applyProblem(form, error) === null ? null : error);
    } finally {
      setSaving(false);
    }
  });
  return { saving, unplaced, onSubmit };
}
