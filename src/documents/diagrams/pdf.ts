import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { type Diagram, PAPERS, type Paper, PRINT_MARGIN } from './page.js';
import { escapeXml } from './svg.js';

/**
 * A diagram as a one-page PDF on A3 or 11×17 landscape: the SVG drawn as vectors by
 * svg-to-pdfkit, centred inside the printable margin. pdfkit embeds PNG and JPEG logos itself;
 * an SVG logo is drawn as vectors in the box the diagram left for it.
 */

export type DiagramPdfOptions = {
  diagram: Diagram;
  paper: Paper;
  author: string;
  /** Stored as the PDF's creation date, so the same drawing gives the same document. */
  generatedAt: Date;
};

function svgLogo(href: string): string | null {
  const match = /^data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)$/.exec(href);
  return match === null ? null : Buffer.from(match[1] ?? '', 'base64').toString('utf8');
}

export function diagramPdf(options: DiagramPdfOptions): Promise<Buffer> {
  const { diagram, paper, author, generatedAt } = options;
  const page = PAPERS[paper];
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    info: {
      Title: diagram.title,
      Author: author,
      Creator: 'Closeout',
      CreationDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const scale = Math.min(
    (page.width - 2 * PRINT_MARGIN) / diagram.width,
    (page.height - 2 * PRINT_MARGIN) / diagram.height,
  );
  const x = (page.width - diagram.width * scale) / 2;
  const y = (page.height - diagram.height * scale) / 2;
  const logoSvg = diagram.logo === null ? null : svgLogo(diagram.logo.href);
  // pdfkit cannot open an SVG as an image: that <image> is left out and the logo drawn below.
  const svg =
    logoSvg === null || diagram.logo === null
      ? diagram.markup
      : diagram.markup.replace(`<image href="${escapeXml(diagram.logo.href)}"`, '<g data-logo=""');
  SVGtoPDF(doc, svg, x, y, {
    width: diagram.width * scale,
    height: diagram.height * scale,
    assumePt: true,
  });
  if (logoSvg !== null && diagram.logo !== null) {
    SVGtoPDF(doc, logoSvg, x + diagram.logo.x * scale, y + diagram.logo.y * scale, {
      width: diagram.logo.width * scale,
      height: diagram.logo.height * scale,
      preserveAspectRatio: 'xMinYMid meet',
    });
  }
  doc.end();
  return done;
}

export const pdfFileSuffix = (paper: Paper) => PAPERS[paper].label;
