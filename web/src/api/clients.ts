import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  TAgreement,
  TClientDetail,
  TClientPage,
  TContact,
  TCreateAgreementRequest,
  TCreateClientRequest,
  TCreateContactRequest,
  TCreateManagedSystemRequest,
  TListClientsQuery,
  TManagedSystem,
  TRecordReturnRequest,
  TUpdateAgreementRequest,
  TUpdateClientRequest,
  TUpdateContactRequest,
  TUpdateManagedSystemRequest,
} from '../../../src/server/clients/schema.js';
import type {
  TCreateTicketRequest,
  TListTicketsQuery,
  TTicket,
  TTicketPage,
} from '../../../src/server/tickets/schema.js';
import { apiRequest } from './http.js';

export const clientKeys = {
  all: ['clients'] as const,
  list: (query: Partial<TListClientsQuery>) => ['clients', 'list', query] as const,
  detail: (clientId: string) => ['clients', 'detail', clientId] as const,
};

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: Partial<TListTicketsQuery>) => ['tickets', 'list', query] as const,
};

export function useClientList(query: Partial<TListClientsQuery>) {
  return useQuery({
    queryKey: clientKeys.list(query),
    queryFn: ({ signal }) => apiRequest<TClientPage>('/clients', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClient(clientId: string) {
  return useQuery({
    queryKey: clientKeys.detail(clientId),
    queryFn: ({ signal }) => apiRequest<TClientDetail>(`/clients/${clientId}`, { signal }),
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateClientRequest) =>
      apiRequest<TClientDetail>('/clients', { method: 'POST', body: request }),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
}

export function useUpdateClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TUpdateClientRequest) =>
      apiRequest<TClientDetail>(`/clients/${clientId}`, { method: 'PATCH', body: request }),
    onSuccess: (client) => showClient(queryClient, client),
  });
}

/** A former client signs a new agreement; the answer is the client, active again. */
export function useRecordReturn(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TRecordReturnRequest) =>
      apiRequest<TClientDetail>(`/clients/${clientId}/returns`, { method: 'POST', body: request }),
    onSuccess: (client) => {
      showClient(queryClient, client);
      // The Client Return Rate counts returns.
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}

/** A change answered with the whole client replaces the cached one and refreshes the lists. */
function showClient(queryClient: QueryClient, client: TClientDetail) {
  queryClient.setQueryData(clientKeys.detail(client.id), client);
  void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
}

/** The records kept under a client, by the path segment the API files them under. */
type ClientRecords = {
  contacts: { record: TContact; create: TCreateContactRequest; update: TUpdateContactRequest };
  agreements: {
    record: TAgreement;
    create: TCreateAgreementRequest;
    update: TUpdateAgreementRequest;
  };
  'managed-systems': {
    record: TManagedSystem;
    create: TCreateManagedSystemRequest;
    update: TUpdateManagedSystemRequest;
  };
};
export type ClientRecordKind = keyof ClientRecords;

export type SaveClientRecord<TKind extends ClientRecordKind> =
  | { recordId?: undefined; body: ClientRecords[TKind]['create'] }
  | { recordId: string; body: ClientRecords[TKind]['update'] };

/**
 * Adds a record (no `recordId`) or changes one. The API answers with the record alone, so the
 * client is read again: its MRR and the hand-over's systems may follow from the change.
 */
export function useSaveClientRecord<TKind extends ClientRecordKind>(clientId: string, kind: TKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, body }: SaveClientRecord<TKind>) =>
      apiRequest<ClientRecords[TKind]['record']>(
        recordId === undefined
          ? `/clients/${clientId}/${kind}`
          : `/clients/${clientId}/${kind}/${recordId}`,
        { method: recordId === undefined ? 'POST' : 'PATCH', body },
      ),
    onSuccess: () => invalidateClient(queryClient, clientId),
  });
}

export function useRemoveClientRecord(clientId: string, kind: ClientRecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordId: string) =>
      apiRequest<void>(`/clients/${clientId}/${kind}/${recordId}`, { method: 'DELETE' }),
    onSuccess: () => invalidateClient(queryClient, clientId),
  });
}

const invalidateClient = (queryClient: QueryClient, clientId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) }),
    queryClient.invalidateQueries({ queryKey: ['clients', 'list'] }),
  ]);

/** A client's tickets, open ones first. */
export function useClientTickets(clientId: string, page: number, pageSize: number) {
  const query: Partial<TListTicketsQuery> = { clientId, sort: 'status', page, pageSize };
  return useQuery({
    queryKey: ticketKeys.list(query),
    queryFn: ({ signal }) => apiRequest<TTicketPage>('/tickets', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateTicketRequest) =>
      apiRequest<TTicket>('/tickets', { method: 'POST', body: request }),
    onSuccess: (ticket) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
        invalidateClient(queryClient, ticket.client.id),
        // A ticket arriving during a closeout joins its ticket review.
        queryClient.invalidateQueries({ queryKey: ['closeouts'] }),
      ]),
  });
}
