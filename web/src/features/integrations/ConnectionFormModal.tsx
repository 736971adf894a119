import {
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import {
  type TPsaConnection,
  type TPsaVendorDescription,
  ZCreatePsaConnectionRequest,
  ZUpdatePsaConnectionRequest,
} from '../../../../src/server/integrations/schema.js';
import { useCreatePsaConnection, useUpdatePsaConnection } from '../../api/integrations.js';
import { FormModal } from '../../components/FormModal.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { zodValidate } from '../../forms/zod-form.js';
import { VendorSecretInput, VendorSettingInput } from './VendorFieldInput.js';
import {
  type ConnectionValues,
  createRequest,
  editConnectionValues,
  missingVendorFields,
  newConnectionValues,
  updateRequest,
  vendorValues,
} from './vendor-fields.js';

/** What every connection has, whichever the PSA. */
function ConnectionOptionFields({ form }: { form: UseFormReturnType<ConnectionValues> }) {
  return (
    <>
      <TextInput
        label="Name"
        description="How Closeout names this connection, e.g. your PSA site."
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Sync every (minutes)"
          description="The tickets of open closeouts are synced this often; 0 turns it off."
          min={0}
          max={1440}
          allowDecimal={false}
          {...form.getInputProps('syncIntervalMinutes')}
        />
        <Stack gap="sm" pt="xs">
          <Switch
            label="Enabled"
            description="Nothing is synced or written back while it is off."
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <Switch
            label="Write outcomes back to the PSA"
            description="Closes cancelled tickets and notes completed ones."
            {...form.getInputProps('pushBack', { type: 'checkbox' })}
          />
        </Stack>
      </SimpleGrid>
    </>
  );
}

/** The vendor's own settings and its write-only secrets, as its description lists them. */
function VendorFields({
  description,
  form,
  storedSecrets,
}: {
  description: TPsaVendorDescription;
  form: UseFormReturnType<ConnectionValues>;
  storedSecrets: readonly string[];
}) {
  return (
    <>
      {description.settings.length > 0 && (
        <Fieldset legend={`${description.label} settings`}>
          <Stack gap="sm">
            {description.settings.map((field) => (
              <VendorSettingInput key={field.name} field={field} form={form} />
            ))}
          </Stack>
        </Fieldset>
      )}
      {description.secrets.length > 0 && (
        <Fieldset legend="Credentials">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Stored encrypted and never shown again.
              {storedSecrets.length > 0 && ' Leave a field empty to keep what is stored.'}
            </Text>
            {description.secrets.map((field) => (
              <VendorSecretInput
                key={field.name}
                field={field}
                form={form}
                stored={storedSecrets.includes(field.name)}
              />
            ))}
          </Stack>
        </Fieldset>
      )}
    </>
  );
}

export function CreateConnectionModal({
  vendors,
  connected,
  initial,
  onClose,
}: {
  vendors: readonly TPsaVendorDescription[];
  connected: readonly TPsaConnection[];
  /** The PSA chosen at first: one not connected yet. */
  initial: TPsaVendorDescription;
  onClose: () => void;
}) {
  const create = useCreatePsaConnection();
  const isConnected = (vendor: string) =>
    connected.some((connection) => connection.vendor === vendor);
  const descriptionOf = (vendor: string) =>
    vendors.find((candidate) => candidate.vendor === vendor) ?? initial;
  const form = useForm<ConnectionValues>({
    initialValues: newConnectionValues(initial),
    validate: (values) => {
      const description = descriptionOf(values.vendor);
      return {
        ...zodValidate(ZCreatePsaConnectionRequest)(createRequest(values, description)),
        ...missingVendorFields(values, description, []),
      };
    },
  });
  const submit = useFormSubmit(form, {
    send: (values) => create.mutateAsync(createRequest(values, descriptionOf(values.vendor))),
    notice: (connection) => `${connection.name} was connected. Test it to check the settings.`,
    afterSave: onClose,
  });
  const values = form.getValues();
  const description = descriptionOf(values.vendor);

  const chooseVendor = (vendor: string | null) => {
    const chosen = vendors.find((candidate) => candidate.vendor === vendor);
    if (chosen === undefined) return;
    const nameUntouched = values.name.trim() === '' || values.name === description.label;
    form.setValues({
      vendor: chosen.vendor,
      ...vendorValues(chosen),
      ...(nameUntouched ? { name: chosen.label } : {}),
    });
    form.clearErrors();
  };

  return (
    <FormModal
      title="Connect a PSA"
      submitLabel="Connect"
      problemTitle="The PSA was not connected"
      {...submit}
      onClose={onClose}
    >
      <Select
        label="PSA"
        required
        allowDeselect={false}
        data={vendors.map((vendor) => ({
          value: vendor.vendor,
          label: isConnected(vendor.vendor) ? `${vendor.label} (connected already)` : vendor.label,
          disabled: isConnected(vendor.vendor),
        }))}
        {...form.getInputProps('vendor')}
        onChange={chooseVendor}
      />
      <ConnectionOptionFields form={form} />
      <VendorFields description={description} form={form} storedSecrets={[]} />
    </FormModal>
  );
}

export function EditConnectionModal({
  connection,
  description,
  onClose,
}: {
  connection: TPsaConnection;
  description: TPsaVendorDescription;
  onClose: () => void;
}) {
  const update = useUpdatePsaConnection();
  const form = useForm<ConnectionValues>({
    initialValues: editConnectionValues(connection, description),
    validate: (values) => ({
      ...zodValidate(ZUpdatePsaConnectionRequest)(updateRequest(values, description)),
      ...missingVendorFields(values, description, connection.storedSecrets),
    }),
  });
  const submit = useFormSubmit(form, {
    send: (values) =>
      update.mutateAsync({
        connectionId: connection.id,
        changes: updateRequest(values, description),
      }),
    notice: (saved) => `${saved.name} was saved.`,
    afterSave: onClose,
  });
  return (
    <FormModal
      title={`Edit ${connection.name}`}
      submitLabel="Save"
      problemTitle="Not saved"
      {...submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {description.label}
      </Text>
      <ConnectionOptionFields form={form} />
      <VendorFields
        description={description}
        form={form}
        storedSecrets={connection.storedSecrets}
      />
    </FormModal>
  );
}
