/**
 * The browser's own SHA-256 (SubtleCrypto) of a received file. SubtleCrypto digests a whole
 * buffer, not a stream, so only a file that fits in memory comfortably is read; for a larger one
 * the client computes the checksum on its computer and pastes it.
 */

/** The largest file the browser checks itself: beyond it, reading it at once risks the tab. */
export const BROWSER_CHECK_LIMIT_BYTES = 500_000_000;

export async function sha256OfFile(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await file.arrayBuffer()));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The checksum in what a tool printed (`sha256sum` adds the file's name, `Get-FileHash` a table
 * in capitals): its 64 hex digits in lower case, or the text as it is when it holds none.
 */
export function normaliseChecksum(text: string): string {
  return text.match(/\b[0-9a-fA-F]{64}\b/)?.[0]?.toLowerCase() ?? text.trim();
}

export const isChecksum = (text: string): boolean => SHA256.test(text.trim().toLowerCase());
