/**
 * The organisation's logo travels inside each mail as an inline (CID) attachment: most mail
 * programs block remote images and many refuse data: URLs. The stored copy of a mail refers to it
 * by this content id; the outbox view swaps in the logo itself.
 */
export const LOGO_CID = 'organisation-logo@closeout';

/** Marks the logo's `<img>` so it can be taken out when the organisation has no logo by then. */
export const LOGO_MARKER = 'data-organisation-logo';

export type InlineLogo = { filename: string; contentType: string; content: Buffer };

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** The logo of the personalisation (a base64 data: URL), as an attachment; null without one. */
export function logoAttachment(logo: string | null): InlineLogo | null {
  if (logo === null) return null;
  const match = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/=]+)$/.exec(logo);
  if (match === null) return null;
  const [, contentType = '', base64 = ''] = match;
  return {
    filename: `logo.${EXTENSIONS[contentType] ?? 'img'}`,
    contentType,
    content: Buffer.from(base64, 'base64'),
  };
}

const LOGO_IMAGE = new RegExp(`<img [^>]*${LOGO_MARKER}[^>]*>`, 'g');

export const refersToLogo = (html: string): boolean => html.includes(`cid:${LOGO_CID}`);

/**
 * The stored HTML as a browser shows it: the logo inlined as its data: URL, or the image taken
 * out when the organisation has removed its logo since.
 */
export function showLogo(html: string, logo: string | null): string {
  return logo === null ? withoutLogo(html) : html.replaceAll(`cid:${LOGO_CID}`, logo);
}

export const withoutLogo = (html: string): string => html.replace(LOGO_IMAGE, '');
