// Reads a page's Content-Security-Policy the way a browser does, for the tests that pin each page's policy
// (unit and integration tests both import it).

/** The attribute's value as a browser reads it: entities decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(quot|#39|lt|gt|amp);/g, (_, name: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[name] as string);
}

/** The CSP of the page's one `<meta http-equiv="Content-Security-Policy">`: each directive's sources, by name. */
export function cspOf(html: string): Record<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  if (metas.length !== 1) throw new Error(`expected one CSP meta, found ${metas.length}`);
  const head = html.slice(0, html.indexOf('</head>'));
  if (!head.includes(metas[0][0])) throw new Error('the CSP meta is not in the head');
  const directives: Record<string, string[]> = {};
  for (const directive of decodeAttribute(metas[0][1]).split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    if (name in directives) throw new Error(`directive ${name} given twice`);
    directives[name] = sources;
  }
  return directives;
}

/** The nonce the policy gives the page's script. */
export function scriptNonce(html: string): string {
  const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(cspOf(html)['script-src']?.[0] ?? '')?.[1];
  if (!nonce) throw new Error('no script nonce in the CSP');
  return nonce;
}

/** A source list as the policy's directives hold it (a webview's `cspSource` may name several). */
export function sourcesOf(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/**
 * The policy every webview page has: nothing but its stylesheet (from the webview's `cspSource`) or its own
 * style (under the nonce), its one script under the nonce, and images from the webview or `data:`.
 */
export function webviewPolicy(cspSource: string, nonce: string, style: 'stylesheet' | 'own style'): Record<string, string[]> {
  return {
    'default-src': ["'none'"],
    'style-src': style === 'stylesheet' ? sourcesOf(cspSource) : [`'nonce-${nonce}'`],
    'script-src': [`'nonce-${nonce}'`],
    'img-src': [...sourcesOf(cspSource), 'data:'],
  };
}
