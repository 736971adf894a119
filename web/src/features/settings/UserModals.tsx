import {
  Button,
  Checkbox,
  type CheckboxGroupProps,
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
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { FormModal } from '../../components/FormModal.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { zodValidate } from '../../forms/zod-form.js';
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

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const form = useForm<TCreateUserRequest>({
    initialValues: { name: '', email: '', password: '', roles: [] },
    validate: zodValidate(ZCreateUserRequest),
  });
  const submit = useFormSubmit(form, {
    send: (request) => create.mutateAsync(request),
    notice: (user) => `${user.name} was added and can sign in with the password you set.`,
    afterSave: onClose,
  });
  return (
    <FormModal
      title="Add a user"
      submitLabel="Add user"
      problemTitle="The user was not added"
      {...submit}
      onClose={onClose}
    >
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
    </FormModal>
  );
}

type EditValues = Required<Pick<TUpdateUserRequest, 'name' | 'roles'>>;

export function EditUserModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const update = useUpdateUser();
  const signedIn = useSignedInUser();
  const form = useForm<EditValues>({
    initialValues: { name: user.name, roles: user.roles },
    validate: zodValidate(ZUpdateUserRequest),
  });
  const submit = useFormSubmit(form, {
    send: (changes) => update.mutateAsync({ userId: user.id, changes }),
    notice: (saved) => `${saved.name} was saved.`,
    afterSave: onClose,
  });
  const isSelf = user.id === signedIn.id;
  return (
    <FormModal
      title={`Edit ${user.name}`}
      submitLabel="Save"
      problemTitle="Not saved"
      {...submit}
      onClose={onClose}
    >
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
    </FormModal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const reset = useResetUserPassword();
  const form = useForm<TResetPasswordRequest>({
    initialValues: { password: '' },
    validate: zodValidate(ZResetPasswordRequest),
  });
  const submit = useFormSubmit(form, {
    send: (request) => reset.mutateAsync({ userId: user.id, request }),
    notice: () => `${user.name} has a new password and was signed out elsewhere.`,
    afterSave: onClose,
  });
  return (
    <FormModal
      title={`Set a new password for ${user.name}`}
      submitLabel="Set password"
      problemTitle="The password was not changed"
      size="md"
      {...submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {user.name} is signed out of every other session and signs in with the new password.
      </Text>
      <NewPasswordInput
        label="New password"
        onGenerate={(password) => form.setFieldValue('password', password)}
        {...form.getInputProps('password')}
      />
    </FormModal>
  );
}

export function DeactivateUserModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const update = useUpdateUser();
  return (
    <ConfirmModal
      title={`Deactivate ${user.name}?`}
      confirmLabel="Deactivate"
      confirming={update.isPending}
      error={update.error}
      problemTitle="Not deactivated"
      onConfirm={() =>
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
      onClose={onClose}
    >
      <Text size="sm">
        {user.name} can no longer sign in, and their sessions and API tokens stop working at once.
        Their work on closeouts stays as it is. You can reactivate them later.
      </Text>
    </ConfirmModal>
  );
}
