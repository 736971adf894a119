import type { PsaVendorModule } from '../connector.js';
import { AUTOTASK_LABEL } from './client.js';
import { createAutotaskConnector } from './connector.js';
import { autotaskSecretsSchema, autotaskSettingsSchema } from './settings.js';

/** Autotask PSA (Kaseya), through its REST API v1.0. */
export const autotaskVendor: PsaVendorModule<
  typeof autotaskSettingsSchema,
  typeof autotaskSecretsSchema
> = {
  vendor: 'autotask',
  label: AUTOTASK_LABEL,
  settingsSchema: autotaskSettingsSchema,
  secretsSchema: autotaskSecretsSchema,
  create: ({ settings, secrets }) => createAutotaskConnector({ settings, secrets }),
};
