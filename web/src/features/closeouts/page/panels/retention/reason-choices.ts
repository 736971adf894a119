import type { TReasonTaxonomyEntry } from '../../../../../../../src/blueprint/reason-taxonomy.js';
import type { TTrigger } from '../../../../../../../src/blueprint/schema.js';

/**
 * The reasons of the organisation's taxonomy that fit this kind of ending, as the engine allows
 * them: client reasons when the client leaves, provider reasons when we end it, either for a
 * mutual decision. Retired reasons are offered no more, but one already recorded stays visible
 * (marked), so the record reads as it was made.
 */
export function reasonChoices(
  taxonomy: TReasonTaxonomyEntry[],
  trigger: TTrigger,
  recorded: readonly string[],
): TReasonTaxonomyEntry[] {
  return taxonomy.filter(
    (reason) =>
      (trigger === 'mutual' ||
        reason.appliesTo === (trigger === 'provider_termination' ? 'provider' : 'client')) &&
      (!reason.retired || recorded.includes(reason.key)),
  );
}

/** A reason's label; its key when the taxonomy no longer has it. */
export const reasonLabel = (taxonomy: TReasonTaxonomyEntry[], key: string): string => {
  const reason = taxonomy.find((candidate) => candidate.key === key);
  if (reason === undefined) return key;
  return reason.retired ? `${reason.label} (retired)` : reason.label;
};
