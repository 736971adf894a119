import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { z } from 'zod';
import type { TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePortalForm } from './portal-form.js';

/**
 * A few words the client writes to its provider about one thing (a ticket, a credential), sent
 * as one action on its closeout, under a Cancel that closes the form.
 */
export function PortalTextForm<TField extends string>({
  closeout,
  path,
  success,
  schema,
  field,
  toBody,
  formLabel,
  problemTitle,
  label,
  description,
  submitLabel,
  onClose,
}: {
  closeout: Pick<TPortalCloseout, 'id' | 'version'>;
  /** The action's path under the closeout. */
  path: string;
  success: string;
  schema: z.ZodType;
  /** The request's field the text is, so the API's error on it shows beside the box. */
  field: TField;
  /** The request body from the text, when it is not sent as `{ [field]: text }`. */
  toBody?: (values: Record<TField, string>) => unknown;
  formLabel: string;
  problemTitle: string;
  label: string;
  description: string;
  submitLabel: string;
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = usePortalForm<Record<TField, string>>({
    closeout,
    path,
    success,
    initialValues: { [field]: '' } as Record<TField, string>,
    schema,
    toBody,
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
      <Stack gap="xs">
        <ProblemAlert error={problem} title={problemTitle} />
        <Textarea
          label={label}
          description={description}
          autosize
          minRows={2}
          required
          data-autofocus
          {...form.getInputProps(field)}
        />
        <Group gap="sm">
          <Button type="submit" size="sm" loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" size="sm" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
