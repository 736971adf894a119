import { z } from 'zod';
import { ZKey } from './schema.js';

/**
 * Why clients leave, and why providers let them go. Each organisation keeps its own copy and may
 * edit it; a reason is retired rather than deleted so that closeouts recorded with it still read.
 */

export const ZReasonTaxonomyEntry = z.object({
  key: ZKey,
  label: z.string().trim().min(1).max(80),
  /** client: the client is leaving; provider: the MSP is ending the agreement. */
  appliesTo: z.enum(['client', 'provider']),
  retired: z.boolean().default(false),
});
export type TReasonTaxonomyEntry = z.infer<typeof ZReasonTaxonomyEntry>;

export const ZReasonTaxonomy = z
  .array(ZReasonTaxonomyEntry)
  .min(1)
  .max(200)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `duplicate key "${entry.key}"`,
        });
      }
      seen.add(entry.key);
    });
  });
export type TReasonTaxonomy = z.infer<typeof ZReasonTaxonomy>;

export const DEFAULT_REASON_TAXONOMY: TReasonTaxonomyEntry[] = ZReasonTaxonomy.parse([
  { key: 'price', label: 'Price', appliesTo: 'client' },
  { key: 'service_quality', label: 'Service quality', appliesTo: 'client' },
  { key: 'responsiveness', label: 'Responsiveness', appliesTo: 'client' },
  { key: 'relationship', label: 'Relationship', appliesTo: 'client' },
  { key: 'acquisition_or_merger', label: 'Acquisition or merger', appliesTo: 'client' },
  { key: 'bringing_it_in_house', label: 'Bringing IT in-house', appliesTo: 'client' },
  { key: 'moving_to_another_provider', label: 'Moving to another provider', appliesTo: 'client' },
  { key: 'business_closure', label: 'Business closure', appliesTo: 'client' },
  { key: 'scope_mismatch', label: 'Scope mismatch', appliesTo: 'client' },
  { key: 'non_payment', label: 'Non-payment', appliesTo: 'provider' },
  { key: 'unprofitable', label: 'Unprofitable', appliesTo: 'provider' },
  { key: 'abusive_conduct', label: 'Abusive conduct', appliesTo: 'provider' },
  {
    key: 'security_or_compliance_risk',
    label: 'Security or compliance risk',
    appliesTo: 'provider',
  },
] satisfies z.input<typeof ZReasonTaxonomy>);
