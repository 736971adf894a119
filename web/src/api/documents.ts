import { useQuery } from '@tanstack/react-query';
import type { Paper } from '../../../src/documents/pdf/papers.js';
import type {
  TCloseoutDocumentKind,
  TCloseoutDocumentList,
} from '../../../src/server/documents/schema.js';
import { API_BASE, apiRequest } from './http.js';

export const documentKeys = {
  list: (closeoutId: string) => ['closeouts', 'documents', closeoutId] as const,
};

/**
 * The closeout's documents and whether each can be made yet, keyed by the closeout's version:
 * every change to a closeout bumps it, so availability follows the closeout.
 */
export function useCloseoutDocuments(closeoutId: string, closeoutVersion: number) {
  return useQuery({
    queryKey: [...documentKeys.list(closeoutId), closeoutVersion],
    queryFn: ({ signal }) =>
      apiRequest<TCloseoutDocumentList>(`/closeouts/${closeoutId}/documents`, { signal }),
  });
}

/** Where a document's PDF is downloaded from; the browser sends the session cookie with it. */
export const closeoutDocumentUrl = (
  closeoutId: string,
  kind: TCloseoutDocumentKind,
  paper: Paper,
): string => `${API_BASE}/closeouts/${closeoutId}/documents/${kind}.pdf?paper=${paper}`;
