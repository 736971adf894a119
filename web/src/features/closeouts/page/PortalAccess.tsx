import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBan, IconDownload, IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import {
  PORTAL_SIGN_IN_LINK_MINUTES,
  type TPortalUser,
  type TPortalUserStatus,
  ZInvitePortalUserRequest,
} from '../../../../../src/server/portal/schema.js';
import { useClient } from '../../../api/clients.js';
import {
  staffReceiptUrl,
  useInvitePortalUser,
  usePortalUserAction,
  usePortalUsers,
} from '../../../api/portal-users.js';
import { useCan } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { FormModal } from '../../../components/FormModal.js';
import { EmptyState, QueryState } from '../../../components/QueryState.js';
import { RowActions } from '../../../components/RowActions.js';
import { useFormSubmit } from '../../../components/use-form-submit.js';
import { formatMoment } from '../../../format.js';
import { zodValidate } from '../../../forms/zod-form.js';

const STATUS: Record<TPortalUserStatus, { label: string; color: string }> = {
  invited: { label: 'Invited', color: 'blue' },
  active: { label: 'Signed in', color: 'teal' },
  revoked: { label: 'Revoked', color: 'gray' },
};

/**
 * The client's side of the closeout in the portal: who of the client is invited (each signs in
 * by an emailed link), their last sign-in, and the client's signed receipt of the transfer of
 * responsibility once it signed there.
 */
export function PortalAccess({ closeout }: { closeout: TCloseoutDetail }) {
  const users = usePortalUsers(closeout.id);
  const canInvite = useCan('closeout.portal_invite') && closeout.status === 'open';
  const [inviting, setInviting] = useState(false);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="portal-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id="portal-title">
            Client portal
          </Title>
          {canInvite && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserPlus size={14} />}
              onClick={() => setInviting(true)}
            >
              Invite
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          The client's people follow the closeout, answer for the tickets, receive the credentials
          and the backup, and sign the transfer of responsibility.
        </Text>
        <QueryState
          query={users}
          loadingLabel="Loading the portal users…"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title="Nobody invited yet">
              Invite the client's decision maker or technical contact.
            </EmptyState>
          }
        >
          {(data) => (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.items.map((user) => (
                <PortalUserRow
                  key={user.id}
                  closeoutId={closeout.id}
                  user={user}
                  editable={canInvite}
                />
              ))}
            </Stack>
          )}
        </QueryState>
        <SignedReceipt closeout={closeout} />
      </Stack>
      {inviting && <InviteModal closeout={closeout} onClose={() => setInviting(false)} />}
    </Card>
  );
}

function PortalUserRow({
  closeoutId,
  user,
  editable,
}: {
  closeoutId: string;
  user: TPortalUser;
  editable: boolean;
}) {
  const action = usePortalUserAction(closeoutId);
  const [revoking, setRevoking] = useState(false);
  const status = STATUS[user.status];
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {user.name}
            </Text>
            <Badge size="sm" variant="light" color={status.color} tt="none">
              {status.label}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {user.status === 'revoked'
              ? `Revoked ${formatMoment(user.revokedAt)}`
              : user.lastSignInAt === null
                ? `Invited ${formatMoment(user.invitedAt)} by ${user.invitedBy}; not signed in yet`
                : `Last signed in ${formatMoment(user.lastSignInAt)}`}
          </Text>
        </Stack>
        {editable && user.status !== 'revoked' && (
          <RowActions name={user.name}>
            <Menu.Item
              leftSection={<IconMailForward size={16} />}
              onClick={() =>
                action.mutate(
                  { portalUserId: user.id, action: 'resend' },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: `A new sign-in link was sent to ${user.email}.`,
                      }),
                    onError: (error) =>
                      notifications.show({
                        color: 'red',
                        title: 'The invitation was not sent',
                        message: error.message,
                      }),
                  },
                )
              }
            >
              Re-send the invitation
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconBan size={16} />}
              onClick={() => setRevoking(true)}
            >
              Revoke access
            </Menu.Item>
          </RowActions>
        )}
      </Group>
      {revoking && (
        <ConfirmModal
          title={`Revoke ${user.name}'s access?`}
          confirmLabel="Revoke access"
          confirming={action.isPending}
          error={action.error}
          onClose={() => setRevoking(false)}
          onConfirm={() =>
            action.mutate(
              { portalUserId: user.id, action: 'revoke' },
              {
                onSuccess: () => {
                  setRevoking(false);
                  notifications.show({
                    color: 'teal',
                    message: `${user.name} can no longer sign in to the portal.`,
                  });
                },
              },
            )
          }
        >
          <Text size="sm">
            {user.name} is signed out at once and their sign-in links stop working. You can invite
            them again later.
          </Text>
        </ConfirmModal>
      )}
    </li>
  );
}

/** The client's electronically signed receipt, once it signed in the portal (not for a paper). */
function SignedReceipt({ closeout }: { closeout: TCloseoutDetail }) {
  if (closeout.responsibilityAcceptance?.signature == null) return null;
  return (
    <Button
      component="a"
      href={staffReceiptUrl(closeout.id)}
      download
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} />}
    >
      Download receipt (PDF)
    </Button>
  );
}

type InviteValues = {
  mode: 'contact' | 'other';
  contactId: string | null;
  name: string;
  email: string;
};

const [ZByContact, ZByAddress] = ZInvitePortalUserRequest.options;

const inviteRequest = (values: InviteValues) =>
  values.mode === 'contact'
    ? { contactId: values.contactId ?? '' }
    : { name: values.name, email: values.email };

function InviteModal({ closeout, onClose }: { closeout: TCloseoutDetail; onClose: () => void }) {
  const client = useClient(closeout.client.id);
  const invite = useInvitePortalUser(closeout.id);
  const form = useForm<InviteValues>({
    mode: 'controlled',
    initialValues: { mode: 'contact', contactId: null, name: '', email: '' },
    validate: (values) =>
      values.mode === 'contact'
        ? zodValidate(ZByContact)(inviteRequest(values))
        : zodValidate(ZByAddress)(inviteRequest(values)),
  });
  const { saving, unplaced, onSubmit } = useFormSubmit(form, {
    send: (values) => invite.mutateAsync(inviteRequest(values)),
    notice: (user) => `${user.name} is invited: a sign-in link was sent to ${user.email}.`,
    afterSave: onClose,
  });
  const contacts = client.data?.contacts ?? [];
  return (
    <FormModal
      title="Invite to the client portal"
      submitLabel="Send the invitation"
      saving={saving}
      unplaced={unplaced}
      problemTitle="Not invited"
      onSubmit={onSubmit}
      onClose={onClose}
      size="md"
    >
      <SegmentedControl
        aria-label="Whom to invite"
        data={[
          { value: 'contact', label: 'A contact of the client' },
          { value: 'other', label: 'Someone else' },
        ]}
        {...form.getInputProps('mode')}
      />
      {form.values.mode === 'contact' ? (
        <Select
          label="Contact"
          description={`One of ${closeout.client.name}'s contacts with an email address.`}
          placeholder={client.isPending ? 'Loading the contacts…' : 'Pick a contact'}
          data={contacts.map((contact) => ({
            value: contact.id,
            label:
              contact.email === null
                ? `${contact.name} (no email address)`
                : `${contact.name}${contact.title === '' ? '' : `, ${contact.title}`} · ${contact.email}`,
            disabled: contact.email === null,
          }))}
          nothingFoundMessage="The client has no contacts: invite someone by name and address."
          searchable
          required
          data-autofocus
          {...form.getInputProps('contactId')}
        />
      ) : (
        <>
          <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
        </>
      )}
      <Text size="sm" c="dimmed">
        They receive an email with a link that signs them in; it works once, for{' '}
        {PORTAL_SIGN_IN_LINK_MINUTES} minutes. They see only {closeout.client.name}'s closeout.
      </Text>
    </FormModal>
  );
}
