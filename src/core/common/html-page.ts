// One HTML page shape for every page the extension shows or writes (the CE Dashboard, the review panel, the
// printable views, the exported transcript and portfolio), so each gets the same head and the strictest
// Content-Security-Policy its parts allow: nothing loads unless the page's parameters name it.
import { escapeHtml } from './text';

export interface HtmlPage {
  /** The language its words are in (`en`, `es`), so a screen reader reads it right. */
  language: string;
  title: string;
  /**
   * A stylesheet file and the CSP source it is served from, or the page's own CSS. That CSS is ours, never text
   * from notes: it goes into `<style>` as it is (escaping would break it).
   */
  style: { href: string; source: string } | { css: string };
  /** Already escaped. */
  body: string;
  /**
   * A webview's: its script and the nonce, new for each page, that lets that script and the inline style run.
   * Without it the page runs no script and its inline style is allowed as `'unsafe-inline'` (a written file,
   * where a nonce would be the same on every open).
   */
  script?: { src: string; nonce: string };
  /** Where images may come from besides `data:` (a webview's `cspSource`); without it, no image loads. */
  imageSource?: string;
}

/** The page's policy: `default-src 'none'` and a directive for each part the page has. */
export function pagePolicy(page: HtmlPage): string {
  const e = escapeHtml;
  const style = 'href' in page.style ? e(page.style.source) : page.script ? `'nonce-${e(page.script.nonce)}'` : "'unsafe-inline'";
  const directives = ["default-src 'none'", `style-src ${style}`];
  if (page.script) directives.push(`script-src 'nonce-${e(page.script.nonce)}'`);
  if (page.imageSource !== undefined) directives.push(`img-src ${e(page.imageSource)} data:`);
  return directives.join('; ');
}

/** The whole document. */
export function htmlPage(page: HtmlPage): string {
  const e = escapeHtml;
  // Inside <style> nothing is decoded, so the only thing CSS could do is end the element early.
  if ('css' in page.style && /<\/style/i.test(page.style.css)) throw new Error('The page style would end its <style> element.');
  const nonce = page.script ? ` nonce="${e(page.script.nonce)}"` : '';
  const style = 'href' in page.style ? `<link href="${e(page.style.href)}" rel="stylesheet">` : `<style${nonce}>${page.style.css}</style>`;
  const script = page.script ? `<script${nonce} src="${e(page.script.src)}"></script>\n` : '';
  return `<!DOCTYPE html>
<html lang="${e(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(page)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(page.title)}</title>
${style}
</head>
<body>
${page.body}
${script}</body>
</html>
`;
}
