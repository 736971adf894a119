export type {
  BrandedPdf,
  BrandedPdfOptions,
  KeyValue,
  SignatureParty,
  TableColumn,
} from './builder.js';
export { createBrandedPdf } from './builder.js';
export { formatBytes, formatDay, formatMoment } from './format.js';
export { PAPERS, type Paper } from './papers.js';
