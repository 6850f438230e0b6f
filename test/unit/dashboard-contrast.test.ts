// Every text colour of the dashboard against the background it is drawn on, in every theme VS Code ships
// (WCAG AA: 4.5:1 for text). The colours are the real values of those themes, read from the code-server
// install (see theme-colours.ts); the pairs are read from media/dashboard.css itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  builtInThemes, contrast, over, parseHex, readRegistry, themeColour, themesInstalled,
  type Registry, type Rgba, type Theme,
} from './theme-colours';

const CSS = path.resolve(__dirname, '../../../media/dashboard.css');
const AA_TEXT = 4.5;

interface Rule { selector: string; decls: Map<string, string> }

/** The CSS's rules (innermost blocks, so rules inside @media count too), comments removed. */
function cssRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1].trim(),
    decls: new Map(m[2].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const i = d.indexOf(':');
      return [d.slice(0, i).trim(), d.slice(i + 1).trim()] as [string, string];
    })),
  }));
}

/** A value with the dashboard's own `--ce-*` properties replaced by what they stand for. */
function expand(value: string, own: Map<string, string>): string {
  return value.replace(/var\((--ce-[\w-]+)\)/g, (_, name: string) => {
    const v = own.get(name);
    if (v === undefined) throw new Error(`${name} is used but not defined in :root`);
    return expand(v, own);
  });
}

/** A CSS colour value in a theme, as the webview would compute it; undefined when nothing is set. */
function cssColour(value: string, theme: Theme, registry: Registry, ids: Map<string, string>): Rgba | undefined {
  const v = value.trim();
  const variable = /^var\((--vscode-[\w-]+)\s*(?:,\s*([\s\S]+))?\)$/.exec(v);
  if (variable) {
    const id = ids.get(variable[1]);
    const colour = id === undefined ? undefined : themeColour(theme, id, registry);
    if (colour) return colour;
    if (variable[2] !== undefined) return cssColour(variable[2], theme, registry, ids);
    throw new Error(`${variable[1]} is unset in ${theme.id} and has no fallback`);
  }
  if (v.startsWith('#')) return parseHex(v);
  if (v === 'transparent' || v === 'none') return [0, 0, 0, 0];
  throw new Error(`"${v}" is not a solid colour this check can compute: use a theme variable (no color-mix, no rgba)`);
}

interface Pair { selector: string; fg: string; bg: string }

/**
 * Each rule that colours text, with every background it may be drawn on: its own, or (inheriting one) the
 * page's and every block's that sets a background without a text colour (a card, an action): text of any
 * colour may sit in any of those.
 */
function textPairs(rules: Rule[]): Pair[] {
  const own = new Map([...(rules.find((r) => r.selector === ':root')?.decls ?? [])].filter(([k]) => k.startsWith('--ce-')));
  const body = rules.find((r) => r.selector === 'body');
  const pageFg = expand(body?.decls.get('color') ?? '', own);
  const bgOf = (r: Rule) => r.decls.get('background') ?? r.decls.get('background-color');
  // SVG text takes its colour from `fill`; other SVG fills are shapes (bars, rings).
  const fgOf = (r: Rule) => r.decls.get('color') ?? (/\btext\b/.test(r.selector) ? r.decls.get('fill') : undefined);
  const styled = rules.filter((r) => !r.selector.startsWith('@') && !/^\d+%$|^(from|to)$/.test(r.selector));
  const pairs: Pair[] = [];
  const surfaces = new Set<string>();
  for (const rule of styled) {
    const fg = fgOf(rule);
    const bg = bgOf(rule);
    // A dot or marker drawn by ::before is a shape, not a surface for text.
    if (bg === undefined || (fg !== undefined && fg !== 'inherit') || rule.selector.includes('::before')) continue;
    // A hover or focus background: the text on it is the colour its base rule sets, if that rule sets one.
    const base = styled.find((r) => r.selector === rule.selector.replace(/:(hover|focus|focus-visible|active)\b/g, ''));
    const baseFg = base && base !== rule ? fgOf(base) : undefined;
    if (baseFg !== undefined) pairs.push({ selector: rule.selector, fg: expand(baseFg, own), bg: expand(bg, own) });
    else surfaces.add(expand(bg, own));
  }
  for (const rule of styled) {
    const fg = fgOf(rule);
    if (fg === undefined || fg === 'inherit') continue;
    const bg = bgOf(rule);
    for (const surface of bg !== undefined ? [expand(bg, own)] : [...surfaces]) pairs.push({ selector: rule.selector, fg: expand(fg, own), bg: surface });
  }
  return pairs.length > 0 ? pairs : [{ selector: 'body', fg: pageFg, bg: '' }];
}

describe('dashboard colours: text contrast in every built-in theme', function () {
  const rules = cssRules(readFileSync(CSS, 'utf8'));

  before(function () {
    // The themes come with code-server (`npm run setup:vscode`); without it this check cannot run here.
    if (!themesInstalled()) this.skip();
  });

  it('reads the theme colours as the issue measured them (Light 2026 cards: warning text 2.99:1, green 4.15:1)', () => {
    const registry = readRegistry();
    const light = builtInThemes().find((t) => t.id === 'Light 2026') as Theme;
    const card = themeColour(light, 'editorWidget.background', registry) as Rgba;
    assert.equal(contrast(themeColour(light, 'editorWarning.foreground', registry) as Rgba, card).toFixed(2), '2.99');
    assert.equal(contrast(themeColour(light, 'charts.green', registry) as Rgba, card).toFixed(2), '4.15');
    // A default that makes another colour transparent: Dark+'s description text is its foreground at 70%.
    const darkPlus = builtInThemes().find((t) => t.id === 'Dark+') as Theme;
    assert.deepEqual(themeColour(darkPlus, 'descriptionForeground', registry), [204, 204, 204, 0.7]);
  });

  it('uses no opacity and no colour mixing on text', () => {
    for (const rule of rules) assert.ok(!rule.decls.has('opacity'), `${rule.selector} sets opacity`);
    for (const pair of textPairs(rules)) assert.ok(!/color-mix|rgba?\(/.test(pair.fg), `${pair.selector}: ${pair.fg}`);
  });

  it('gives every text colour at least 4.5:1 on its background', () => {
    const registry = readRegistry();
    const themes = builtInThemes();
    // CSS variable name -> colour id, as VS Code names them (`editorWidget.background` -> --vscode-editorWidget-background).
    const ids = new Map<string, string>();
    for (const id of [...registry.defaults.keys(), ...themes.flatMap((t) => [...t.colours.keys()])]) ids.set(`--vscode-${id.replace(/\./g, '-')}`, id);
    const pairs = textPairs(rules);
    assert.ok(pairs.length >= 10, `found only ${pairs.length} text colours in the CSS`);
    // The Study section's own text colours are among them (readiness meaning, domain weights, forecast caption).
    for (const selector of ['.study-exam .meaning', '.study-domains .weight', '.forecast figcaption']) assert.ok(pairs.some((p) => p.selector === selector), selector);
    assert.ok(themes.length >= 8, `found only ${themes.length} themes`);
    const failures: string[] = [];
    for (const theme of themes) {
      const page = cssColour('var(--vscode-editor-background)', theme, registry, ids) as Rgba;
      for (const { selector, fg, bg } of pairs) {
        try {
          const background = over(cssColour(bg, theme, registry, ids) ?? [0, 0, 0, 0], page);
          const text = over(cssColour(fg, theme, registry, ids) ?? [0, 0, 0, 0], background);
          const ratio = contrast(text, background);
          if (ratio < AA_TEXT) failures.push(`${theme.id}: ${selector} ${ratio.toFixed(2)}:1 (${fg} on ${bg})`);
        } catch (error) {
          failures.push(`${theme.id}: ${selector}: ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
