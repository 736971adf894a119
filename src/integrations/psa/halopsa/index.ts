import type { PsaVendorModule } from '../connector.js';
import { HALOPSA_LABEL } from './client.js';
import { createHalopsaConnector } from './connector.js';
import { halopsaSecretsSchema, halopsaSettingsSchema } from './settings.js';

export const halopsaVendor: PsaVendorModule<
  typeof halopsaSettingsSchema,
  typeof halopsaSecretsSchema
> = {
  vendor: 'halopsa',
  label: HALOPSA_LABEL,
  settingsSchema: halopsaSettingsSchema,
  secretsSchema: halopsaSecretsSchema,
  create: (options) => createHalopsaConnector(options),
};
