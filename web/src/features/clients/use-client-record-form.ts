import { useForm } from '@mantine/form';
import type { z } from 'zod';
import {
  type ClientRecordKind,
  type SaveClientRecord,
  useSaveClientRecord,
} from '../../api/clients.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
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
  const form = useForm<TValues>({
    initialValues,
    validate: requestValidator(recordId === undefined ? schemas.create : schemas.update, toRequest),
  });
  const submit = useFormSubmit(form, {
    send: (values) =>
      save.mutateAsync({ recordId, body: toRequest(values) } as SaveClientRecord<TKind>),
    notice: () => saved,
    afterSave: onClose,
  });
  return { form, submit };
}
