import { Button, Group, Stack, Textarea } from '@mantine/core';
import {
  type TPortalCloseout,
  type TPortalHandoverItem,
  ZReportHandoverProblemRequest,
} from '../../../../src/server/portal/schema.js';
import { reportProblem } from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePortalForm } from './portal-form.js';

/** A credential that does not work: what went wrong, for the provider to put right. */
export function ReportProblemForm({
  closeout,
  item,
  onClose,
}: {
  closeout: TPortalCloseout;
  item: TPortalHandoverItem;
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = usePortalForm<{ description: string }>({
    closeout,
    path: reportProblem(item.id, { description: '' }).path,
    success: `Your provider was told about the problem with ${item.systemName}.`,
    initialValues: { description: '' },
    schema: ZReportHandoverProblemRequest,
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Problem with ${item.systemName}`}>
      <Stack gap="xs">
        <ProblemAlert error={problem} title="Not reported" />
        <Textarea
          label="What does not work?"
          description="For example: the password is refused, or the account has no admin rights."
          autosize
          minRows={2}
          required
          data-autofocus
          {...form.getInputProps('description')}
        />
        <Group gap="sm">
          <Button type="submit" size="sm" loading={pending}>
            Report the problem
          </Button>
          <Button variant="default" size="sm" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
