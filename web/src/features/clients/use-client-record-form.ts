import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type ClientRecordKind,
  type SaveClientRecord,
  useSaveClientRecord,
} from '../../api/clients.js';
import { applyProblem } from '../../forms/zod-form.js';
import { requestValidator } from './form-values.js';

/**
 * The form of a contact, agreement or managed system: validated with the API's create or update
 * schema, saved under the client, and the API's refusals put beside their fields.
 */
export function useClientRecordForm<
  TKind extends ClientRecordKind,
  TValues extends object,
>(options: {
  clientId: string;
  kind: TKind;
  /** The record being changed; undefined to add one. */
  recordId: string | undefined;
  initialValues: TValues;
  schemas: { create: z.ZodType; update: z.ZodType };
  /** The request the values make; validated before it is sent. */
  toRequest: (values: TValues) => unknown;
  /** The notification once saved. */
  saved: string;
  onClose: () => void;
}) {
  const { clientId, kind, recordId, initialValues, schemas, toRequest, saved, onClose } = options;
  const save = useSaveClientRecord(clientId, kind);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<TValues>({
    initialValues,
    validate: requestValidator(recordId === undefined ? schemas.create : schemas.update, toRequest),
  });
  const onSubmit = form.onSubmit((values) => {
    setUnplaced(null);
    save.mutate({ recordId, body: toRequest(values) } as SaveClientRecord<TKind>, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: saved });
        onClose();
      },
      onError: (error) => setUnplaced(applyProblem(form, error) === null ? null : error),
    });
  });
  return { form, onSubmit, unplaced, saving: save.isPending };
}
