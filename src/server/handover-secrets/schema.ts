import { z } from 'zod';

/**
 * The credential vault's contract: the secret of a handover item, and what may be said about it
 * without revealing it. Shared with the web app, so it imports nothing from the server.
 */

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });

/**
 * A handed-over credential. The password is kept exactly as typed (no trimming: a space may be
 * part of it) and may be a private key or an API key, hence its length.
 */
export const ZHandoverSecret = z
  .object({
    username: z.string().trim().max(500).default(''),
    password: z
      .string()
      .min(1, 'Enter the password or key')
      .max(16_000)
      .meta({ description: 'The password, or a private or API key.' }),
    url: z
      .string()
      .trim()
      .max(2_000)
      .default('')
      .meta({ description: 'Where to sign in: a URL, host name or address.' }),
    notes: z.string().trim().max(4_000).default(''),
    mfaRecoveryCodes: z
      .array(z.string().trim().min(1, 'An empty recovery code').max(200))
      .max(50)
      .default([]),
  })
  .meta({ id: 'HandoverSecret' });
export type THandoverSecret = z.output<typeof ZHandoverSecret>;
export type THandoverSecretInput = z.input<typeof ZHandoverSecret>;

/** What list views and the client portal may know about a handover item's secret. */
export const ZHandoverSecretStatus = z
  .object({
    itemId: ZId,
    stored: z.boolean(),
    updatedAt: ZMoment.nullable(),
    updatedBy: z.string().nullable(),
    /** The last time it was issued to the client, who may reveal each issue once. */
    issuedAt: ZMoment.nullable(),
    issueCount: z.number().int(),
    clientRevealedAt: ZMoment.nullable(),
    /** The client's portal user who revealed the current issue. */
    clientRevealedBy: z.string().nullable(),
  })
  .meta({ id: 'HandoverSecretStatus' });
export type THandoverSecretStatus = z.infer<typeof ZHandoverSecretStatus>;

export const ZRevealedHandoverSecret = z
  .object({
    itemId: ZId,
    systemName: z.string(),
    credentialLabel: z.string(),
    secret: ZHandoverSecret,
    revealedAt: ZMoment,
  })
  .meta({ id: 'RevealedHandoverSecret' });
export type TRevealedHandoverSecret = z.infer<typeof ZRevealedHandoverSecret>;

export const ZHandoverSecretParams = z.object({ closeoutId: ZId, itemId: ZId });
export const ZHandoverSecretsParams = z.object({ closeoutId: ZId });
