/** The organisation's logo, decoded from the data: URL the personalisation stores. */
export type Logo = { kind: 'raster'; data: Buffer } | { kind: 'svg'; svg: string };

const DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,([A-Za-z0-9+/=]+)$/;

export function decodeLogo(dataUrl: string | null | undefined): Logo | null {
  if (!dataUrl) return null;
  const match = DATA_URL.exec(dataUrl);
  if (!match) return null;
  const data = Buffer.from(match[2] ?? '', 'base64');
  return match[1] === 'svg+xml'
    ? { kind: 'svg', svg: data.toString('utf8') }
    : { kind: 'raster', data };
}
