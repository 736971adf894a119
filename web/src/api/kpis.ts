import { useQuery } from '@tanstack/react-query';
import type {
  TKpiQuery,
  TKpiReportResponse,
  TKpiTrendQuery,
  TKpiTrendResponse,
} from '../../../src/server/kpis/schema.js';
import { apiRequest } from './http.js';

/** Every KPI query sits under `kpis`, which changes to closeouts and clients invalidate. */
export const kpiKeys = {
  report: (query: TKpiQuery) => ['kpis', 'report', query] as const,
  trend: (query: Partial<TKpiTrendQuery>) => ['kpis', 'trend', query] as const,
};

/** The KPI report; by default over the twelve months up to today. */
export function useKpiReport(query: TKpiQuery = {}) {
  return useQuery({
    queryKey: kpiKeys.report(query),
    queryFn: ({ signal }) => apiRequest<TKpiReportResponse>('/kpis', { query, signal }),
  });
}

/** The main KPIs month by month; by default the twelve months up to this one. */
export function useKpiTrend(query: Partial<TKpiTrendQuery> = {}) {
  return useQuery({
    queryKey: kpiKeys.trend(query),
    queryFn: ({ signal }) => apiRequest<TKpiTrendResponse>('/kpis/trend', { query, signal }),
  });
}
