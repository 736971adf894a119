import type { PsaVendorModule } from '../connector.js';
import { CONNECTWISE_LABEL } from './client.js';
import { createConnectwiseConnector } from './connector.js';
import { connectwiseSecretsSchema, connectwiseSettingsSchema } from './settings.js';

export const connectwiseVendor: PsaVendorModule<
  typeof connectwiseSettingsSchema,
  typeof connectwiseSecretsSchema
> = {
  vendor: 'connectwise',
  label: CONNECTWISE_LABEL,
  settingsSchema: connectwiseSettingsSchema,
  secretsSchema: connectwiseSecretsSchema,
  create: ({ settings, secrets }) => createConnectwiseConnector({ settings, secrets }),
};
