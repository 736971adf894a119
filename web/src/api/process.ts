import { useQuery } from '@tanstack/react-query';
import type { TProcessDefinition } from '../../../src/blueprint/schema.js';
import type { TDefinitionVersionList } from '../../../src/server/process/schema.js';
import { apiRequest } from './http.js';

/** Published definitions never change, so a version once read is kept for the session. */
export function useProcessDefinition(pinned?: { key: string; version: number }) {
  return useQuery({
    queryKey:
      pinned === undefined
        ? ['process', 'definition', 'current']
        : ['process', 'definition', pinned.key, pinned.version],
    queryFn: ({ signal }) =>
      apiRequest<TProcessDefinition>(
        pinned === undefined
          ? '/process/definition'
          : `/process/definitions/${pinned.key}/${pinned.version}`,
        { signal },
      ),
    staleTime: pinned === undefined ? 60_000 : Number.POSITIVE_INFINITY,
  });
}

export function useDefinitionVersions() {
  return useQuery({
    queryKey: ['process', 'versions'],
    queryFn: ({ signal }) => apiRequest<TDefinitionVersionList>('/process/definitions', { signal }),
  });
}
