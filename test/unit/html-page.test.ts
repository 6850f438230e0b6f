import assert from 'node:assert/strict';
import { htmlPage, type HtmlPage } from '../../src/core/common/html-page';
import { cspOf } from '../csp';

const WEBVIEW_SOURCE = "'self' https://*.vscode-cdn.net";
const NONCE = '0123456789abcdef0123456789abcdef';
const page = (parts: Partial<HtmlPage>): HtmlPage => ({ language: 'en', title: 'Title', style: { css: 'body { color: #111; }' }, body: '<p>Body</p>', ...parts });

describe('htmlPage', () => {
  it('a written page: nothing loads, only its own inline style applies, no script', () => {
    const html = htmlPage(page({}));
    assert.deepEqual(cspOf(html), { 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"] });
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes('<style>body { color: #111; }</style>'));
    assert.ok(html.includes('<body>\n<p>Body</p>\n</body>\n</html>\n'));
  });

  it('a webview with a stylesheet: the stylesheet and images from the webview, data: images, the one nonce\'d script', () => {
    const html = htmlPage(page({ style: { href: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.css', source: WEBVIEW_SOURCE }, script: { src: 'https://x/dist/webview.js', nonce: NONCE }, imageSource: WEBVIEW_SOURCE }));
    assert.deepEqual(cspOf(html), {
      'default-src': ["'none'"],
      'style-src': ["'self'", 'https://*.vscode-cdn.net'],
      'script-src': [`'nonce-${NONCE}'`],
      'img-src': ["'self'", 'https://*.vscode-cdn.net', 'data:'],
    });
    assert.ok(html.includes('<link href="https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.css" rel="stylesheet">'));
    assert.ok(!html.includes('<style'));
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="${NONCE}" src="https://x/dist/webview.js">`]);
  });

  it('a webview with its own style: the style and the script run under the same nonce, nothing inline otherwise', () => {
    const html = htmlPage(page({ script: { src: 'https://x/dist/transcript-webview.js', nonce: NONCE }, imageSource: WEBVIEW_SOURCE }));
    assert.deepEqual(cspOf(html), {
      'default-src': ["'none'"],
      'style-src': [`'nonce-${NONCE}'`],
      'script-src': [`'nonce-${NONCE}'`],
      'img-src': ["'self'", 'https://*.vscode-cdn.net', 'data:'],
    });
    assert.ok(html.includes(`<style nonce="${NONCE}">body { color: #111; }</style>`));
  });

  it('escapes everything it puts in the head, so no value leaves its attribute or element', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = htmlPage(page({ language: hostile, title: `</title>${hostile}`, style: { href: hostile, source: `x${hostile}` }, script: { src: hostile, nonce: hostile }, imageSource: hostile }));
    assert.deepEqual(html.match(/<script[^>]*>/g)?.length, 1, 'only the page\'s own script element');
    assert.ok(!html.includes('</title><'));
    assert.ok(html.includes('<html lang="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'));
    assert.ok(html.includes('<link href="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="stylesheet">'));
    // The policy's attribute holds, and a browser reads the hostile values back as the sources they were.
    assert.deepEqual(cspOf(html)['img-src'], ['"><script>alert(1)</script>', 'data:']);
  });

  it('refuses a style that would end its <style> element', () => {
    assert.throws(() => htmlPage(page({ style: { css: 'p{}</STYLE><script>alert(1)</script>' } })), /style/);
  });
});
