/**
 * File names as users give them are kept for the download, made safe first: no folders, no
 * control or reserved characters, no leading dots, and short enough for every file system.
 */

const MAX_NAME_LENGTH = 180;

export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}"*:<>?|]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 11 ? cleaned.slice(dot) : '';
  return `${cleaned.slice(0, MAX_NAME_LENGTH - extension.length)}${extension}`;
}

const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `attachment` always, so a browser saves the file rather than showing it on our origin; the
 * plain `filename` is an ASCII stand-in for clients that ignore `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
