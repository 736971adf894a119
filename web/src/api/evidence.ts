import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TEvidenceList, TStoredFile } from '../../../src/server/evidence/schema.js';
import { API_BASE, apiRequest } from './http.js';

/** What an evidence file is attached to: a task of the checklist or a handover item. */
export type EvidenceSubject = { kind: 'task' | 'handover_item'; id: string };

export const evidenceKeys = {
  closeout: (closeoutId: string) => ['evidence', closeoutId] as const,
};

const subjectPath = (closeoutId: string, subject: EvidenceSubject) =>
  `/closeouts/${closeoutId}/${subject.kind === 'task' ? 'tasks' : 'handover-items'}/${subject.id}/evidence`;

/** Where a file downloads from: the browser saves it, signed in by its session cookie. */
export const evidenceDownloadUrl = (
  closeoutId: string,
  subject: EvidenceSubject,
  fileId: string,
): string => `${API_BASE}${subjectPath(closeoutId, subject)}/${fileId}`;

/** Every evidence file of a closeout, asked for once for the whole checklist. */
export function useCloseoutEvidence(closeoutId: string) {
  return useQuery({
    queryKey: evidenceKeys.closeout(closeoutId),
    queryFn: ({ signal }) =>
      apiRequest<TEvidenceList>(`/closeouts/${closeoutId}/evidence`, { signal }),
  });
}

export function useUploadEvidence(closeoutId: string, subject: EvidenceSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    // The file goes as it is, never read into the page; the server tells its type from its bytes.
    mutationFn: (file: File) =>
      apiRequest<TStoredFile>(subjectPath(closeoutId, subject), {
        method: 'POST',
        query: { fileName: file.name },
        rawBody: { content: file, contentType: 'application/octet-stream' },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.closeout(closeoutId) }),
  });
}

export function useDeleteEvidence(closeoutId: string, subject: EvidenceSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      apiRequest<void>(`${subjectPath(closeoutId, subject)}/${fileId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.closeout(closeoutId) }),
  });
}
