import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  TImportDetail,
  TImportEntity,
  TImportFormats,
  TImportPage,
  TImportStatus,
  TUpdateImportRequest,
} from '../../../src/server/imports/schema.js';
import { clientKeys, ticketKeys } from './clients.js';
import { API_BASE, apiRequest } from './http.js';
import { integrationKeys, JOB_POLL_MS } from './integrations.js';

export const importKeys = {
  all: ['imports'] as const,
  formats: ['imports', 'formats'] as const,
  recent: ['imports', 'recent'] as const,
  detail: (importId: string) => ['imports', 'detail', importId] as const,
};

/** Where the rows an import refused can be downloaded, as CSV. */
export const errorReportUrl = (importId: string): string =>
  `${API_BASE}/imports/${importId}/errors.csv`;

export const isRunningImport = (status: TImportStatus): boolean =>
  status === 'queued' || status === 'running';

/** What can be imported: each kind of record's fields, and the formats its files come in. */
export function useImportFormats() {
  return useQuery({
    queryKey: importKeys.formats,
    queryFn: ({ signal }) => apiRequest<TImportFormats>('/imports/formats', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: ({ signal }) =>
      apiRequest<TImportPage>('/imports', { query: { pageSize: 10 }, signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => isRunningImport(item.status)) === true
        ? JOB_POLL_MS
        : false,
  });
}

/** One import, asked for again every couple of seconds while it waits or runs. */
export function useImport(importId: string | null) {
  return useQuery({
    queryKey: importKeys.detail(importId ?? ''),
    queryFn: ({ signal }) => apiRequest<TImportDetail>(`/imports/${importId}`, { signal }),
    enabled: importId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status !== undefined && isRunningImport(status) ? JOB_POLL_MS : false;
    },
  });
}

/** The file goes as it is, so even a large one is never read into the page's memory. */
const uploadCsv = (file: File, entity: TImportEntity) =>
  apiRequest<TImportDetail>('/imports', {
    method: 'POST',
    query: { entity, fileName: file.name },
    rawBody: { content: file, contentType: 'text/csv' },
  });

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, entity }: { file: File; entity: TImportEntity }) =>
      uploadCsv(file, entity),
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
}

/** Changes the format or the mapping; the answer carries the preview under the new mapping. */
export function useUpdateImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TUpdateImportRequest) =>
      apiRequest<TImportDetail>(`/imports/${importId}`, { method: 'PATCH', body: changes }),
    onSuccess: (detail) => queryClient.setQueryData(importKeys.detail(detail.id), detail),
  });
}

export function useStartImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<TImportDetail>(`/imports/${importId}/start`, { method: 'POST' }),
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
      void queryClient.invalidateQueries({ queryKey: integrationKeys.jobs });
    },
  });
}

export function useDiscardImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`/imports/${importId}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: importKeys.detail(importId) });
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
}

/** Once an import has run, what it may have changed is read again. */
export function useImportFinished() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
  }, [queryClient]);
}
