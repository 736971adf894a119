import { ZManagedSystemCategory } from '../../../../src/server/clients/schema.js';
import { MANAGED_SYSTEM_CATEGORY_LABELS } from '../../labels.js';

/** A category as people read it; one an import brought that has no label, as it came. */
export const categoryLabel = (category: string): string =>
  MANAGED_SYSTEM_CATEGORY_LABELS[category] ?? category;

/** The categories the API accepts, in its order. */
export const CATEGORY_OPTIONS = ZManagedSystemCategory.options.map((category) => ({
  value: category,
  label: categoryLabel(category),
}));

export const isKnownCategory = (category: string | undefined): boolean =>
  ZManagedSystemCategory.safeParse(category).success;
