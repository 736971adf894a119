import { NumberInput, PasswordInput, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TVendorField } from '../../../../src/server/integrations/schema.js';
import { type ConnectionValues, fieldText } from './vendor-fields.js';

/** One setting of a vendor's connection form, as its description says to ask for it. */
export function VendorSettingInput({
  field,
  form,
}: {
  field: TVendorField;
  form: UseFormReturnType<ConnectionValues>;
}) {
  const { label, description } = fieldText(field);
  const path = `settings.${field.name}`;
  const common = { label, description, required: field.required };
  if (field.type === 'boolean') {
    return <Switch {...common} {...form.getInputProps(path, { type: 'checkbox' })} />;
  }
  if (field.type === 'number') {
    return <NumberInput {...common} allowDecimal={false} {...form.getInputProps(path)} />;
  }
  return (
    <TextInput
      {...common}
      type={field.format === 'uri' ? 'url' : 'text'}
      autoComplete="off"
      {...form.getInputProps(path)}
    />
  );
}

/** A secret is only ever written: a stored one shows as such, and empty keeps it. */
export function VendorSecretInput({
  field,
  form,
  stored,
}: {
  field: TVendorField;
  form: UseFormReturnType<ConnectionValues>;
  stored: boolean;
}) {
  const { label, description } = fieldText(field);
  return (
    <PasswordInput
      label={label}
      description={description}
      required={field.required && !stored}
      placeholder={stored ? 'Stored — leave empty to keep' : undefined}
      autoComplete="new-password"
      {...form.getInputProps(`secrets.${field.name}`)}
    />
  );
}
