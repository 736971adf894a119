import {
  Button,
  Checkbox,
  type CheckboxGroupProps,
  Group,
  Modal,
  PasswordInput,
  type PasswordInputProps,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { roleLabel } from '../../../../src/server/auth/permissions.js';
import { type TStaffRole, ZStaffRole } from '../../../../src/server/auth/schema.js';
import {
  PASSWORD_MIN_LENGTH,
  type TCreateUserRequest,
  type TResetPasswordRequest,
  type TUpdateUserRequest,
  type TUser,
  ZCreateUserRequest,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
} from '../../../../src/server/users/schema.js';
import { useSignedInUser } from '../../api/session.js';
import { useCreateUser, useResetUserPassword, useUpdateUser } from '../../api/users.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { applyProblem, zodValidate } from '../../forms/zod-form.js';
import { generatePassword } from './generate-password.js';

/** The roles to tick, in the organisation's own names. */
function RoleCheckboxes({
  lockedRole,
  ...groupProps
}: Omit<CheckboxGroupProps, 'children' | 'label'> & {
  /** A role that cannot be unticked, with why. */
  lockedRole?: { role: TStaffRole; reason: string } | undefined;
}) {
  const { roleNames } = useSignedInUser().organisation.personalisation;
  return (
    <Checkbox.Group label="Roles" required {...groupProps}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {ZStaffRole.options.map((role) => {
          const locked = lockedRole?.role === role;
          return (
            <Checkbox
              key={role}
              value={role}
              label={roleLabel(role, roleNames)}
              disabled={locked}
              description={locked ? lockedRole.reason : undefined}
            />
          );
        })}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** A password field with a button that fills in a random one and shows it, to pass on. */
function NewPasswordInput({
  onGenerate,
  ...inputProps
}: PasswordInputProps & { onGenerate: (password: string) => void }) {
  const [visible, setVisible] = useState(false);
  return (
    <Stack gap={4} align="flex-start">
      <PasswordInput
        description={`At least ${PASSWORD_MIN_LENGTH} characters. Pass it on securely; they can change it after signing in.`}
        autoComplete="new-password"
        required
        visible={visible}
        onVisibilityChange={setVisible}
        w="100%"
        {...inputProps}
      />
      <Button
        variant="subtle"
        size="compact-xs"
        leftSection={<IconWand size={14} />}
        onClick={() => {
          onGenerate(generatePassword());
          setVisible(true);
        }}
      >
        Generate a password
      </Button>
    </Stack>
  );
}

function ModalActions({
  onCancel,
  submitLabel,
  loading,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
}) {
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TCreateUserRequest>({
    initialValues: { name: '', email: '', password: '', roles: [] },
    validate: zodValidate(ZCreateUserRequest),
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Add a user" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((request) => {
          setFormError(null);
          create.mutate(request, {
            onSuccess: (user) => {
              notifications.show({
                color: 'teal',
                message: `${user.name} was added and can sign in with the password you set.`,
              });
              close();
            },
            onError: (error) => {
              if (applyProblem(form, error) !== null) setFormError(error);
            },
          });
        })}
      >
        <Stack>
          <ProblemAlert error={formError} title="The user was not added" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              required
              {...form.getInputProps('email')}
            />
          </SimpleGrid>
          <RoleCheckboxes {...form.getInputProps('roles')} />
          <NewPasswordInput
            label="Initial password"
            onGenerate={(password) => form.setFieldValue('password', password)}
            {...form.getInputProps('password')}
          />
          <ModalActions onCancel={close} submitLabel="Add user" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

type EditValues = Required<Pick<TUpdateUserRequest, 'name' | 'roles'>>;

export function EditUserModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const update = useUpdateUser();
  const signedIn = useSignedInUser();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<EditValues>({
    initialValues: { name: user.name, roles: user.roles },
    validate: zodValidate(ZUpdateUserRequest),
  });
  const isSelf = user.id === signedIn.id;
  return (
    <Modal opened onClose={onClose} title={`Edit ${user.name}`} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((changes) => {
          setFormError(null);
          update.mutate(
            { userId: user.id, changes },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `${changes.name} was saved.` });
                onClose();
              },
              onError: (error) => {
                if (applyProblem(form, error) !== null) setFormError(error);
              },
            },
          );
        })}
      >
        <Stack>
          <ProblemAlert error={formError} title="Not saved" />
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
          <RoleCheckboxes
            {...form.getInputProps('roles')}
            lockedRole={
              isSelf && user.roles.includes('admin')
                ? {
                    role: 'admin',
                    reason: 'You cannot remove your own; ask another administrator.',
                  }
                : undefined
            }
          />
          <ModalActions onCancel={onClose} submitLabel="Save" loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const reset = useResetUserPassword();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TResetPasswordRequest>({
    initialValues: { password: '' },
    validate: zodValidate(ZResetPasswordRequest),
  });
  return (
    <Modal opened onClose={onClose} title={`Set a new password for ${user.name}`}>
      <form
        noValidate
        onSubmit={form.onSubmit((request) => {
          setFormError(null);
          reset.mutate(
            { userId: user.id, request },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'teal',
                  message: `${user.name} has a new password and was signed out elsewhere.`,
                });
                onClose();
              },
              onError: (error) => {
                if (applyProblem(form, error) !== null) setFormError(error);
              },
            },
          );
        })}
      >
        <Stack>
          <ProblemAlert error={formError} title="The password was not changed" />
          <Text size="sm" c="dimmed">
            {user.name} is signed out of every other session and signs in with the new password.
          </Text>
          <NewPasswordInput
            label="New password"
            onGenerate={(password) => form.setFieldValue('password', password)}
            {...form.getInputProps('password')}
          />
          <ModalActions onCancel={onClose} submitLabel="Set password" loading={reset.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function DeactivateUserModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const update = useUpdateUser();
  return (
    <Modal opened onClose={onClose} title={`Deactivate ${user.name}?`}>
      <Stack>
        <Text size="sm">
          {user.name} can no longer sign in, and their sessions and API tokens stop working at once.
          Their work on closeouts stays as it is. You can reactivate them later.
        </Text>
        <ProblemAlert error={update.error} title="Not deactivated" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { userId: user.id, changes: { active: false } },
                {
                  onSuccess: () => {
                    notifications.show({ message: `${user.name} was deactivated.` });
                    onClose();
                  },
                },
              )
            }
          >
            Deactivate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
