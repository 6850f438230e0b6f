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

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * cyrb53 printed compactly: 11 base-36 characters (`0`-`9`, `a`-`z`), zero-padded so every id has one length;
 * the same text as `toString(36).padStart(11, '0')`, which takes twice as long (every card of a folder gets one).
 */
export function shortHash(text: string): string {
  let n = cyrb53(text);
  let out = '';
  // 36^11 > 2^53: eleven digits hold every hash. (n - digit) / 36 is an exact division, so no digit is lost.
  for (let i = 0; i < 11; i++) {
    const digit = n % 36;
    out = BASE36[digit] + out;
    n = (n - digit) / 36;
  }
  return out;
}
