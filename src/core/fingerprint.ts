// A short, stable digest of a text: tells the daily run whether what it would apply changed since its last run.

/** Two 32-bit FNV-1a hashes (different offsets) of the UTF-16 code units, as 16 hex digits: collisions are negligible here. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5,
    b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
