// A short, stable fingerprint of a text: cyrb53 (bryc's public-domain 53-bit hash, two 32-bit FNV-like lanes
// mixed at the end). Not cryptographic: it names things (card ids), it protects nothing. Pure arithmetic, so
// the same text gives the same id in Node, the extension host and a browser.

/** The 53-bit cyrb53 hash of `text` (UTF-16 code units). */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** cyrb53 printed compactly: 11 base-36 characters (`0`-`9`, `a`-`z`), zero-padded so every id has one length. */
export function shortHash(text: string): string {
  return cyrb53(text).toString(36).padStart(11, '0');
}
