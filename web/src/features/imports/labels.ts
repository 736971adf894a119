import type { TImportStatus } from '../../../../src/server/imports/schema.js';

/** The words the import screens use for an import's status. */

export const IMPORT_STATUS_LABELS: Record<TImportStatus, string> = {
  uploaded: 'Waiting for its mapping',
  queued: 'Queued',
  running: 'Importing',
  succeeded: 'Finished',
  failed: 'Failed',
};

export const IMPORT_STATUS_COLORS: Record<TImportStatus, string> = {
  uploaded: 'yellow',
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};
