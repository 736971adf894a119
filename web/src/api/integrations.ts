import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type {
  TCloseoutPsaLink,
  TConnectionTest,
  TCreatePsaConnectionRequest,
  TEnqueuedJob,
  TJob,
  TJobPage,
  TJobStatus,
  TListJobsQuery,
  TPsaConnection,
  TPsaVendorDescription,
  TUpdatePsaConnectionRequest,
} from '../../../src/server/integrations/schema.js';
import { clientKeys } from './clients.js';
import { closeoutKeys } from './closeouts.js';
import { apiRequest } from './http.js';

export const integrationKeys = {
  all: ['integrations'] as const,
  vendors: ['integrations', 'vendors'] as const,
  connections: ['integrations', 'connections'] as const,
  jobs: ['integrations', 'jobs'] as const,
  jobList: (query: Partial<TListJobsQuery>) => ['integrations', 'jobs', query] as const,
  closeoutLink: (closeoutId: string) => ['closeouts', 'psa', closeoutId] as const,
};

/** How often a screen asks again while a job it shows is waiting or running. */
export const JOB_POLL_MS = 2_000;

export const isActiveJob = (job: Pick<TJob, 'status'>): boolean =>
  job.status === 'queued' || job.status === 'running';

/** The PSAs Closeout connects to, with the fields of each one's connection form. */
export function usePsaVendors() {
  return useQuery({
    queryKey: integrationKeys.vendors,
    queryFn: ({ signal }) =>
      apiRequest<TPsaVendorDescription[]>('/integrations/vendors', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePsaConnections() {
  return useQuery({
    queryKey: integrationKeys.connections,
    queryFn: ({ signal }) => apiRequest<TPsaConnection[]>('/integrations/connections', { signal }),
  });
}

export function useCreatePsaConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreatePsaConnectionRequest) =>
      apiRequest<TPsaConnection>('/integrations/connections', { method: 'POST', body: request }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.connections }),
  });
}

export function useUpdatePsaConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      connectionId,
      changes,
    }: {
      connectionId: string;
      changes: TUpdatePsaConnectionRequest;
    }) =>
      apiRequest<TPsaConnection>(`/integrations/connections/${connectionId}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.connections }),
  });
}

export function useDeletePsaConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) =>
      apiRequest<void>(`/integrations/connections/${connectionId}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.connections }),
  });
}

/** Signs in to the PSA with the stored settings; the answer is also kept as the last test. */
export function useTestPsaConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) =>
      apiRequest<TConnectionTest>(`/integrations/connections/${connectionId}/test`, {
        method: 'POST',
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.connections }),
  });
}

/** Queues a connection's job (`sync` or `import-clients`); the jobs table then follows it. */
export function useEnqueueConnectionJob(job: 'sync' | 'import-clients') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) =>
      apiRequest<TEnqueuedJob>(`/integrations/connections/${connectionId}/${job}`, {
        method: 'POST',
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.jobs }),
  });
}

const anyJobActive = (page: TJobPage | undefined): boolean =>
  page?.items.some(isActiveJob) === true;

/**
 * A page of background jobs, asked for again every couple of seconds while one of them waits or
 * runs. Once they have all finished, what they changed (the connections' last sync, imported
 * clients) is read again.
 */
export function useJobs(query: { status?: TJobStatus; page: number; pageSize: number }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: integrationKeys.jobList(query),
    queryFn: ({ signal }) => apiRequest<TJobPage>('/integrations/jobs', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (anyJobActive(current.state.data) ? JOB_POLL_MS : false),
  });
  const active = anyJobActive(jobs.data);
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) {
      void queryClient.invalidateQueries({ queryKey: integrationKeys.connections });
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    }
    wasActive.current = active;
  }, [active, queryClient]);
  return jobs;
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiRequest<TJob>(`/integrations/jobs/${jobId}/retry`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.jobs }),
  });
}

/** A closeout's PSA link, asked for again while its last sync waits or runs. */
export function useCloseoutPsaLink(closeoutId: string, options: { following: boolean }) {
  return useQuery({
    queryKey: integrationKeys.closeoutLink(closeoutId),
    queryFn: ({ signal }) =>
      apiRequest<TCloseoutPsaLink>(`/closeouts/${closeoutId}/psa`, { signal }),
    refetchInterval: (current) => {
      const lastSync = current.state.data?.lastSync ?? null;
      const writingBack = current.state.data?.pushes.some((push) => push.waiting) === true;
      return options.following || writingBack || (lastSync !== null && isActiveJob(lastSync))
        ? JOB_POLL_MS
        : false;
    },
  });
}

export function useSyncCloseoutTickets(closeoutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<TEnqueuedJob>(`/closeouts/${closeoutId}/psa/sync`, { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: integrationKeys.closeoutLink(closeoutId) });
      void queryClient.invalidateQueries({ queryKey: integrationKeys.jobs });
    },
  });
}

/** Once a sync has finished, the closeout is read again so the tickets it brought in show. */
export function useRefreshCloseout(closeoutId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.invalidateQueries({ queryKey: closeoutKeys.detail(closeoutId) }),
    [queryClient, closeoutId],
  );
}
