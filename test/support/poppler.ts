import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';

/**
 * Poppler's command-line tools (Debian's poppler-utils) for reading back the PDFs we write.
 * CI installs them; `popplerMissing` lets a suite skip with the reason when a machine lacks them.
 */

const run = promisify(execFile);

async function available(): Promise<boolean> {
  try {
    await run('pdftotext', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** Why PDF tests are skipped on this machine, or null when pdftotext is installed. */
export const popplerMissing: string | null = (await available())
  ? null
  : 'pdftotext (poppler-utils) is not installed';

async function withFile<T>(
  pdf: Buffer,
  work: (path: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, pdf);
    return await work(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in reading order, pages separated by form feeds. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withFile(pdf, async (path) => (await run('pdftotext', ['-layout', path, '-'])).stdout);
}

/** The PDF's text in the order it was drawn (`pdftotext -raw`), for checking what follows what. */
export function pdfRawText(pdf: Buffer): Promise<string> {
  return withFile(pdf, async (path) => (await run('pdftotext', ['-raw', path, '-'])).stdout);
}

/** The text with runs of white space collapsed, so a phrase wrapped across lines still matches. */
export async function pdfFlatText(pdf: Buffer): Promise<string> {
  return (await withFile(pdf, async (path) => (await run('pdftotext', [path, '-'])).stdout))
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
  type: string;
}

/** The raster images embedded in the PDF (`pdfimages -list`). */
export function pdfImages(pdf: Buffer): Promise<PdfImage[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfimages', ['-list', path]);
    return stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length > 4)
      .map(([page, , type, width, height]) => ({
        page: Number(page),
        type: type ?? '',
        width: Number(width),
        height: Number(height),
      }));
  });
}

/** The page count from `pdfinfo`, with its page size in points. */
export function pdfInfo(pdf: Buffer): Promise<{ pages: number; width: number; height: number }> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
  });
}

/**
 * The RGB pixels of a rectangle of the first page rendered at 72 dpi (`pdftoppm`), so one
 * pixel is one PDF point: checks that something is drawn where the logo belongs.
 */
export function pdfPixels(
  pdf: Buffer,
  region: { x: number; y: number; width: number; height: number },
): Promise<Array<[number, number, number]>> {
  return withFile(pdf, async (path, dir) => {
    await run('pdftoppm', [
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      String(region.x),
      '-y',
      String(region.y),
      '-W',
      String(region.width),
      '-H',
      String(region.height),
      path,
      join(dir, 'page'),
    ]);
    const file = (await readdir(dir)).find((name) => name.endsWith('.ppm'));
    if (!file) throw new Error('pdftoppm wrote no image');
    return parsePpm(await readFile(join(dir, file)));
  });
}

function parsePpm(ppm: Buffer): Array<[number, number, number]> {
  // Binary P6: "P6\n<width> <height>\n<max>\n" then RGB triples.
  const header = ppm.subarray(0, 64).toString('latin1');
  const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PPM image');
  const pixels: Array<[number, number, number]> = [];
  for (let offset = match[0].length; offset + 2 < ppm.length; offset += 3) {
    pixels.push([ppm[offset] ?? 0, ppm[offset + 1] ?? 0, ppm[offset + 2] ?? 0]);
  }
  return pixels;
}

/** A solid-colour PNG logo as a data: URL, built by hand so tests need no image library. */
export function solidPngDataUrl(
  width: number,
  height: number,
  [r, g, b]: [number, number, number],
): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
