import {
  Button,
  Card,
  Grid,
  Group,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type TTrigger, ZTrigger } from '../../../../../src/blueprint/schema.js';
import {
  type TOpenCloseoutRequest,
  ZOpenCloseoutRequest,
} from '../../../../../src/server/closeouts/schema.js';
import { useOpenCloseout } from '../../../api/closeouts.js';
import { useProcessDefinition } from '../../../api/process.js';
import { useCan, useSignedInUser } from '../../../api/session.js';
import { useStaffDirectory } from '../../../api/staff.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { today } from '../../../format.js';
import { applyProblem } from '../../../forms/zod-form.js';
import { TRIGGER_LABELS } from '../../../labels.js';
import { requestValidator } from '../../clients/form-values.js';
import { GuardedButton } from '../page/GuardedButton.js';
import { ClientPicker } from './ClientPicker.js';
import { TerminationPreview } from './TerminationPreview.js';
import { TriggerGates } from './TriggerGates.js';

type NewCloseoutValues = {
  clientId: string;
  /** '' until chosen: the trigger decides the process, so it is never assumed. */
  trigger: TTrigger | '';
  noticeReceivedOn: string;
  noticeEvidence: string;
  ownerUserId: string | null;
};

/** The values are the request once validation has refused an empty client or trigger. */
const toRequest = (values: NewCloseoutValues) => values as TOpenCloseoutRequest;

const isDay = (value: string) =>
  ZOpenCloseoutRequest.shape.noticeReceivedOn.safeParse(value).success;

/** Opens a closeout for a client on the notice received, and goes to it. */
export function NewCloseoutPage() {
  const [params] = useSearchParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const openCloseout = useOpenCloseout();
  const definition = useProcessDefinition();
  const staff = useStaffDirectory();
  const canOpen = useCan('closeout.open');
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<NewCloseoutValues>({
    initialValues: {
      clientId: ZOpenCloseoutRequest.shape.clientId.safeParse(params.get('clientId')).data ?? '',
      trigger: '',
      noticeReceivedOn: today(),
      noticeEvidence: '',
      ownerUserId: user.id,
    },
    validate: requestValidator(ZOpenCloseoutRequest, toRequest),
  });
  const { clientId, trigger, noticeReceivedOn } = form.getValues();

  const submit = form.onSubmit((values) => {
    if (!canOpen) return;
    setUnplaced(null);
    openCloseout.mutate(toRequest(values), {
      onSuccess: (closeout) => {
        notifications.show({
          color: 'teal',
          message: `Closeout ${closeout.reference} for ${closeout.client.name} is open.`,
        });
        void navigate(`/closeouts/${closeout.id}`);
      },
      onError: (error) => setUnplaced(applyProblem(form, error) === null ? null : error),
    });
  });

  return (
    <>
      <PageHeader
        title="New closeout"
        description="Record the notice and open the closeout: the process, its tasks and its due dates start from here."
        actions={
          <Button
            component={Link}
            to="/closeouts"
            variant="subtle"
            color="gray"
            leftSection={<IconArrowLeft size={16} />}
          >
            All closeouts
          </Button>
        }
      />
      <form onSubmit={submit} noValidate>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder padding="lg">
              <Stack gap="md">
                <ProblemAlert error={unplaced} />
                <ClientPicker
                  value={clientId}
                  onChange={(id) => form.setFieldValue('clientId', id)}
                  error={form.errors.clientId}
                />
                <Radio.Group
                  label="Trigger"
                  description="Who is ending the relationship"
                  withAsterisk
                  {...form.getInputProps('trigger')}
                >
                  <Group mt="xs" gap="lg">
                    {ZTrigger.options.map((option) => (
                      <Radio key={option} value={option} label={TRIGGER_LABELS[option]} />
                    ))}
                  </Group>
                </Radio.Group>
                <TextInput
                  type="date"
                  label="Notice received on"
                  description="The day the notice arrived; notice periods count from it"
                  withAsterisk
                  max={today()}
                  {...form.getInputProps('noticeReceivedOn')}
                />
                <Textarea
                  label="Evidence"
                  description="Paste the client’s email or letter, or say where it is filed"
                  withAsterisk
                  autosize
                  minRows={4}
                  maxRows={14}
                  {...form.getInputProps('noticeEvidence')}
                />
                <Select
                  label="Owner"
                  description="Who sees this closeout through"
                  data={(staff.data?.users ?? []).map((member) => ({
                    value: member.id,
                    label: member.id === user.id ? `${member.name} (me)` : member.name,
                  }))}
                  searchable
                  allowDeselect={false}
                  nothingFoundMessage="No one by that name"
                  {...form.getInputProps('ownerUserId')}
                />
                <Group justify="flex-end" gap="sm" mt="xs">
                  <Button component={Link} to="/closeouts" variant="default">
                    Cancel
                  </Button>
                  <GuardedButton
                    permission="closeout.open"
                    type="submit"
                    loading={openCloseout.isPending}
                  >
                    Open closeout
                  </GuardedButton>
                </Group>
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <TerminationPreview
                clientId={clientId === '' ? null : clientId}
                noticeReceivedOn={isDay(noticeReceivedOn) ? noticeReceivedOn : null}
              />
              {trigger !== '' && definition.data !== undefined && (
                <TriggerGates definition={definition.data} trigger={trigger} />
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
