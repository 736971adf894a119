import { useQuery } from '@tanstack/react-query';
import type {
  TCloseoutPlan,
  TDetailReport,
  TTaskReport,
} from '../../../src/server/reports/schema.js';
import { API_BASE, apiRequest } from './http.js';

export type ReportKind = 'detail' | 'task';
export type Paper = 'a4' | 'letter';

export const reportKeys = {
  report: (kind: ReportKind, version: number | undefined) =>
    ['process', 'reports', kind, version ?? 'current'] as const,
  plan: (closeoutId: string) => ['closeouts', 'plan', closeoutId] as const,
};

const versionQuery = (version: number | undefined): Record<string, string> =>
  version === undefined ? {} : { version: String(version) };

/** A report of the current process, or of a published version (which never changes). */
function useReport<T>(kind: ReportKind, version: number | undefined) {
  return useQuery({
    queryKey: reportKeys.report(kind, version),
    queryFn: ({ signal }) =>
      apiRequest<T>(`/process/reports/${kind}`, { query: versionQuery(version), signal }),
    staleTime: version === undefined ? 60_000 : Number.POSITIVE_INFINITY,
  });
}

export const useDetailReport = (version?: number) => useReport<TDetailReport>('detail', version);
export const useTaskReport = (version?: number) => useReport<TTaskReport>('task', version);

/** Where a report's PDF is downloaded from; the browser sends the session cookie with it. */
export function reportPdfUrl(
  kind: ReportKind,
  options: { version?: number; paper: Paper },
): string {
  const params = new URLSearchParams({ ...versionQuery(options.version), paper: options.paper });
  return `${API_BASE}/process/reports/${kind}.pdf?${params.toString()}`;
}

/** The closeout's plan, keyed by its version: every change to a closeout bumps it. */
export function useCloseoutPlan(closeoutId: string, closeoutVersion: number) {
  return useQuery({
    queryKey: [...reportKeys.plan(closeoutId), closeoutVersion],
    queryFn: ({ signal }) => apiRequest<TCloseoutPlan>(`/closeouts/${closeoutId}/plan`, { signal }),
  });
}

export const planExportUrl = (closeoutId: string, format: 'csv' | 'ics'): string =>
  `${API_BASE}/closeouts/${closeoutId}/plan.${format}`;
