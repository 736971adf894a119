import type { TDiagramFormat, TDiagramPaper } from '../../../src/server/diagrams/schema.js';
import { API_BASE } from './http.js';

/**
 * Where the diagrams download from. The screen draws the same diagrams itself from the
 * definition it already holds (one renderer, src/documents/diagrams); the files come from the
 * API, so a link can be shared and the PDF is made where pdfkit runs.
 */

export type DiagramDownload = { format: TDiagramFormat; paper?: TDiagramPaper };

const withQuery = (path: string, query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
};

export function processDiagramUrl(
  diagram: 'overview' | 'life-cycle',
  download: DiagramDownload,
  version?: number,
): string {
  return withQuery(`/process/diagrams/${diagram}.${download.format}`, {
    version,
    paper: download.format === 'pdf' ? download.paper : undefined,
  });
}

export function closeoutDiagramUrl(closeoutId: string, download: DiagramDownload): string {
  return withQuery(`/closeouts/${encodeURIComponent(closeoutId)}/diagram.${download.format}`, {
    paper: download.format === 'pdf' ? download.paper : undefined,
  });
}
