import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { identifyFile } from './identify.js';
import { attachmentDisposition, safeFileName } from './names.js';
import { openStoredFile, removeStoredFile, saveFile, storedFilePath } from './store.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(200)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]);

const tarHead = () => {
  const head = Buffer.alloc(1024);
  head.write('backup/', 0, 'latin1');
  head.write('ustar', 257, 'latin1');
  return head;
};

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected a refusal.');
};

describe('identifyFile', () => {
  it('tells evidence kinds by their leading bytes and keeps names that fit', () => {
    expect(identifyFile('task_evidence', PDF, 'firewall.pdf')).toEqual({
      fileName: 'firewall.pdf',
      contentType: 'application/pdf',
      kind: 'pdf',
    });
    expect(identifyFile('handover_evidence', PNG, 'Screenshot.PNG').contentType).toBe('image/png');
    expect(identifyFile('task_evidence', ZIP, 'licences.xlsx').contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(identifyFile('task_evidence', ZIP, 'logs.zip').contentType).toBe('application/zip');
    expect(identifyFile('task_evidence', Buffer.from('a,b\n1,2\n'), 'agents.csv').contentType).toBe(
      'text/csv; charset=utf-8',
    );
    expect(
      identifyFile('task_evidence', Buffer.from('From: noc@msp.example\r\n\r\nDone.'), 'mail.eml')
        .contentType,
    ).toBe('message/rfc822');
  });

  it('gives a name without an extension the one of its kind', () => {
    expect(identifyFile('task_evidence', PDF, 'scan').fileName).toBe('scan.pdf');
  });

  it('refuses a program whatever its name, naming the file', () => {
    const error = refusal(() => identifyFile('task_evidence', EXE, 'invoice.pdf'));
    expect(error.code).toBe('unsupported_type');
    expect(error.status).toBe(415);
    expect(error.field).toBe('file');
    expect(error.message).toContain('.pdf');
  });

  it('refuses a name that promises another kind than the content', () => {
    const error = refusal(() => identifyFile('task_evidence', PDF, 'report.exe'));
    expect(error.field).toBe('fileName');
    expect(error.message).toBe(
      'The name ends in .exe, but the file is a PDF document: name it .pdf.',
    );
  });

  it('accepts archives only as backup copies', () => {
    expect(identifyFile('backup_copy', tarHead(), 'fs01.tar').contentType).toBe(
      'application/x-tar',
    );
    expect(identifyFile('backup_copy', GZIP, 'fs01.tar.gz').contentType).toBe('application/gzip');
    expect(refusal(() => identifyFile('backup_copy', PDF, 'fs01.pdf')).code).toBe(
      'unsupported_type',
    );
    expect(refusal(() => identifyFile('task_evidence', GZIP, 'fs01.gz')).code).toBe(
      'unsupported_type',
    );
  });

  it('refuses an empty file', () => {
    expect(refusal(() => identifyFile('task_evidence', Buffer.alloc(0), 'a.txt')).field).toBe(
      'file',
    );
  });
});

describe('file names', () => {
  it('drops folders, control characters and leading dots', () => {
    expect(safeFileName('C:\\Users\\sam\\..\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('a\u0000b\r\n"c".txt')).toBe('a_b___c_.txt');
    const long = safeFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(180);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('sends an attachment with an ASCII stand-in and the UTF-8 name', () => {
    expect(attachmentDisposition('Übergabe "final".pdf')).toBe(
      `attachment; filename="_bergabe _final_.pdf"; filename*=UTF-8''%C3%9Cbergabe%20%22final%22.pdf`,
    );
  });
});

describe('saveFile', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'closeout-files-'));
  const orgId = randomUUID();

  /** A stream that delivers `content` in small chunks, as a network upload does. */
  const chunked = (content: Buffer, size = 1000) =>
    Readable.from(
      Array.from({ length: Math.ceil(content.length / size) }, (_, index) =>
        content.subarray(index * size, (index + 1) * size),
      ),
    );

  const save = (content: Buffer, fileName: string, maxBytes = 1_000_000, fileId = randomUUID()) =>
    saveFile({
      dataDir,
      orgId,
      fileId,
      purpose: 'task_evidence',
      fileName,
      source: chunked(content),
      maxBytes,
    });

  const leftovers = async () => (await readdir(join(dataDir, 'files', orgId))).sort();

  it('stores the bytes with their size and SHA-256, readable and removable', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50_000, 0x41)]);
    const fileId = randomUUID();
    const saved = await save(content, 'report.pdf', 1_000_000, fileId);
    expect(saved).toEqual({
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      kind: 'pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(await readFile(storedFilePath(dataDir, orgId, fileId))).toEqual(content);
    const stream = await openStoredFile(dataDir, orgId, fileId);
    expect((await text(stream)).length).toBe(content.length);
    await removeStoredFile(dataDir, orgId, fileId);
    await expect(openStoredFile(dataDir, orgId, fileId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a file past the limit while it streams, leaving nothing behind', async () => {
    const before = await leftovers().catch(() => []);
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x41)]);
    await expect(save(content, 'big.pdf', 10_000)).rejects.toMatchObject({
      code: 'too_large',
      field: 'file',
    });
    expect(await leftovers()).toEqual(before);
  });

  it('refuses a declared length past the limit before reading', async () => {
    const source = chunked(PDF);
    await expect(
      saveFile({
        dataDir,
        orgId,
        fileId: randomUUID(),
        purpose: 'task_evidence',
        fileName: 'a.pdf',
        source,
        maxBytes: 10,
        declaredBytes: 11,
      }),
    ).rejects.toMatchObject({ code: 'too_large' });
  });

  it('refuses a renamed program and keeps no part of it', async () => {
    const before = await leftovers();
    const program = Buffer.concat([EXE, Buffer.alloc(30_000, 0x90)]);
    await expect(save(program, 'setup.pdf')).rejects.toMatchObject({
      code: 'unsupported_type',
      field: 'file',
    });
    expect(await leftovers()).toEqual(before);
  });

  it('never writes outside its folder', () => {
    expect(() => storedFilePath(dataDir, orgId, '../../etc/passwd')).toThrow(AppError);
  });
});
