import { z } from 'zod';

/**
 * What an MSP types in to connect ConnectWise PSA: the non-secret settings shown back to them,
 * and the API member's keys, which are only ever written.
 */

export const connectwiseSettingsSchema = z.object({
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://api-na.myconnectwise.net')
    .describe(
      'Site URL: the API address of your ConnectWise PSA region or server, e.g. https://api-na.myconnectwise.net, https://api-eu.myconnectwise.net or your own server.',
    ),
  companyId: z
    .string()
    .trim()
    .min(1)
    .describe('Company ID: the company you type on the ConnectWise PSA sign-in page.'),
  codebase: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+$/, 'A codebase is letters, digits, dots and underscores.')
    .default('v4_6_release')
    .describe(
      'Codebase: the release folder in the API address. Leave v4_6_release unless ConnectWise told you another.',
    ),
  closedStatusName: z
    .string()
    .trim()
    .min(1)
    .default('>Closed')
    .describe(
      'Closed status: the ticket status set when a cancelled ticket is closed. It must be a closed status on the boards of the tickets; ConnectWise names it ">Closed" by default.',
    ),
});

export const connectwiseSecretsSchema = z.object({
  publicKey: z
    .string()
    .trim()
    .min(1)
    .describe('Public key of the API member (System → Members → API Members → API Keys).'),
  privateKey: z
    .string()
    .trim()
    .min(1)
    .describe('Private key of the same API key pair; ConnectWise shows it only once.'),
  clientId: z
    .string()
    .trim()
    .min(1)
    .describe('Client ID registered for this integration on developer.connectwise.com.'),
});

export type ConnectwiseSettings = z.infer<typeof connectwiseSettingsSchema>;
export type ConnectwiseSecrets = z.infer<typeof connectwiseSecretsSchema>;
