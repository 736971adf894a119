import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { TPersonalisation } from '../../blueprint/schema.js';
import { readableAccent, textOn } from './colour.js';
import { documentFaces } from './fonts.js';
import { formatMoment } from './format.js';
import { decodeLogo } from './logo.js';
import type { Paper } from './papers.js';

export interface BrandedPdfOptions {
  /** Whose document it is: the name, logo and colour come from the personalisation. */
  organisation: { name: string; personalisation: TPersonalisation };
  title: string;
  subtitle?: string;
  /** The process definition the content follows; every page's footer names it. */
  definitionRef: { key: string; version: number };
  paper: Paper;
  /** Printed in the footer and stored as the PDF's CreationDate, so equal input gives equal bytes. */
  generatedAt: Date;
}

export interface TableColumn {
  header: string;
  /** A relative width: columns share the line in proportion to their weights (default 1). */
  weight?: number;
  align?: 'left' | 'right' | 'center';
}

export interface SignatureParty {
  /** The capacity the party signs in, e.g. the (personalised) role name or "Client". */
  role: string;
  name?: string | null;
  title?: string | null;
  /** When it was signed, already formatted; blank line for signing on paper when absent. */
  signedAt?: string | null;
  /** Facts printed under the signature: where and how it was given. */
  facts?: string[];
}

export type KeyValue = string | null | undefined | { mono: string };

export interface BrandedPdf {
  /** A section heading (level 1) or a sub-heading (level 2), in the organisation's colour. */
  heading(text: string, level?: 1 | 2): BrandedPdf;
  paragraph(text: string, options?: { muted?: boolean; bold?: boolean }): BrandedPdf;
  /**
   * Label–value pairs, labels in a column of their own; empty values print as "—". A value
   * given as `{ mono }` prints in a fixed-width face, small enough for a SHA-256 on one line.
   */
  keyValues(rows: ReadonlyArray<readonly [string, KeyValue]>): BrandedPdf;
  /** A table whose cells wrap; the header row is repeated on every page the table runs onto. */
  table(columns: TableColumn[], rows: string[][], options?: { emptyText?: string }): BrandedPdf;
  bullets(items: string[]): BrandedPdf;
  /** Signature boxes, two to a line, never split across a page break. */
  signatures(parties: SignatureParty[]): BrandedPdf;
  /** Vertical space in lines of body text. */
  space(lines?: number): BrandedPdf;
  /** The pdfkit document for anything the helpers do not cover. */
  readonly doc: PDFKit.PDFDocument;
  /** Writes the footers (page x of y) and finishes the document. */
  end(): Promise<Buffer>;
}

const MARGIN = 50;
const CONTENT_TOP = 78;
const BOTTOM = 60;
const BODY_SIZE = 10;
const TEXT = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const STRIPE = '#f4f6f8';
const CELL_PAD = 4;

/**
 * Starts a branded document: the organisation's logo and name in every page's header above an
 * accent band of its colour, the title (and subtitle) on the first page, and a footer on every
 * page with "Process <key> v<version>", the generated date and "Page x of y".
 *
 * ```ts
 * const pdf = createBrandedPdf({ organisation, title: 'Handover manifest', subtitle: client,
 *   definitionRef: { key, version }, paper: 'a4', generatedAt });
 * pdf.heading('Credentials').table([{ header: 'System' }, { header: 'Item', weight: 2 }], rows);
 * const bytes = await pdf.end();
 * ```
 */
export function createBrandedPdf(options: BrandedPdfOptions): BrandedPdf {
  const faces = documentFaces();
  const printable = faces.printable;
  const { personalisation } = options.organisation;
  const brand = personalisation.primaryColor;
  const accent = readableAccent(brand);
  const doc = new PDFDocument({
    size: options.paper === 'letter' ? 'LETTER' : 'A4',
    margins: { top: CONTENT_TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    bufferPages: true,
    info: {
      Title: options.title,
      Subject: options.subtitle ?? options.title,
      Author: options.organisation.name,
      Creator: 'Closeout',
      Producer: 'Closeout',
      CreationDate: options.generatedAt,
      ModDate: options.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const logo = decodeLogo(personalisation.logo);
  // Opened once so the logo is embedded once however many pages show it (missing from @types).
  const raster =
    logo?.kind === 'raster'
      ? (doc as PDFKit.PDFDocument & { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(
          logo.data,
        )
      : null;
  const width = () => doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - BOTTOM;
  const body = () => doc.font(faces.regular).fontSize(BODY_SIZE).fillColor(TEXT);

  function drawHeader(): void {
    doc.save();
    doc.rect(0, 0, doc.page.width, 8).fill(brand);
    const logoBox: [number, number] = [160, 40];
    if (raster) doc.image(raster, MARGIN, 20, { fit: logoBox, valign: 'center' });
    else if (logo?.kind === 'svg') {
      SVGtoPDF(doc, logo.svg, MARGIN, 20, {
        width: logoBox[0],
        height: logoBox[1],
        preserveAspectRatio: 'xMinYMid meet',
      });
    }
    doc
      .font(faces.bold)
      .fontSize(9)
      .fillColor(MUTED)
      .text(printable(options.organisation.name), MARGIN, 34, {
        width: width(),
        align: 'right',
        lineBreak: false,
      });
    doc
      .moveTo(MARGIN, 66)
      .lineTo(doc.page.width - MARGIN, 66)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.restore();
    doc.x = MARGIN;
    doc.y = CONTENT_TOP;
    body();
  }

  function ensureSpace(height: number): void {
    if (doc.y + height > bottom()) doc.addPage();
  }

  doc.on('pageAdded', drawHeader);
  doc.addPage();
  doc
    .font(faces.bold)
    .fontSize(18)
    .fillColor(accent)
    .text(printable(options.title), MARGIN, doc.y, {
      width: width(),
    });
  if (options.subtitle) {
    doc
      .moveDown(0.2)
      .font(faces.regular)
      .fontSize(11)
      .fillColor(MUTED)
      .text(printable(options.subtitle), {
        width: width(),
      });
  }
  doc.moveDown(0.8);
  body();

  const pdf: BrandedPdf = {
    doc,
    heading(raw, level = 1) {
      const text = printable(raw);
      const size = level === 1 ? 13 : 11;
      doc.font(faces.bold).fontSize(size);
      // Keep a heading with at least a few lines of what it introduces.
      ensureSpace(doc.heightOfString(text, { width: width() }) + 48);
      doc.moveDown(level === 1 ? 0.6 : 0.3);
      doc.fillColor(accent).text(text, MARGIN, doc.y, { width: width() });
      if (level === 1) {
        doc
          .moveTo(MARGIN, doc.y + 1)
          .lineTo(MARGIN + width(), doc.y + 1)
          .lineWidth(1)
          .strokeColor(brand)
          .stroke();
      }
      doc.moveDown(0.4);
      body();
      return pdf;
    },
    paragraph(raw, { muted = false, bold = false } = {}) {
      const text = printable(raw);
      body();
      doc
        .font(bold ? faces.bold : faces.regular)
        .fillColor(muted ? MUTED : TEXT)
        .text(text, MARGIN, doc.y, { width: width(), lineGap: 2 });
      doc.moveDown(0.5);
      body();
      return pdf;
    },
    keyValues(rows) {
      const labelWidth = Math.min(170, width() * 0.35);
      const valueWidth = width() - labelWidth - 10;
      for (const [rawLabel, raw] of rows) {
        const label = printable(rawLabel);
        const mono = typeof raw === 'object' && raw !== null;
        const text = mono ? raw.mono : raw;
        const value = text === null || text === undefined || text === '' ? '—' : printable(text);
        const valueFont = () =>
          mono ? doc.font(faces.mono).fontSize(8) : doc.font(faces.regular).fontSize(BODY_SIZE);
        doc.font(faces.bold).fontSize(BODY_SIZE);
        const labelHeight = doc.heightOfString(label, { width: labelWidth });
        valueFont();
        const valueHeight = doc.heightOfString(value, { width: valueWidth, lineGap: 1 });
        const height = Math.max(labelHeight, valueHeight);
        ensureSpace(height + 4);
        const top = doc.y;
        doc
          .font(faces.bold)
          .fontSize(BODY_SIZE)
          .fillColor(MUTED)
          .text(label, MARGIN, top, { width: labelWidth });
        valueFont()
          .fillColor(TEXT)
          .text(value, MARGIN + labelWidth + 10, top + (mono ? 1.5 : 0), {
            width: valueWidth,
            lineGap: 1,
          });
        doc.x = MARGIN;
        doc.y = top + height + 4;
      }
      doc.moveDown(0.4);
      body();
      return pdf;
    },
    table(columns, rawRows, { emptyText = 'None.' } = {}) {
      if (rawRows.length === 0) return pdf.paragraph(emptyText, { muted: true });
      const rows = rawRows.map((row) => row.map(printable));
      const total = columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);
      const widths = columns.map((column) => (width() * (column.weight ?? 1)) / total);
      const fontSize = 9;
      const heightOf = (cells: string[], font: string) => {
        doc.font(font).fontSize(fontSize);
        return (
          Math.max(
            ...cells.map((cell, index) =>
              doc.heightOfString(cell || ' ', { width: (widths[index] ?? 0) - CELL_PAD * 2 }),
            ),
          ) +
          CELL_PAD * 2
        );
      };
      const drawRow = (cells: string[], font: string, fill: string | null, colour: string) => {
        const height = heightOf(cells, font);
        const top = doc.y;
        if (fill) doc.rect(MARGIN, top, width(), height).fill(fill);
        let x = MARGIN;
        cells.forEach((cell, index) => {
          const cellWidth = widths[index] ?? 0;
          doc
            .font(font)
            .fontSize(fontSize)
            .fillColor(colour)
            .text(cell, x + CELL_PAD, top + CELL_PAD, {
              width: cellWidth - CELL_PAD * 2,
              align: columns[index]?.align ?? 'left',
            });
          x += cellWidth;
        });
        doc
          .moveTo(MARGIN, top + height)
          .lineTo(MARGIN + width(), top + height)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
        doc.x = MARGIN;
        doc.y = top + height;
      };
      const headers = columns.map((column) => printable(column.header));
      const drawHeaderRow = () => drawRow(headers, faces.bold, brand, textOn(brand));
      ensureSpace(heightOf(headers, faces.bold) + heightOf(rows[0] ?? [], faces.regular));
      drawHeaderRow();
      rows.forEach((row, index) => {
        if (doc.y + heightOf(row, faces.regular) > bottom()) {
          doc.addPage();
          drawHeaderRow();
        }
        drawRow(row, faces.regular, index % 2 === 1 ? STRIPE : null, TEXT);
      });
      doc.moveDown(0.8);
      body();
      return pdf;
    },
    bullets(items) {
      body();
      for (const item of items.map(printable)) {
        const height = doc.heightOfString(item, { width: width() - 14, lineGap: 1 });
        ensureSpace(height);
        const top = doc.y;
        doc.fillColor(accent).text('•', MARGIN, top, { width: 10 });
        doc.fillColor(TEXT).text(item, MARGIN + 14, top, { width: width() - 14, lineGap: 1 });
        doc.x = MARGIN;
        doc.y = top + height + 3;
      }
      doc.moveDown(0.4);
      return pdf;
    },
    signatures(parties) {
      const gap = 24;
      const boxWidth = (width() - gap) / 2;
      for (let start = 0; start < parties.length; start += 2) {
        const pair = parties.slice(start, start + 2);
        const lines = (party: SignatureParty) =>
          [
            [party.name, party.title].filter(Boolean).join(', ') || 'Name:',
            party.role,
            party.signedAt ? `Signed ${party.signedAt}` : 'Date:',
            ...(party.facts ?? []),
          ].map(printable);
        doc.font(faces.regular).fontSize(9);
        const height =
          40 +
          Math.max(
            ...pair.map((party) =>
              doc.heightOfString(lines(party).join('\n'), { width: boxWidth, lineGap: 1 }),
            ),
          );
        ensureSpace(height + 10);
        const top = doc.y;
        pair.forEach((party, index) => {
          const x = MARGIN + index * (boxWidth + gap);
          if (party.signedAt) {
            doc
              .font(faces.oblique)
              .fontSize(10)
              .fillColor(accent)
              .text(printable(`Signed: ${party.name ?? party.role}`), x, top + 14, {
                width: boxWidth,
              });
          }
          doc
            .moveTo(x, top + 32)
            .lineTo(x + boxWidth, top + 32)
            .lineWidth(0.8)
            .strokeColor(TEXT)
            .stroke();
          const [who, role, when, ...facts] = lines(party);
          doc
            .font(faces.bold)
            .fontSize(9)
            .fillColor(TEXT)
            .text(who ?? '', x, top + 36, { width: boxWidth });
          doc
            .font(faces.regular)
            .fillColor(MUTED)
            .text(role ?? '', { width: boxWidth });
          doc.fillColor(TEXT).text(when ?? '', { width: boxWidth });
          for (const fact of facts)
            doc.fillColor(MUTED).text(fact, { width: boxWidth, lineGap: 1 });
        });
        doc.x = MARGIN;
        doc.y = top + height + 10;
      }
      body();
      return pdf;
    },
    space(lines = 1) {
      doc.moveDown(lines);
      return pdf;
    },
    async end() {
      const range = doc.bufferedPageRange();
      const generated = `Generated ${formatMoment(options.generatedAt)}`;
      const process = printable(
        `Process ${options.definitionRef.key} v${options.definitionRef.version}`,
      );
      for (let index = range.start; index < range.start + range.count; index += 1) {
        doc.switchToPage(index);
        // Writing below the bottom margin would otherwise start a new page.
        doc.page.margins.bottom = 0;
        const y = doc.page.height - 38;
        doc
          .moveTo(MARGIN, y - 8)
          .lineTo(doc.page.width - MARGIN, y - 8)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
        doc.font(faces.regular).fontSize(8).fillColor(MUTED);
        doc.text(process, MARGIN, y, { width: width(), align: 'left', lineBreak: false });
        doc.text(generated, MARGIN, y, { width: width(), align: 'center', lineBreak: false });
        doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN, y, {
          width: width(),
          align: 'right',
          lineBreak: false,
        });
        doc.page.margins.bottom = BOTTOM;
      }
      doc.end();
      return finished;
    },
  };
  return pdf;
}
