const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random initial password without look-alike characters, for reading out or pasting once. */
export function generatePassword(length = 20): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let password = '';
  for (const byte of bytes) {
    // Bytes past the last whole multiple of the alphabet would favour its first characters.
    if (byte >= 256 - (256 % ALPHABET.length)) continue;
    password += ALPHABET[byte % ALPHABET.length];
    if (password.length === length) break;
  }
  return password.length === length ? password : generatePassword(length);
}
