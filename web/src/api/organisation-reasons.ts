import { useQuery } from '@tanstack/react-query';
import type { TReasonTaxonomyBody } from '../../../src/server/organisation/schema.js';
import { apiRequest } from './http.js';

/**
 * The organisation's cancellation reasons, retired ones included (a closeout recorded with one
 * still shows its label). Kept under the organisation's key, so that editing the taxonomy in
 * Settings refreshes it too.
 */
export function useReasonTaxonomy() {
  return useQuery({
    queryKey: ['organisation', 'reason-taxonomy'],
    queryFn: ({ signal }) =>
      apiRequest<TReasonTaxonomyBody>('/organisation/reason-taxonomy', { signal }),
    staleTime: 60_000,
  });
}
