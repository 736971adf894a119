import { z } from 'zod';
import { ZReasonTaxonomy } from '../../blueprint/reason-taxonomy.js';
import { ZPersonalisation } from '../../blueprint/schema.js';

/** The organisation's settings: its branding and its taxonomy of cancellation reasons. */

export const ZPersonalisationRequest = ZPersonalisation;
export type TPersonalisationRequest = z.infer<typeof ZPersonalisationRequest>;

/** The whole list, in display order; a reason in use is retired (`retired: true`), not removed. */
export const ZReasonTaxonomyBody = z.object({ reasons: ZReasonTaxonomy });
export type TReasonTaxonomyBody = z.infer<typeof ZReasonTaxonomyBody>;

export const ZOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  personalisation: ZPersonalisation,
  reasons: ZReasonTaxonomy,
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
