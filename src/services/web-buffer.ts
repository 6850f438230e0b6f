// Injected by esbuild as `Buffer` into the browser bundle only (a web worker has no Buffer). gray-matter calls
// `Buffer.from(text)` on every parse to keep the untouched original (file.orig), which we never read: bytes of
// the text are all it needs. Nothing of ours uses Buffer.
export const Buffer = {
  from: (text: string): Uint8Array => new TextEncoder().encode(text),
  isBuffer: (): boolean => false,
};
