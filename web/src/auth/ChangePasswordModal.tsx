import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PASSWORD_MIN_LENGTH,
  type TChangePasswordRequest,
  ZChangePasswordRequest,
} from '../../../src/server/auth/schema.js';
import { apiRequest } from '../api/http.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { applyProblem, zodValidate } from '../forms/zod-form.js';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TChangePasswordRequest>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: zodValidate(ZChangePasswordRequest),
  });
  const change = useMutation({
    mutationFn: (request: TChangePasswordRequest) =>
      apiRequest<void>('/auth/password', { method: 'PUT', body: request }),
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Change your password">
      <form
        noValidate
        onSubmit={form.onSubmit((request) =>
          change.mutate(request, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Your password was changed.' });
              close();
            },
            onError: (error) => {
              if (applyProblem(form, error) !== null) setFormError(error);
            },
          }),
        )}
      >
        <Stack>
          <ProblemAlert error={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters; a phrase is easiest to remember.`}
            autoComplete="new-password"
            required
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
