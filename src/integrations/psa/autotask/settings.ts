import { z } from 'zod';

/**
 * What an MSP enters to connect Closeout to its Autotask PSA. The picklist ids default to
 * Autotask's own out-of-the-box values; an MSP that renamed or replaced them can point Closeout
 * at its own.
 */

export const autotaskSettingsSchema = z.object({
  zoneLookupUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://webservices.autotask.net/atservicesrest')
    .describe(
      'Where Closeout asks Autotask which zone (data centre) your API user lives in. Keep the default unless Autotask support gave you another address.',
    ),
  completeStatusId: z
    .number()
    .int()
    .nonnegative()
    .default(5)
    .describe(
      'The ticket status that closes a ticket, by its Autotask id. Closeout sets it on tickets the review cancelled and reads it as closed. Autotask’s "Complete" is 5.',
    ),
  noteTypeId: z
    .number()
    .int()
    .nonnegative()
    .default(1)
    .describe(
      'The note type of the ticket notes Closeout adds, by its Autotask id. Autotask’s "Task Summary" is 1.',
    ),
  notePublishId: z
    .number()
    .int()
    .nonnegative()
    .default(2)
    .describe(
      'Who may see the ticket notes Closeout adds, by its Autotask id. Autotask’s "Internal Only" is 2; "All Autotask Users" (1) also shows them on the client portal.',
    ),
});
export type AutotaskSettings = z.infer<typeof autotaskSettingsSchema>;

export const autotaskSecretsSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .describe('The username of the Autotask API user (an email address), sent as UserName.'),
  secret: z.string().min(1).describe('The API user’s secret (its password), sent as Secret.'),
  integrationCode: z
    .string()
    .trim()
    .min(1)
    .describe(
      'The API tracking identifier of the integration, from the API user’s security settings, sent as ApiIntegrationCode.',
    ),
});
export type AutotaskSecrets = z.infer<typeof autotaskSecretsSchema>;
