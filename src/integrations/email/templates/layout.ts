import type { TPersonalisation } from '../../../blueprint/schema.js';
import { LOGO_CID, LOGO_MARKER } from '../logo.js';
import { textColourOn } from './colour.js';
import { escapeHtml } from './escape.js';

/**
 * The one layout of every mail: the organisation's colour as the header band with its logo and
 * name, the content, and a footer. Content is described once as blocks and rendered twice, as
 * HTML (inline CSS, tables: what mail programs render alike) and as the plain-text alternative.
 */

/** What a mail needs of the organisation: its personalisation, or these parts of it. */
export type MailBrand = Pick<TPersonalisation, 'organisationName' | 'logo' | 'primaryColor'>;

export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | {
      kind: 'list';
      heading: string;
      items: { text: string; detail?: string; url?: string }[];
    };

export type RenderedMail = { subject: string; text: string; html: string };

const FONT = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = '#1f2328';
const MUTED = '#59636e';
const BORDER = '#d1d9e0';

const paragraphHtml = (text: string) =>
  `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:${TEXT}">${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;

function blockHtml(block: MailBlock, brand: MailBrand): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphHtml(block.text);
    case 'button':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:${brand.primaryColor}"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:12px 22px;font-size:15px;font-weight:600;color:${textColourOn(brand.primaryColor)};text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a></td></tr></table>
<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${MUTED}">If the button does not work, copy this address into your browser:<br><a href="${escapeHtml(block.url)}" style="color:${TEXT};word-break:break-all">${escapeHtml(block.url)}</a></p>`;
    case 'facts':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;font-size:14px">${block.rows
        .map(
          (row) =>
            `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;color:${MUTED};font-weight:600">${escapeHtml(row.label)}</th><td style="padding:4px 0;color:${TEXT}">${escapeHtml(row.value).replaceAll('\n', '<br>')}</td></tr>`,
        )
        .join('')}</table>`;
    case 'list':
      return `<h2 style="margin:24px 0 8px;font-size:16px;color:${TEXT}">${escapeHtml(block.heading)}</h2><ul style="margin:0 0 16px;padding-left:20px;font-size:14px;line-height:1.5;color:${TEXT}">${block.items
        .map((item) => {
          const text =
            item.url === undefined
              ? escapeHtml(item.text)
              : `<a href="${escapeHtml(item.url)}" style="color:${TEXT}">${escapeHtml(item.text)}</a>`;
          const detail =
            item.detail === undefined
              ? ''
              : `<br><span style="color:${MUTED}">${escapeHtml(item.detail)}</span>`;
          return `<li style="margin-bottom:6px">${text}${detail}</li>`;
        })
        .join('')}</ul>`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'button':
      return `${block.label}:\n${block.url}`;
    case 'facts':
      return block.rows.map((row) => `${row.label}: ${row.value}`).join('\n');
    case 'list':
      return [
        block.heading,
        ...block.items.map(
          (item) =>
            `- ${item.text}${item.detail === undefined ? '' : ` (${item.detail})`}${item.url === undefined ? '' : `\n  ${item.url}`}`,
        ),
      ].join('\n');
  }
}

function headerHtml(brand: MailBrand): string {
  const colour = textColourOn(brand.primaryColor);
  const logo =
    brand.logo === null
      ? ''
      : `<img src="cid:${LOGO_CID}" ${LOGO_MARKER} alt="" height="40" style="display:block;height:40px;max-width:200px;margin:0 0 8px;border:0">`;
  return `<td style="background:${brand.primaryColor};color:${colour};padding:20px 28px;border-radius:8px 8px 0 0">${logo}<div style="font-size:18px;font-weight:700;color:${colour}">${escapeHtml(brand.organisationName)}</div></td>`;
}

export function renderMail(options: {
  brand: MailBrand;
  subject: string;
  /** "Hello Grace," */
  greeting: string;
  blocks: MailBlock[];
  /** Why the reader gets this mail. */
  footer: string;
}): RenderedMail {
  const { brand, subject, greeting, blocks, footer } = options;
  const text = [
    greeting,
    ...blocks.map(blockText),
    `--\n${brand.organisationName}\n${footer}`,
  ].join('\n\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid ${BORDER};border-radius:8px;font-family:${FONT}">
<tr>${headerHtml(brand)}</tr>
<tr><td style="padding:28px">${paragraphHtml(greeting)}${blocks.map((block) => blockHtml(block, brand)).join('\n')}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid ${BORDER};font-size:12px;line-height:1.5;color:${MUTED}">${escapeHtml(brand.organisationName)} · ${escapeHtml(footer)}</td></tr>
</table></td></tr></table>
</body></html>`;
  return { subject, text, html };
}
