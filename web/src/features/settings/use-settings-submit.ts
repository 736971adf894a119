import type { UseFormReturnType } from '@mantine/form';
import { useFormSubmit } from '../../components/use-form-submit.js';

/**
 * A settings form saves in place: what the API kept becomes the form's new start, so it reads
 * as unchanged again and "Discard changes" returns to the saved values.
 */
export function useSettingsSubmit<TValues, TSaved>(
  form: UseFormReturnType<TValues>,
  options: {
    send: (values: TValues) => Promise<TSaved>;
    /** The notification once saved. */
    notice: string;
    savedValues: (saved: TSaved) => TValues;
  },
) {
  const { send, notice, savedValues } = options;
  return useFormSubmit(form, {
    send,
    notice: () => notice,
    afterSave: (saved) => {
      // Resetting to the saved values also forgets which fields were edited: `setValues` alone
      // would leave them dirty, with "Save" still on offer for what is already saved.
      form.setInitialValues(savedValues(saved));
      form.reset();
    },
  });
}
