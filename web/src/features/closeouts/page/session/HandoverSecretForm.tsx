import { Checkbox, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  type THandoverSecret,
  ZHandoverSecret,
} from '../../../../../../src/server/handover-secrets/schema.js';
import { useStoreHandoverSecret } from '../../../../api/handover-secrets.js';
import { FormModal } from '../../../../components/FormModal.js';
import { useFormSubmit } from '../../../../components/use-form-submit.js';
import { zodValidate } from '../../../../forms/zod-form.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];

type Values = {
  username: string;
  password: string;
  /** A private key or certificate keeps its line breaks. */
  multiline: boolean;
  url: string;
  notes: string;
  /** One code per line. */
  mfaRecoveryCodes: string;
};

const EMPTY: Values = {
  username: '',
  password: '',
  multiline: false,
  url: '',
  notes: '',
  mfaRecoveryCodes: '',
};

const toSecret = (values: Values): THandoverSecret => ({
  username: values.username.trim(),
  password: values.password,
  url: values.url.trim(),
  notes: values.notes.trim(),
  mfaRecoveryCodes: values.mfaRecoveryCodes
    .split('\n')
    .map((code) => code.trim())
    .filter((code) => code !== ''),
});

/** `mfaRecoveryCodes.3` is the textarea's fault. */
const formField = (field: string) => field.split('.')[0] ?? field;

/**
 * Enters or replaces the secret of a handover item. The stored secret is never loaded into
 * this form: replacing it means entering it again, and the browser is asked not to remember it.
 */
export function HandoverSecretForm({
  closeoutId,
  item,
  replacing,
  onClose,
}: {
  closeoutId: string;
  item: THandoverItem;
  replacing: boolean;
  onClose: () => void;
}) {
  const store = useStoreHandoverSecret(closeoutId);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(zodValidate<THandoverSecret>(ZHandoverSecret)(toSecret(values))).map(
          ([field, message]) => [formField(field), message],
        ),
      ),
  });
  const { saving, unplaced, onSubmit } = useFormSubmit(form, {
    send: (values) => store.mutateAsync({ itemId: item.id, secret: toSecret(values) }),
    notice: () => `${item.systemName}: the secret of ${item.credentialLabel} is stored, encrypted.`,
    afterSave: () => {
      form.reset();
      onClose();
    },
  });
  const passwordProps = {
    label: 'Password or key',
    withAsterisk: true,
    autoComplete: 'new-password',
    ...form.getInputProps('password'),
  };
  return (
    <FormModal
      title={`${replacing ? 'Replace' : 'Enter'} the secret: ${item.systemName} · ${item.credentialLabel}`}
      submitLabel={replacing ? 'Replace secret' : 'Store secret'}
      saving={saving}
      unplaced={unplaced}
      problemTitle="The secret was not stored"
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {replacing
            ? 'The new secret replaces the stored one and is issued to the client again: they may reveal it once.'
            : 'Stored encrypted; the client may reveal it once in the portal, and every reveal is recorded.'}
        </Text>
        <TextInput
          label="Username"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('username')}
        />
        {form.getValues().multiline ? (
          <Textarea
            {...passwordProps}
            description="Pasted as it is, line breaks included."
            autosize
            minRows={4}
            maxRows={12}
            ff="monospace"
            spellCheck={false}
          />
        ) : (
          <PasswordInput {...passwordProps} />
        )}
        <Checkbox
          label="It is a private key or certificate (several lines)"
          {...form.getInputProps('multiline', { type: 'checkbox' })}
        />
        <TextInput
          label="Where to sign in"
          description="A URL, host name or address."
          autoComplete="off"
          {...form.getInputProps('url')}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Textarea
          label="MFA recovery codes"
          description="One code per line."
          autosize
          minRows={2}
          maxRows={10}
          ff="monospace"
          spellCheck={false}
          {...form.getInputProps('mfaRecoveryCodes')}
        />
      </Stack>
    </FormModal>
  );
}
