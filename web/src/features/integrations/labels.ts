import type { TJobKind, TJobStatus } from '../../../../src/server/integrations/schema.js';

/** The words the integration screens use for the API's enumerations. */

export const JOB_KIND_LABELS: Record<TJobKind, string> = {
  csv_import: 'CSV import',
  psa_sync: 'Ticket sync',
  psa_push_ticket: 'Write-back to the PSA',
  psa_import_clients: 'Client import from the PSA',
};

export const JOB_STATUS_LABELS: Record<TJobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export const JOB_STATUS_COLORS: Record<TJobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};
