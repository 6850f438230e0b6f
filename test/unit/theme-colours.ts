// The colours VS Code gives a webview's `--vscode-*` variables in its built-in themes, read at test time from
// the code-server install the real-VS Code tests use (nothing is downloaded): the theme file with its
// `include` chain first, then the colour registry's default for the theme's kind, resolved the way VS Code
// resolves it (a default may name another colour, or make one transparent). A default this reader does not
// understand is an error naming the colour, never a guess.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';

/** Red, green, blue 0-255 and alpha 0-1. */
export type Rgba = readonly [number, number, number, number];
type Kind = 'light' | 'dark' | 'hcDark' | 'hcLight';

export interface Theme {
  /** The theme's id in VS Code's theme picker ("Light+", "Default High Contrast"). */
  id: string;
  kind: Kind;
  /** Colour id -> value, from the theme file and the files it includes. */
  colours: Map<string, string>;
}

export const VSCODE_DIR = path.resolve(__dirname, '../../../.vscode-test/code-server/node_modules/code-server/lib/vscode');
const THEMES_DIR = path.join(VSCODE_DIR, 'extensions/theme-defaults');
const WORKBENCH_JS = path.join(VSCODE_DIR, 'out/vs/code/browser/workbench/workbench.js');

export function themesInstalled(): boolean {
  return existsSync(path.join(THEMES_DIR, 'package.json')) && existsSync(WORKBENCH_JS);
}

const KIND_OF_UI_THEME: Record<string, Kind> = { vs: 'light', 'vs-dark': 'dark', 'hc-black': 'hcDark', 'hc-light': 'hcLight' };

/** Every colour theme VS Code ships (Light+, Dark+, Light/Dark Modern, Light/Dark 2026, both high contrast). */
export function builtInThemes(): Theme[] {
  const manifest = parse(readFileSync(path.join(THEMES_DIR, 'package.json'), 'utf8')) as {
    contributes: { themes: { id: string; uiTheme: string; path: string }[] };
  };
  return manifest.contributes.themes.map((t) => ({ id: t.id, kind: KIND_OF_UI_THEME[t.uiTheme], colours: themeFileColours(path.join(THEMES_DIR, t.path)) }));
}

function themeFileColours(file: string): Map<string, string> {
  const json = parse(readFileSync(file, 'utf8')) as { include?: string; colors?: Record<string, string> };
  const colours = json.include ? themeFileColours(path.join(path.dirname(file), json.include)) : new Map<string, string>();
  for (const [id, value] of Object.entries(json.colors ?? {})) colours.set(id, value);
  return colours;
}

// ---- The colour registry's defaults, from the workbench bundle ---------------------------------------------
// In the bundle a registration reads `hH=oe("charts.green",{dark:"#89D185",light:"#388A34",...},d(3371,null))`;
// a default may be a colour, null (unset), `Color.white`, another registration's variable, or a transform
// call such as `pi(_o,.7)`, whose function body `{return{op:2,value:s,factor:o}}` says which transform it is.

type Expr =
  | { kind: 'hex'; value: string }
  | { kind: 'null' }
  | { kind: 'member'; name: string }
  | { kind: 'ref'; name: string }
  | { kind: 'call'; fn: string; arg: Expr; factor: number }
  | { kind: 'byKind'; values: Partial<Record<Kind, Expr>> };

export interface Registry {
  defaults: Map<string, Expr>;
  /** The bundle's variable for a registration -> the colour id it registered (undefined: used twice). */
  variables: Map<string, string | undefined>;
  /** Transform function name -> VS Code's ColorTransformType (0 darken, 1 lighten, 2 transparent, ...). */
  transforms: Map<string, number>;
}

export function readRegistry(): Registry {
  const js = readFileSync(WORKBENCH_JS, 'utf8');
  const transforms = new Map<string, number>();
  for (const m of js.matchAll(/function ([\w$]+)\(([\w$]+),([\w$]+)\)\{return\{op:(\d+),value:\2,factor:\3\}\}/g)) transforms.set(m[1], Number(m[4]));
  const defaults = new Map<string, Expr>();
  const variables = new Map<string, string | undefined>();
  for (const m of js.matchAll(/([\w$]+)=[\w$]+\("([a-zA-Z][\w.-]*)",/g)) {
    const parsed = parseExpr(js, (m.index ?? 0) + m[0].length);
    // A registration is followed by its description argument; anything else was not one.
    if (!parsed || js[parsed.end] !== ',') continue;
    if (!defaults.has(m[2])) defaults.set(m[2], parsed.expr);
    variables.set(m[1], variables.has(m[1]) && variables.get(m[1]) !== m[2] ? undefined : m[2]);
  }
  return { defaults, variables, transforms };
}

const IDENT = /^[A-Za-z_$][\w$]*/;
const TRANSPARENT_METHOD = '.transparent';
const TRANSPARENT = 2;

function parseExpr(src: string, at: number): { expr: Expr; end: number } | undefined {
  const rest = src.slice(at, at + 400);
  let m: RegExpExecArray | null;
  if ((m = /^"(#[0-9a-fA-F]{3,8})"/.exec(rest))) return { expr: { kind: 'hex', value: m[1] }, end: at + m[0].length };
  if ((m = /^null\b/.exec(rest))) return { expr: { kind: 'null' }, end: at + m[0].length };
  if (rest.startsWith('{')) {
    const values: Partial<Record<Kind, Expr>> = {};
    let pos = at + 1;
    for (;;) {
      const key = /^(dark|light|hcDark|hcLight):/.exec(src.slice(pos, pos + 10));
      if (!key) return undefined;
      const value = parseExpr(src, pos + key[0].length);
      if (!value) return undefined;
      values[key[1] as Kind] = value.expr;
      pos = value.end;
      if (src[pos] === '}') return { expr: { kind: 'byKind', values }, end: pos + 1 };
      if (src[pos] !== ',') return undefined;
      pos++;
    }
  }
  if (!(m = IDENT.exec(rest))) return undefined;
  const name = m[0];
  let pos = at + name.length;
  if (src[pos] === '.') {
    const member = IDENT.exec(src.slice(pos + 1, pos + 40));
    if (!member) return undefined;
    let expr: Expr = { kind: 'member', name: member[0] };
    let end = pos + 1 + member[0].length;
    const fromHex = member[0] === 'fromHex' ? /^\("(#[0-9a-fA-F]{3,8})"\)/.exec(src.slice(end, end + 20)) : null;
    if (fromHex) {
      expr = { kind: 'hex', value: fromHex[1] };
      end += fromHex[0].length;
    }
    // `Color.white.transparent(.1)`: the Color method, the same transform as the registry's.
    const method = /^\.transparent\((\d*\.?\d+)\)/.exec(src.slice(end, end + 30));
    return method ? { expr: { kind: 'call', fn: TRANSPARENT_METHOD, arg: expr, factor: Number(method[1]) }, end: end + method[0].length } : { expr, end };
  }
  if (src[pos] === '(') {
    const arg = parseExpr(src, pos + 1);
    const factor = arg && /^,(-?\d*\.?\d+)\)/.exec(src.slice(arg.end, arg.end + 20));
    if (!arg || !factor) return undefined;
    return { expr: { kind: 'call', fn: name, arg: arg.expr, factor: Number(factor[1]) }, end: arg.end + factor[0].length };
  }
  return { expr: { kind: 'ref', name }, end: pos };
}

// ---- Resolving ---------------------------------------------------------------------------------------------

/** The colour `id` has in `theme`, or undefined when VS Code leaves it unset (the CSS fallback applies). */
export function themeColour(theme: Theme, id: string, registry: Registry, seen: string[] = []): Rgba | undefined {
  if (seen.includes(id)) throw new Error(`colour ${id} refers to itself: ${seen.join(' -> ')}`);
  const own = theme.colours.get(id);
  if (own !== undefined) return parseHex(own);
  const expr = registry.defaults.get(id);
  if (!expr) throw new Error(`no colour "${id}" in ${theme.id} nor in VS Code's colour registry`);
  return evaluate(expr, theme, registry, [...seen, id]);
}

function evaluate(expr: Expr, theme: Theme, registry: Registry, seen: string[]): Rgba | undefined {
  const where = `the default of ${seen[seen.length - 1]} in ${theme.id}`;
  switch (expr.kind) {
    case 'hex': return parseHex(expr.value);
    case 'null': return undefined;
    case 'byKind': return expr.values[theme.kind] ? evaluate(expr.values[theme.kind] as Expr, theme, registry, seen) : undefined;
    case 'member': {
      const constant: Record<string, Rgba> = { white: [255, 255, 255, 1], black: [0, 0, 0, 1], transparent: [0, 0, 0, 0] };
      if (!constant[expr.name]) throw new Error(`${where}: Color.${expr.name} is not understood`);
      return constant[expr.name];
    }
    case 'ref': {
      const id = registry.variables.get(expr.name);
      if (!id) throw new Error(`${where}: the variable ${expr.name} names no single colour`);
      return themeColour(theme, id, registry, seen);
    }
    case 'call': {
      const op = expr.fn === TRANSPARENT_METHOD ? TRANSPARENT : registry.transforms.get(expr.fn);
      const base = evaluate(expr.arg, theme, registry, seen);
      // Only "transparent" is needed by the colours the dashboard uses; another transform is refused, not guessed.
      if (op !== TRANSPARENT) throw new Error(`${where}: transform ${expr.fn} (op ${op}) is not understood`);
      return base && [base[0], base[1], base[2], base[3] * expr.factor];
    }
  }
}

export function parseHex(value: string): Rgba {
  const m = /^#([0-9a-f]{3,8})$/i.exec(value.trim());
  if (!m || ![3, 4, 6, 8].includes(m[1].length)) throw new Error(`not a colour: ${value}`);
  const digits = m[1].length <= 4 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const byte = (i: number) => parseInt(digits.slice(i, i + 2), 16);
  return [byte(0), byte(2), byte(4), digits.length === 8 ? byte(6) / 255 : 1];
}

// ---- WCAG 2 contrast ---------------------------------------------------------------------------------------

/** `top` painted over `bottom` (alpha compositing). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two opaque colours (1 to 21). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
