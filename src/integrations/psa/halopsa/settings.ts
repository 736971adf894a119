import { z } from 'zod';

/**
 * What an MSP types in to connect HaloPSA, as shown on Configuration → Integrations → HaloPSA
 * API: the non-secret settings shown back to them, and the API application's client secret,
 * which is only ever written.
 */

export const halopsaSettingsSchema = z.object({
  resourceServerUrl: z
    .url({ protocol: /^https?$/ })
    .describe(
      'Resource server: the API address shown on the HaloPSA API page, e.g. https://contoso.halopsa.com/api.',
    ),
  authorisationServerUrl: z
    .url({ protocol: /^https?$/ })
    .describe(
      'Authorisation server: the sign-in address shown on the same page, e.g. https://contoso.halopsa.com/auth.',
    ),
  tenant: z
    .string()
    .trim()
    .default('')
    .describe(
      'Tenant: the tenant name shown on the HaloPSA API page of a hosted Halo (*.halopsa.com). Leave it empty for a Halo on your own server.',
    ),
  closedStatusId: z
    .number()
    .int()
    .positive()
    .default(9)
    .describe(
      'Closed status ID: the ticket status set when a cancelled ticket is closed. Halo numbers its Closed status 9.',
    ),
  noteOutcome: z
    .string()
    .trim()
    .min(1)
    .default('Note')
    .describe(
      'Note outcome: the action outcome Closeout uses for the notes it adds to tickets, as named under Configuration → Tickets → Actions.',
    ),
});

export const halopsaSecretsSchema = z.object({
  clientId: z
    .string()
    .trim()
    .min(1)
    .describe('Client ID of the API application (Authentication method: Client ID and Secret).'),
  clientSecret: z
    .string()
    .trim()
    .min(1)
    .describe('Client secret of the same API application; Halo shows it only once.'),
});

export type HalopsaSettings = z.infer<typeof halopsaSettingsSchema>;
export type HalopsaSecrets = z.infer<typeof halopsaSecretsSchema>;
