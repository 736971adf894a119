import { describe, expect, it } from 'vitest';
import {
  pdfFlatText,
  pdfImages,
  pdfInfo,
  pdfPixels,
  popplerMissing,
  solidPngDataUrl,
} from '../../../test/support/poppler.js';
import { defaultPersonalisation } from '../../blueprint/personalise.js';
import type { TPersonalisation } from '../../blueprint/schema.js';
import { contrastOnWhite, readableAccent } from './colour.js';
import { BUILT_IN_FACES, documentFaces, foldToWinAnsi } from './fonts.js';
import { createBrandedPdf, type Paper } from './index.js';

const svgLogo = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#00aa00"/></svg>',
).toString('base64')}`;

function branded(personalisation: TPersonalisation, paper: Paper = 'a4', rows = 3) {
  const pdf = createBrandedPdf({
    organisation: { name: 'Northwind IT', personalisation },
    title: 'Handover manifest',
    subtitle: 'Contoso Ltd — CO-0007',
    definitionRef: { key: 'msp-11a', version: 3 },
    paper,
    generatedAt: new Date('2026-03-04T10:15:00Z'),
  });
  pdf
    .heading('Credentials')
    .keyValues([
      ['Client', 'Contoso Ltd'],
      ['Contact', null],
    ])
    .table(
      [{ header: 'System' }, { header: 'Item', weight: 2 }, { header: 'Confirmed' }],
      Array.from({ length: rows }, (_, index) => [
        `System ${index + 1}`,
        `Global administrator account number ${index + 1} with a long description that wraps over more than one line of the cell`,
        'yes',
      ]),
    )
    .bullets(['First point', 'Second point'])
    .signatures([
      { role: 'Service Manager', name: 'Ann Smith', signedAt: '4 March 2026' },
      { role: 'Client', name: 'Bob Jones', facts: ['Signed in the client portal'] },
    ]);
  return pdf.end();
}

describe.skipIf(popplerMissing)('branded PDF', () => {
  it('writes title, helpers and a footer with the process version on every page', async () => {
    const bytes = await branded(defaultPersonalisation('Northwind IT'), 'a4', 60);
    const info = await pdfInfo(bytes);
    expect(info.pages).toBeGreaterThan(1);
    expect(Math.round(info.width)).toBe(595);
    const text = await pdfFlatText(bytes);
    expect(text).toContain('Handover manifest');
    expect(text).toContain('Contoso Ltd — CO-0007');
    expect(text).toContain('System 60');
    expect(text).toContain(`Page ${info.pages} of ${info.pages}`);
    expect(text.match(/Process msp-11a v3/g)).toHaveLength(info.pages);
    expect(text).toContain('Generated 4 March 2026 at 10:15 UTC');
    // The table's header row is repeated on the page it runs onto.
    expect(text.match(/System Item Confirmed/g)?.length).toBeGreaterThan(1);
    expect(text).toContain('Ann Smith');
  });

  it('prints on US Letter when asked', async () => {
    const info = await pdfInfo(await branded(defaultPersonalisation('Northwind IT'), 'letter'));
    expect(Math.round(info.width)).toBe(612);
    expect(Math.round(info.height)).toBe(792);
  });

  it('gives the same bytes for the same input', async () => {
    const personalisation = defaultPersonalisation('Northwind IT');
    expect((await branded(personalisation)).equals(await branded(personalisation))).toBe(true);
  });

  it('embeds a PNG logo once and shows it in the header', async () => {
    const bytes = await branded({
      ...defaultPersonalisation('Northwind IT'),
      logo: solidPngDataUrl(40, 20, [220, 0, 0]),
    });
    const images = await pdfImages(bytes);
    expect(images.length).toBeGreaterThan(0);
    expect(images[0]).toMatchObject({ page: 1, width: 40, height: 20 });
    const pixels = await pdfPixels(bytes, { x: 50, y: 20, width: 80, height: 40 });
    expect(pixels.some(([r, g, b]) => r > 180 && g < 60 && b < 60)).toBe(true);
  });

  it('draws an SVG logo as vector shapes', async () => {
    const bytes = await branded({ ...defaultPersonalisation('Northwind IT'), logo: svgLogo });
    const pixels = await pdfPixels(bytes, { x: 50, y: 20, width: 100, height: 40 });
    expect(pixels.some(([r, g, b]) => r < 40 && g > 140 && b < 40)).toBe(true);
  });

  it('has no logo when the organisation has none', async () => {
    expect(await pdfImages(await branded(defaultPersonalisation('Northwind IT')))).toEqual([]);
  });
});

describe.skipIf(popplerMissing)('names in any European script', () => {
  it('prints them as written when DejaVu is installed, else folded to plain letters', async () => {
    const pdf = createBrandedPdf({
      organisation: { name: 'Northwind IT', personalisation: defaultPersonalisation('Northwind') },
      title: 'Łódź Dental sp. z o.o.',
      definitionRef: { key: 'msp-11a', version: 1 },
      paper: 'a4',
      generatedAt: new Date('2026-03-04T10:15:00Z'),
    });
    pdf.paragraph('Contact: Ørsted Ğündoğan, Αθηνά');
    const text = await pdfFlatText(await pdf.end());
    if (documentFaces() === BUILT_IN_FACES) {
      expect(text).toContain('Lódz Dental sp. z o.o.');
      expect(text).toContain('Contact: Ørsted Gundogan, ?????');
    } else {
      expect(text).toContain('Łódź Dental sp. z o.o.');
      expect(text).toContain('Contact: Ørsted Ğündoğan, Αθηνά');
    }
  });
});

describe('folding for the built-in faces', () => {
  it('keeps Western European letters and folds the rest to their base letters', () => {
    expect(foldToWinAnsi('Zürich – “Müller” € Łódź Čapek → 東')).toBe(
      'Zürich – “Müller” € Lódz Capek -> ?',
    );
  });
});

describe('the accent colour', () => {
  it('darkens a pale brand colour until headings read on white', () => {
    expect(contrastOnWhite(readableAccent('#ffe066'))).toBeGreaterThanOrEqual(4.5);
    expect(readableAccent('#1f2328')).toBe('#1f2328');
  });
});
