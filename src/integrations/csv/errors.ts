import { AppError } from '../../domain/errors.js';

/**
 * The file itself cannot be imported (not CSV, a quote never closed, a column the mapping names
 * is missing): a refusal with a message for the user, never worth retrying.
 */
export class ImportFileError extends AppError {
  constructor(message: string, options: { cause?: unknown; field?: string } = {}) {
    super('validation', message, options);
    this.name = 'ImportFileError';
  }
}
