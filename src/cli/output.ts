import { ZodError } from 'zod';
import { AppError } from '../domain/errors.js';

/** Exit codes: 0 done, 1 an unexpected failure, 2 the command or its input is wrong, 3 busy. */
/** `rowsRefused`: an import ran but refused some rows, a partial success scripts can tell apart. */
export const EXIT = { ok: 0, failure: 1, usage: 2, busy: 3, rowsRefused: 4 } as const;

/** A refusal the user can act on: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof AppError) {
    if (error.code === 'locked') return EXIT.busy;
    return error.status < 500 ? EXIT.usage : EXIT.failure;
  }
  if (error instanceof ZodError) return EXIT.usage;
  return EXIT.failure;
}

export function messageFor(error: unknown): string {
  if (error instanceof AppError && error.field !== undefined)
    return `${error.field}: ${error.message}`;
  if (error instanceof ZodError) {
    return error.issues
      .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
      .join('\n');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A plain text table: one header row, columns padded to their widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
