import type {
  TCreatePsaConnectionRequest,
  TPsaConnection,
  TPsaVendor,
  TPsaVendorDescription,
  TUpdatePsaConnectionRequest,
  TVendorField,
} from '../../../../src/server/integrations/schema.js';

/**
 * A connection form is generated from the vendor's description, so a new vendor setting shows up
 * without a change to the screen. These turn that description into a label per field, the
 * form's values, and back into the request the API expects.
 */

type SettingValue = string | number | boolean;

export type ConnectionValues = {
  vendor: TPsaVendor;
  name: string;
  enabled: boolean;
  /** Empty keeps the API's default (or, when editing, the current schedule). */
  syncIntervalMinutes: number | '';
  pushBack: boolean;
  settings: Record<string, SettingValue>;
  secrets: Record<string, string>;
};

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', api: 'API' };

/** `completeStatusId` → "Complete status ID". */
const humanise = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};

/**
 * Vendor modules describe a field as "Site URL: the API address of …"; the part before the colon
 * is its label. A description without one is labelled from the field's name.
 */
export function fieldText(field: TVendorField): { label: string; description: string } {
  const match = /^([^:.]{1,40}): (.+)$/s.exec(field.description);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const rest = match[2];
    return { label: match[1], description: rest.charAt(0).toUpperCase() + rest.slice(1) };
  }
  const label = humanise(field.name);
  return { label, description: field.description === field.name ? '' : field.description };
}

const emptyValue = (field: TVendorField): SettingValue =>
  field.default ?? (field.type === 'boolean' ? false : '');

const storedValue = (field: TVendorField, stored: unknown): SettingValue =>
  typeof stored === 'string' || typeof stored === 'number' || typeof stored === 'boolean'
    ? stored
    : emptyValue(field);

export function newConnectionValues(description: TPsaVendorDescription): ConnectionValues {
  return {
    vendor: description.vendor,
    name: description.label,
    enabled: true,
    syncIntervalMinutes: 15,
    pushBack: true,
    ...vendorValues(description),
  };
}

/** A vendor's own fields at their defaults, for a new connection or after choosing another PSA. */
export function vendorValues(
  description: TPsaVendorDescription,
): Pick<ConnectionValues, 'settings' | 'secrets'> {
  return {
    settings: Object.fromEntries(
      description.settings.map((field) => [field.name, emptyValue(field)]),
    ),
    secrets: Object.fromEntries(description.secrets.map((field) => [field.name, ''])),
  };
}

export function editConnectionValues(
  connection: TPsaConnection,
  description: TPsaVendorDescription,
): ConnectionValues {
  return {
    vendor: connection.vendor,
    name: connection.name,
    enabled: connection.enabled,
    syncIntervalMinutes: connection.syncIntervalMinutes,
    pushBack: connection.pushBack,
    settings: Object.fromEntries(
      description.settings.map((field) => [
        field.name,
        storedValue(field, connection.settings[field.name]),
      ]),
    ),
    secrets: Object.fromEntries(description.secrets.map((field) => [field.name, ''])),
  };
}

/** An empty field is left out, so the vendor's default applies or the API says it is needed. */
function givenSettings(
  settings: ConnectionValues['settings'],
  description: TPsaVendorDescription,
): Record<string, SettingValue> {
  const given: Record<string, SettingValue> = {};
  for (const field of description.settings) {
    const value = settings[field.name];
    if (value === undefined) continue;
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed !== '') given[field.name] = trimmed;
  }
  return given;
}

/** Only the secrets typed in are sent: an empty one keeps what is stored. */
const givenSecrets = (secrets: ConnectionValues['secrets']): Record<string, string> =>
  Object.fromEntries(Object.entries(secrets).filter(([, value]) => value.trim() !== ''));

const options = (values: ConnectionValues) => ({
  name: values.name,
  enabled: values.enabled,
  pushBack: values.pushBack,
  ...(values.syncIntervalMinutes === '' ? {} : { syncIntervalMinutes: values.syncIntervalMinutes }),
});

export const createRequest = (
  values: ConnectionValues,
  description: TPsaVendorDescription,
): TCreatePsaConnectionRequest => ({
  vendor: values.vendor,
  ...options(values),
  settings: givenSettings(values.settings, description),
  secrets: givenSecrets(values.secrets),
});

export const updateRequest = (
  values: ConnectionValues,
  description: TPsaVendorDescription,
): TUpdatePsaConnectionRequest => ({
  ...options(values),
  settings: givenSettings(values.settings, description),
  secrets: givenSecrets(values.secrets),
});

/**
 * The vendor fields the description marks required and the form leaves empty. A secret already
 * stored is not needed again. The API checks each value itself; this only saves a round trip.
 */
export function missingVendorFields(
  values: ConnectionValues,
  description: TPsaVendorDescription,
  storedSecrets: readonly string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of description.settings) {
    const value = values.settings[field.name];
    if (field.required && (value === undefined || String(value).trim() === '')) {
      errors[`settings.${field.name}`] = 'Required';
    }
  }
  for (const field of description.secrets) {
    const value = values.secrets[field.name] ?? '';
    if (field.required && value.trim() === '' && !storedSecrets.includes(field.name)) {
      errors[`secrets.${field.name}`] = 'Required';
    }
  }
  return errors;
}
