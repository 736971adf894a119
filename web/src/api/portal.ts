import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TPortalBackupReceiptRequest,
  TPortalCloseout,
  TPortalCloseoutList,
  TPortalDownloadLink,
  TPortalMe,
  TPortalSignInRequest,
  TPortalTicketResponseRequest,
  TReportHandoverProblemRequest,
  TRequestSignInLinkRequest,
  TResponsibilityStatement,
  TRevealedCredential,
  TSignInLinkRequested,
  TSignResponsibilityRequest,
} from '../../../src/server/portal/schema.js';
import { API_BASE, ApiProblem, apiRequest } from './http.js';
import { useVersionedAction } from './versioned-action.js';

/**
 * The client portal's hooks: a client's contact signed in by an emailed link, working its own
 * closeout. Every change answers with the closeout as it now stands, which replaces the cached
 * one, like the staff app's closeout actions.
 */

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  closeouts: ['portal', 'closeouts'] as const,
  /** The client's current closeout (`current`) or one by id. */
  closeout: (closeoutId: string) => ['portal', 'closeout', closeoutId] as const,
  statement: (closeoutId: string) => ['portal', 'statement', closeoutId] as const,
};

/** The signed-in portal user; null when nobody is signed in to the portal. */
export function usePortalMe() {
  return useQuery({
    queryKey: portalKeys.me,
    queryFn: async (): Promise<TPortalMe | null> => {
      try {
        return await apiRequest<TPortalMe>('/portal/me');
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useRequestSignInLink() {
  return useMutation({
    mutationFn: (request: TRequestSignInLinkRequest) =>
      apiRequest<TSignInLinkRequested>('/portal/sign-in-links', { method: 'POST', body: request }),
  });
}

/** Consumes the emailed link's token; the portal cookie is set by the answer. */
export function usePortalSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TPortalSignInRequest) =>
      apiRequest<TPortalMe>('/portal/sign-in', { method: 'POST', body: request }),
    onSuccess: (me) => {
      forgetPortalData(queryClient);
      queryClient.setQueryData(portalKeys.me, me);
    },
  });
}

/**
 * What the previous portal user saw is dropped; who is signed in is replaced rather than removed,
 * so the frame already showing it follows at once.
 */
function forgetPortalData(queryClient: QueryClient) {
  queryClient.removeQueries({
    queryKey: portalKeys.all,
    predicate: (query) => query.queryKey[1] !== portalKeys.me[1],
  });
}

export function usePortalSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/portal/sign-out', { method: 'POST' }),
    onSettled: () => {
      forgetPortalData(queryClient);
      queryClient.setQueryData(portalKeys.me, null);
    },
  });
}

export function usePortalCloseouts() {
  return useQuery({
    queryKey: portalKeys.closeouts,
    queryFn: ({ signal }) => apiRequest<TPortalCloseoutList>('/portal/closeouts', { signal }),
  });
}

/** One closeout of the client, or without an id its current one (404 when it has none). */
export function usePortalCloseout(closeoutId: string | undefined) {
  return useQuery({
    queryKey: portalKeys.closeout(closeoutId ?? 'current'),
    queryFn: ({ signal }) =>
      apiRequest<TPortalCloseout>(
        closeoutId === undefined ? '/portal/closeout' : `/portal/closeouts/${closeoutId}`,
        { signal },
      ),
  });
}

/**
 * One change the client makes to its closeout, sent with the version it was looking at; the
 * answer replaces the cached closeout. When the MSP changed it first, it is reloaded and said so.
 */
export function usePortalAction(closeout: Pick<TPortalCloseout, 'id' | 'version'>) {
  return useVersionedAction<TPortalCloseout>({
    resourcePath: `/portal/closeouts/${closeout.id}`,
    version: closeout.version,
    onUpdated: storeCloseout,
    stale: {
      title: 'Updated in the meantime',
      message: 'Your provider changed this closeout. It has been reloaded: check and try again.',
      reload: ['portal', 'closeout'],
    },
  });
}

/** The closeout is cached under its id and, when it is the current one, under `current` too. */
function storeCloseout(queryClient: QueryClient, closeout: TPortalCloseout) {
  queryClient.setQueryData(portalKeys.closeout(closeout.id), closeout);
  const current = queryClient.getQueryData<TPortalCloseout>(portalKeys.closeout('current'));
  if (current?.id === closeout.id) {
    queryClient.setQueryData(portalKeys.closeout('current'), closeout);
  }
  void queryClient.invalidateQueries({ queryKey: portalKeys.closeouts });
}

export const ticketResponse = (ticketId: string, request: TPortalTicketResponseRequest) => ({
  path: `tickets/${ticketId}/response`,
  body: request,
});

export const reportProblem = (itemId: string, request: TReportHandoverProblemRequest) => ({
  path: `handover-items/${itemId}/problem`,
  body: request,
});

export const backupReceipt = (copyId: string, request: TPortalBackupReceiptRequest) => ({
  path: `backup-copies/${copyId}/receipt`,
  body: request,
});

export const signResponsibility = (request: TSignResponsibilityRequest) => ({
  path: 'responsibility',
  body: request,
});

/**
 * Shows a credential's secret. It can be revealed once per issue, so the answer lives only in
 * the component that asked for it and is never cached; the closeout is read again to show it
 * as revealed.
 */
export function useRevealCredential(closeoutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) =>
      apiRequest<TRevealedCredential>(
        `/portal/closeouts/${closeoutId}/handover-items/${itemId}/reveal`,
        { method: 'POST', body: {} },
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'closeout'] }),
  });
}

/** An expiring link to download a backup copy that the MSP uploaded. */
export function useBackupDownloadLink(closeoutId: string) {
  return useMutation({
    mutationFn: (copyId: string) =>
      apiRequest<TPortalDownloadLink>(
        `/portal/closeouts/${closeoutId}/backup-copies/${copyId}/download-link`,
        { method: 'POST', body: {} },
      ),
  });
}

/** The exact statement the client signs. */
export function useResponsibilityStatement(closeoutId: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.statement(closeoutId),
    queryFn: ({ signal }) =>
      apiRequest<TResponsibilityStatement>(
        `/portal/closeouts/${closeoutId}/responsibility-statement`,
        { signal },
      ),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed PDF receipt of the transfer of responsibility, as the client downloads it. */
export const portalReceiptUrl = (closeoutId: string): string =>
  `${API_BASE}/portal/closeouts/${closeoutId}/responsibility-receipt.pdf`;
