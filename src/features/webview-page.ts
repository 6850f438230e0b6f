// A webview's page: the shared page shape (core/common/html-page.ts) with what only the webview knows, its
// resource addresses and CSP source, and a nonce new for each page.
import * as vscode from 'vscode';
import { htmlPage } from '../core/common/html-page';

export interface WebviewPage {
  title: string;
  /** A stylesheet under the extension's `media/` folder, or the page's own CSS (ours, never note text). */
  style: { file: string } | { css: string };
  /** Already escaped. */
  body: string;
  /** The page's script, a file in the extension's `dist/` folder. */
  script: string;
}

/** The HTML of a webview page: its stylesheet, script and images from the extension, nothing else. */
export function webviewPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const address = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return htmlPage({
    language: vscode.env.language,
    title: page.title,
    style: 'file' in page.style ? { href: address('media', page.style.file), source: webview.cspSource } : page.style,
    body: page.body,
    script: { src: address('dist', page.script), nonce: newNonce() },
    imageSource: webview.cspSource,
  });
}

// The nonce of a webview's Content-Security-Policy, new for each page. Web Crypto: the desktop's Node and the
// browser's web worker both have it (Node's `crypto` module is not in a browser).
function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
