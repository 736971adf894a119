import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ReasonTaxonomyEntry } from '../db/schema.js';
import {
  DEFAULT_REASON_TAXONOMY,
  type TReasonTaxonomyEntry,
  ZReasonTaxonomy,
} from './reason-taxonomy.js';

describe('reason taxonomy', () => {
  it('matches the entry type the organisations table stores', () => {
    expectTypeOf<TReasonTaxonomyEntry>().toEqualTypeOf<ReasonTaxonomyEntry>();
  });

  it('has the brief’s client and provider reasons, none retired, keys unique', () => {
    const keysOf = (appliesTo: 'client' | 'provider') =>
      DEFAULT_REASON_TAXONOMY.filter((r) => r.appliesTo === appliesTo).map((r) => r.key);
    expect(keysOf('client')).toEqual([
      'price',
      'service_quality',
      'responsiveness',
      'relationship',
      'acquisition_or_merger',
      'bringing_it_in_house',
      'moving_to_another_provider',
      'business_closure',
      'scope_mismatch',
    ]);
    expect(keysOf('provider')).toEqual([
      'non_payment',
      'unprofitable',
      'abusive_conduct',
      'security_or_compliance_risk',
    ]);
    const keys = DEFAULT_REASON_TAXONOMY.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(DEFAULT_REASON_TAXONOMY.some((r) => r.retired)).toBe(false);
  });

  it('rejects a taxonomy with a repeated key, at the repeat', () => {
    const result = ZReasonTaxonomy.safeParse([
      ...DEFAULT_REASON_TAXONOMY,
      { key: 'price', label: 'Too expensive', appliesTo: 'client', retired: false },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[13, 'key']]);
  });
});
