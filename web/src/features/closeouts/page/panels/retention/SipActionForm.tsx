import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type TCloseoutDetail,
  ZAddSipActionRequest,
  ZUpdateSipActionRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { useStaffDirectory } from '../../../../../api/staff.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { zodValidate } from '../../../../../forms/zod-form.js';
import { GuardedButton } from '../../GuardedButton.js';
import { useActionForm } from '../../use-action-form.js';

type TSipAction = TCloseoutDetail['sipActions'][number];
type SipActionValues = { description: string; ownerUserId: string | null; dueOn: string };

const toRequest = (values: SipActionValues) => ({
  description: values.description,
  ownerUserId: values.ownerUserId,
  dueOn: values.dueOn === '' ? null : values.dueOn,
});

/** Adds an improvement action to the program, or changes one (`action`). */
export function SipActionForm({
  closeout,
  action,
  onDone,
  onCancel,
}: {
  closeout: TCloseoutDetail;
  action?: TSipAction;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const staff = useStaffDirectory();
  const form = useForm<SipActionValues>({
    initialValues: {
      description: action?.description ?? '',
      ownerUserId: action?.ownerUserId ?? null,
      dueOn: action?.dueOn ?? '',
    },
    validate: (values) =>
      zodValidate<ReturnType<typeof toRequest>>(
        action === undefined ? ZAddSipActionRequest : ZUpdateSipActionRequest,
      )(toRequest(values)),
  });
  const sending = useActionForm(closeout, form);
  const submit = form.onSubmit((values) =>
    sending.send(
      action === undefined
        ? { path: 'sip-actions', body: toRequest(values), success: 'The action is added.' }
        : {
            path: `sip-actions/${action.id}`,
            body: toRequest(values),
            success: 'The action is updated.',
          },
      () => {
        if (action === undefined) form.reset();
        onDone?.();
      },
    ),
  );
  const label = action === undefined ? 'New improvement action' : 'Improvement action';
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <TextInput
          label={label}
          placeholder="e.g. Weekly service review with the practice manager"
          withAsterisk
          {...form.getInputProps('description')}
        />
        <Group gap="sm" align="flex-start" grow>
          <Select
            label="Owner"
            placeholder="Unassigned"
            data={(staff.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
            searchable
            clearable
            {...form.getInputProps('ownerUserId')}
          />
          <TextInput label="Due" type="date" {...form.getInputProps('dueOn')} />
        </Group>
        <ProblemAlert error={sending.problem} />
        <Group gap="sm">
          <GuardedButton
            permission="closeout.record_assessment"
            type="submit"
            variant={action === undefined ? 'light' : 'filled'}
            loading={sending.pending}
          >
            {action === undefined ? 'Add the action' : 'Save'}
          </GuardedButton>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
