import { z } from 'zod';
import { isTimeZone } from './wall-clock.js';

/**
 * What an MSP enters to connect its own ITFlow: where it is served and how it keeps time (shown
 * back), and the API key with its credential password (only ever written).
 */

export const itflowSettingsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .describe(
      'ITFlow address: where your ITFlow is served, e.g. https://itflow.example.com, or https://example.com/itflow when it lives in a folder. Closeout calls its API under /api/v1.',
    ),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, 'Not a time zone; use a name such as Europe/London or America/New_York.')
    .default('UTC')
    .describe(
      'Time zone: the one your ITFlow server keeps its dates in (as set in ITFlow), e.g. Europe/London. ITFlow’s API gives dates and times without a zone.',
    ),
  cancelledTicketStatus: z
    .enum(['Resolved', 'Closed'])
    .default('Resolved')
    .describe(
      'Status for cancelled tickets: Resolved (ITFlow’s usual ending; ITFlow closes the ticket later unless the client replies) or Closed (final at once).',
    ),
});
export type ItflowSettings = z.infer<typeof itflowSettingsSchema>;

export const itflowSecretsSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1)
    .describe(
      'API key, from Admin → API Keys in ITFlow. It needs access to all clients, or to every client you close out.',
    ),
  credentialPassword: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Credential password of the same API key, shown once when the key was created. Needed only to bring the client’s documented logins into the handover list: ITFlow decrypts them with it.',
    ),
});
export type ItflowSecrets = z.infer<typeof itflowSecretsSchema>;
