import type { ClientDirectory } from './clients.js';
import type { ColumnMapping } from './formats.js';
import type { CsvRecord } from './parse.js';
import {
  Invalid,
  isUuid,
  readBoolean,
  readDay,
  readEmail,
  readInteger,
  readMoment,
  readMoney,
} from './values.js';

/** What the error report says about one cell, or about a whole row when `column` is null. */
export type RowError = { line: number; column: string | null; message: string };

/**
 * One row at a time, read through the mapping: each field's cell, trimmed and converted, with
 * every problem collected against the column it came from, so a row reports all its faults at
 * once. One reader serves the whole file (`begin` moves it to the next row).
 */
export class RowReader {
  readonly #columns: Map<string, { index: number; name: string }>;
  #cells: readonly string[] = [];
  line = 0;
  readonly errors: RowError[] = [];

  /** `columns` are the file's column names, in order; the mapping names them by field. */
  constructor(mapping: ColumnMapping, columns: readonly string[]) {
    this.#columns = new Map();
    for (const [field, name] of Object.entries(mapping)) {
      const index = columns.indexOf(name);
      if (index >= 0) this.#columns.set(field, { index, name });
    }
  }

  /** Moves to the next row; the errors of the last one are cleared, so copy them to keep them. */
  begin(record: CsvRecord): void {
    this.#cells = record.cells;
    this.line = record.line;
    this.errors.length = 0;
  }

  isMapped(field: string): boolean {
    return this.#columns.has(field);
  }

  /** The column a field is read from, for messages; null when it is not mapped. */
  columnOf(field: string): string | null {
    return this.#columns.get(field)?.name ?? null;
  }

  /** The field's cell, trimmed; blank when the field is not mapped or the row is short. */
  cell(field: string): string {
    const column = this.#columns.get(field);
    if (column === undefined) return '';
    return (this.#cells[column.index] ?? '').trim();
  }

  /**
   * Records a fault of the row. A field the mapping leaves out is the mapping's problem, not the
   * row's (the preview reads rows before the mapping is complete), so it is not reported here.
   */
  fail(field: string | null, message: string): void {
    if (field !== null && !this.isMapped(field)) return;
    this.errors.push({
      line: this.line,
      column: field === null ? null : this.columnOf(field),
      message,
    });
  }

  /** The cell read by `read`, or null when blank; an Invalid is recorded as the row's error. */
  value<T>(field: string, read: (text: string) => T | Invalid): T | null {
    const text = this.cell(field);
    if (text === '') return null;
    const value = read(text);
    if (value instanceof Invalid) {
      this.fail(field, value.message);
      return null;
    }
    return value;
  }

  /** Text up to `max` characters; blank is '' (or an error when `required`). */
  text(field: string, max: number, options: { required?: boolean } = {}): string {
    const text = this.cell(field);
    if (text === '' && options.required === true) {
      this.fail(field, 'Required, but the cell is blank.');
    } else if (text.length > max) {
      this.fail(field, `Too long: ${text.length} characters, at most ${max}.`);
    }
    return text;
  }

  /** A calendar day (YYYY-MM-DD); null when blank (or an error when `required`). */
  day(field: string, options: { required?: boolean } = {}): string | null {
    return this.#requiredWhenAsked(field, this.value(field, readDay), options);
  }

  /** A moment as an ISO string in UTC; null when blank (or an error when `required`). */
  moment(field: string, options: { required?: boolean } = {}): string | null {
    return this.#requiredWhenAsked(field, this.value(field, readMoment), options);
  }

  /** Yes or no; blank is no. */
  boolean(field: string): boolean {
    return this.value(field, readBoolean) ?? false;
  }

  money(field: string, options: { required?: boolean } = {}): number | null {
    return this.#requiredWhenAsked(field, this.value(field, readMoney), options);
  }

  integer(field: string, min: number, max: number): number | null {
    return this.value(field, (text) => readInteger(text, min, max));
  }

  email(field: string): string | null {
    return this.value(field, readEmail);
  }

  /**
   * The Closeout id of the row's client: by `client_external_id` (among clients from the same
   * source), else `client_id`, else `client_name`, whichever cell is filled in first.
   */
  client(directory: ClientDirectory): string | null {
    const externalId = this.cell('client_external_id');
    if (externalId !== '') {
      const id = directory.byExternalId(externalId);
      if (id === undefined) {
        this.fail(
          'client_external_id',
          `No client imported from ${directory.sourceLabel} has the external id "${externalId}". Import the clients first, or name the client.`,
        );
      }
      return id ?? null;
    }
    const clientId = this.cell('client_id');
    if (clientId !== '') {
      if (isUuid(clientId) && directory.hasId(clientId)) return clientId.toLowerCase();
      this.fail('client_id', `No client of your organisation has the id "${clientId}".`);
      return null;
    }
    const name = this.cell('client_name');
    if (name !== '') {
      const match = directory.byName(name);
      if (match === 'ambiguous') {
        this.fail(
          'client_name',
          `Several clients are named "${name}"; give the client's external id or Closeout id instead.`,
        );
        return null;
      }
      if (match === undefined) {
        this.fail('client_name', `No client is named "${name}". Add or import the client first.`);
      }
      return match ?? null;
    }
    const mapped = ['client_external_id', 'client_id', 'client_name'].find((field) =>
      this.isMapped(field),
    );
    if (mapped !== undefined)
      this.fail(mapped, 'The row names no client: its client cells are blank.');
    return null;
  }

  #requiredWhenAsked<T>(field: string, value: T | null, options: { required?: boolean }): T | null {
    if (value === null && options.required === true && this.cell(field) === '') {
      this.fail(field, 'Required, but the cell is blank.');
    }
    return value;
  }
}
