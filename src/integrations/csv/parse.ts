import { createReadStream } from 'node:fs';
import { CsvError, type Options, Parser } from 'csv-parse';
import { ImportFileError } from './errors.js';

/**
 * Reads a CSV file as a stream of records, each with the line it starts on. The file is read in
 * chunks with backpressure, so memory stays the same whatever its size; the records of each
 * chunk come together, since stepping through a million records one promise at a time costs
 * more than parsing them. Quotes are relaxed (a `5" monitor` in an unquoted cell is read as
 * written); a record the parser cannot make sense of stops the reading with an ImportFileError
 * naming its line.
 */

export type CsvRecord = {
  /** The line of the file the record starts on, counting from 1. */
  line: number;
  cells: string[];
};

const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * csv-parse counts lines as it goes; when it hands over a record it is on the record's last
 * line, which is the first unless a quoted cell spans several. It counts a CR LF inside a quoted
 * cell as two lines, so those are taken off again.
 */
class LineNumberingParser extends Parser {
  #overcounted = 0;
  #lastLine = 0;
  #chunk: CsvRecord[] = [];

  constructor(options: Options) {
    // csv-parse hands its options on to the stream. Each entry it buffers is a whole chunk of
    // records: one is enough to keep it busy.
    super({ ...options, readableHighWaterMark: 1 } as Options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) {
      this.#pushChunk();
      return super.push(null, encoding);
    }
    const cells = record as string[];
    let breaks = 0;
    for (const cell of cells) {
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      breaks += countOf(cell, /\r\n|\r|\n/g);
      this.#overcounted += countOf(cell, /\r\n/g);
    }
    this.#lastLine = this.info.lines - this.#overcounted;
    this.#chunk.push({ line: this.#lastLine - breaks, cells });
    return true;
  }

  /** Where the record being read starts: the line after the last one handed over. */
  get nextRecordLine(): number {
    return this.#lastLine + 1;
  }

  override _transform(
    chunk: Buffer,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.#pushChunk();
      callback(error);
    });
  }

  #pushChunk(): void {
    if (this.#chunk.length === 0) return;
    super.push(this.#chunk);
    this.#chunk = [];
  }
}

const PARSER_MESSAGES: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE:
    'a quoted value is followed by other characters before the next comma. Put the whole value in quotes and double each quote inside it ("").',
  CSV_QUOTE_NOT_CLOSED:
    'a quoted value starting in this row is never closed, so the rest of the file would be read as part of it. Look for a missing closing quote.',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the row has a different number of values.',
  CSV_MAX_RECORD_SIZE: 'the row is longer than one million characters.',
};

/**
 * Why the parser stopped, in words a user can act on. A quote never closed is reported where
 * its record starts (`recordLine`), not at the end of the file where the parser noticed.
 */
export function fileErrorOf(error: unknown, recordLine?: number): ImportFileError {
  if (error instanceof CsvError) {
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED' && recordLine !== undefined
        ? recordLine
        : (error as CsvError & { lines?: number }).lines;
    const where = line === undefined ? 'The file' : `Line ${line}`;
    const reason = PARSER_MESSAGES[error.code] ?? error.message;
    return new ImportFileError(`${where}: ${reason}`, { cause: error });
  }
  if (error instanceof ImportFileError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return new ImportFileError('The file does not exist.', { cause: error });
  if (code === 'EISDIR')
    return new ImportFileError('That is a folder, not a file.', { cause: error });
  throw error;
}

export type CsvReader = {
  /** The records, a chunk of the file at a time, in file order. */
  chunks: AsyncGenerator<CsvRecord[]>;
  /** Bytes of the file parsed so far. */
  bytesRead(): number;
  /** Stops reading early and releases the file. */
  close(): void;
};

export function readCsv(path: string): CsvReader {
  // Small chunks: records read ahead wait while a batch is written, and records kept waiting
  // that long are moved to the collector's old generation, which grows until a full collection.
  const file = createReadStream(path, { highWaterMark: 16 * 1024 });
  const parser = new LineNumberingParser({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  file.on('error', (error) => parser.destroy(error));
  file.pipe(parser);
  async function* chunks(): AsyncGenerator<CsvRecord[]> {
    try {
      for await (const chunk of parser) yield chunk as CsvRecord[];
    } catch (error) {
      throw fileErrorOf(error, parser.nextRecordLine);
    } finally {
      file.destroy();
    }
  }
  return {
    chunks: chunks(),
    bytesRead: () => parser.info.bytes,
    close: () => {
      file.destroy();
      parser.destroy();
    },
  };
}

/** The records one at a time, for readers of a few rows. */
export async function* recordsOf(reader: CsvReader): AsyncGenerator<CsvRecord> {
  for await (const chunk of reader.chunks) yield* chunk;
}

export type CsvHead = {
  /** The first record's cells: the column names. */
  columns: string[];
  /** The records after it, up to the number asked for. */
  rows: CsvRecord[];
};

/** The column names and the first rows, for the preview and the mapping screen. */
export async function readCsvHead(path: string, rowCount: number): Promise<CsvHead> {
  const reader = readCsv(path);
  let columns: string[] | null = null;
  const rows: CsvRecord[] = [];
  try {
    for await (const record of recordsOf(reader)) {
      if (columns === null) {
        columns = record.cells.map((cell) => cell.trim());
        if (rowCount === 0) break;
        continue;
      }
      rows.push(record);
      if (rows.length >= rowCount) break;
    }
  } finally {
    reader.close();
  }
  if (columns === null || columns.every((column) => column === '')) {
    throw new ImportFileError('The file is empty: its first line should name the columns.');
  }
  return { columns, rows };
}
