import { AppError } from '../../domain/errors.js';

/** Imported records are matched by their id in the source, so it may be used only once. */
export const externalIdTaken = (what: string, source: string, externalId: string) =>
  new AppError(
    'conflict',
    `${what} with external id "${externalId}" from ${source} already exists.`,
    { field: 'externalId' },
  );
