import type { PsaVendorModule } from '../connector.js';
import { ITFLOW_LABEL } from './client.js';
import { createItflowConnector } from './connector.js';
import { itflowSecretsSchema, itflowSettingsSchema } from './settings.js';

export const itflowVendor: PsaVendorModule<
  typeof itflowSettingsSchema,
  typeof itflowSecretsSchema
> = {
  vendor: 'itflow',
  label: ITFLOW_LABEL,
  settingsSchema: itflowSettingsSchema,
  secretsSchema: itflowSecretsSchema,
  create: ({ settings, secrets }) => createItflowConnector({ settings, secrets }),
  documentsCredentials: true,
};
