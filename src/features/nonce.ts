// The nonce of a webview's Content-Security-Policy, new for each page. Web Crypto: the desktop's Node and the
// browser's web worker both have it (Node's `crypto` module is not in a browser).
export function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
