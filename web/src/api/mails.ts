import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TListMailsQuery, TMail, TMailPage } from '../../../src/server/mails/schema.js';
import { apiRequest } from './http.js';

export const mailKeys = {
  all: ['mails'] as const,
  list: (query: Partial<TListMailsQuery>) => ['mails', 'list', query] as const,
  one: (mailId: string) => ['mails', 'one', mailId] as const,
};

/** How often the outbox is asked again while a mail waits for the job runner. */
export const MAIL_POLL_MS = 3_000;

/** A page of mails, newest first, followed while any of them is still queued. */
export function useMails(query: Partial<TListMailsQuery>) {
  return useQuery({
    queryKey: mailKeys.list(query),
    queryFn: ({ signal }) => apiRequest<TMailPage>('/mails', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.items.some((mail) => mail.status === 'queued') === true
        ? MAIL_POLL_MS
        : false,
  });
}

export function useMail(mailId: string | null) {
  return useQuery({
    queryKey: mailKeys.one(mailId ?? ''),
    queryFn: ({ signal }) => apiRequest<TMail>(`/mails/${mailId}`, { signal }),
    enabled: mailId !== null,
  });
}

export function useResendMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailId: string) =>
      apiRequest<TMail>(`/mails/${mailId}/resend`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
