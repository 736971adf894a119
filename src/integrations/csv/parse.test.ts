import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './errors.js';
import { type CsvRecord, readCsv, readCsvHead } from './parse.js';

const directory = mkdtempSync(join(tmpdir(), 'closeout-csv-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
function fileWith(text: string): string {
  files += 1;
  const path = join(directory, `file-${files}.csv`);
  writeFileSync(path, text);
  return path;
}

async function recordsOf(text: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const chunk of readCsv(fileWith(text)).chunks) records.push(...chunk);
  return records;
}

describe('readCsv', () => {
  it('numbers each record by the line it starts on, across quoted line breaks and blank lines', async () => {
    for (const newline of ['\n', '\r\n']) {
      const text = ['a,b', '"one', 'two",1', 'ok,2', '', '"x', 'y', 'z",3', 'last,4'].join(newline);
      const records = await recordsOf(`\uFEFF${text}`);
      expect(records.map((record) => record.line)).toEqual([1, 2, 4, 6, 9]);
      expect(records[1]?.cells).toEqual([`one${newline}two`, '1']);
      expect(records[0]?.cells).toEqual(['a', 'b']);
    }
  });

  it('reads a stray quote in an unquoted cell as written, and short rows as they are', async () => {
    const records = await recordsOf('name,size\n27" monitor,1\nshort\n');
    expect(records.map((record) => record.cells)).toEqual([
      ['name', 'size'],
      ['27" monitor', '1'],
      ['short'],
    ]);
  });

  it('stops at a quote never closed, naming the line', async () => {
    const read = recordsOf('a,b\nok,1\n"never closed,2\nz,3\n');
    await expect(read).rejects.toBeInstanceOf(ImportFileError);
    await expect(read).rejects.toThrow(
      /^Line 3: a quoted value starting in this row is never closed/,
    );
  });
});

describe('readCsvHead', () => {
  it('gives the trimmed column names and the first rows', async () => {
    const head = await readCsvHead(fileWith(' id , name \n1,a\n2,b\n3,c\n'), 2);
    expect(head.columns).toEqual(['id', 'name']);
    expect(head.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('refuses an empty file', async () => {
    await expect(readCsvHead(fileWith(''), 10)).rejects.toThrow('The file is empty');
  });

  it('says when the file does not exist', async () => {
    await expect(readCsvHead(join(directory, 'missing.csv'), 10)).rejects.toThrow(
      'The file does not exist.',
    );
  });
});
