import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  TBackupDownloadLink,
  TBackupDownloadState,
  TCreateDownloadLinkRequest,
  TCreatedDownloadLink,
} from '../../../src/server/backup-downloads/schema.js';
import type { TProblem } from '../../../src/server/problem-schema.js';
import { API_BASE, ApiProblem, apiRequest } from './http.js';

export const backupDownloadKeys = {
  state: (closeoutId: string, copyId: string) => ['backup-downloads', closeoutId, copyId] as const,
};

const copyPath = (closeoutId: string, copyId: string) =>
  `/closeouts/${closeoutId}/backup-copies/${copyId}`;

/** The archive as staff download it (recorded as a download). */
export const backupArchiveUrl = (closeoutId: string, copyId: string): string =>
  `${API_BASE}${copyPath(closeoutId, copyId)}/archive`;

/** The copy's archive, its links and every download. */
export function useBackupDownloadState(closeoutId: string, copyId: string) {
  return useQuery({
    queryKey: backupDownloadKeys.state(closeoutId, copyId),
    queryFn: ({ signal }) =>
      apiRequest<TBackupDownloadState>(`${copyPath(closeoutId, copyId)}/download`, { signal }),
  });
}

const uploadProblem = (status: number, text: string): TProblem => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'detail' in parsed && 'code' in parsed) {
      return parsed as TProblem;
    }
  } catch {
    // Not a problem document: described below.
  }
  return {
    type: 'about:blank',
    title: 'The upload did not finish',
    status,
    detail:
      status === 0
        ? 'The connection broke off; check it and upload the archive again.'
        : `The server answered ${status}.`,
    code: 'internal',
  };
};

/**
 * A backup archive may be many gigabytes: it goes through XMLHttpRequest, the one browser API
 * that reports how much of a request body has been sent.
 */
export function sendArchive(
  closeoutId: string,
  copyId: string,
  file: File,
  onProgress: (sentShare: number) => void,
): Promise<TBackupDownloadState> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name });
    request.open('PUT', `${API_BASE}${copyPath(closeoutId, copyId)}/archive?${query}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(JSON.parse(request.responseText) as TBackupDownloadState);
      } else {
        reject(new ApiProblem(uploadProblem(request.status, request.responseText)));
      }
    };
    request.onerror = () => reject(new ApiProblem(uploadProblem(0, '')));
    request.send(file);
  });
}

/** Uploads the archive, with the share sent so far (0–1) while it runs. */
export function useUploadBackupArchive(closeoutId: string, copyId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return sendArchive(closeoutId, copyId, file, setProgress);
    },
    onSuccess: (state) =>
      queryClient.setQueryData(backupDownloadKeys.state(closeoutId, copyId), state),
  });
  return { ...mutation, progress };
}

export function useCreateDownloadLink(closeoutId: string, copyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateDownloadLinkRequest) =>
      apiRequest<TCreatedDownloadLink>(`${copyPath(closeoutId, copyId)}/download-links`, {
        method: 'POST',
        body,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: backupDownloadKeys.state(closeoutId, copyId) }),
  });
}

export function useRevokeDownloadLink(closeoutId: string, copyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      apiRequest<TBackupDownloadLink>(
        `${copyPath(closeoutId, copyId)}/download-links/${linkId}/revoke`,
        { method: 'POST' },
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: backupDownloadKeys.state(closeoutId, copyId) }),
  });
}
