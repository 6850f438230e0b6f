// The browser bundle (dist/web/extension.js) must hold no Node module: esbuild.js's web build fails on one,
// wherever in the graph it is imported, even where a package's `browser` field would quietly map it away.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

interface BuildFailure {
  errors: { text: string }[];
}
type Build = (options: Record<string, unknown>) => Promise<{ outputFiles: { text: string }[] }>;

// Loaded at run time from the repository (not bundled into this test): the real build options and esbuild.
const esbuild = require(path.join(ROOT, 'node_modules/esbuild')) as { build: Build };
const { web } = require(path.join(ROOT, 'esbuild.js')) as { web: Record<string, unknown> };

/** Builds `contents` as the web bundle's entry, in memory. */
function buildWeb(contents: string, extra: Record<string, unknown> = {}): ReturnType<Build> {
  const { entryPoints: _entry, outfile: _out, ...options } = web;
  return esbuild.build({ ...options, ...extra, absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, sourcefile: 'probe.ts', loader: 'ts' }, write: false, logLevel: 'silent' });
}

async function failure(contents: string): Promise<string> {
  try {
    await buildWeb(contents);
  } catch (error) {
    return (error as BuildFailure).errors.map((e) => e.text).join('\n');
  }
  return assert.fail('the web build passed');
}

/**
 * Every require in a bundle: a plain `require("x")` and a call through an alias of `require` (js-yaml's
 * `_require = require; _require("buffer")`, which esbuild leaves alone), whatever the minifier names it.
 * `guarded`: the call sits directly in a `try` block, so a worker without the module only throws into the catch.
 * A minified alias may share its name with another local: that gives a false alarm naming the call, never a miss.
 */
function requiresIn(text: string): { module: string; guarded: boolean }[] {
  const aliases = [...text.matchAll(/([\w$]+)\s*=\s*require\b(?!\s*\()/g)].map((m) => m[1]);
  const callee = ['require', ...aliases].map((name) => name.replace(/\$/g, '\\$')).join('|');
  const calls = new RegExp(`(?<![\\w$.])(?:${callee})\\(([^)]*)\\)`, 'g');
  return [...text.matchAll(calls)].map((m) => ({
    module: /^\s*(["'`])(.*)\1\s*$/.exec(m[1])?.[2] ?? m[1],
    guarded: /\btry\s*\{[^{}]*$/.test(text.slice(Math.max(0, m.index! - 300), m.index)),
  }));
}

/**
 * The requires the browser bundle may hold besides `vscode`, each guarded by a try in a package we bundle.
 * Both are js-yaml's (3.x, under gray-matter), looking for optional extras when the module loads; in a web
 * worker the require throws (no such module, or no require at all) and the catch leaves the extra unset.
 * Notes are read with js-yaml's FAILSAFE schema, which uses neither type.
 */
const ALLOWED_GUARDED: Record<string, string> = {
  buffer: "js-yaml's !!binary type (type/binary.js) uses Node's Buffer when there is one, else plain arrays.",
  esprima: "js-yaml's !!js/function type (type/js/function.js) uses the esprima package when installed (it is not).",
};

describe('web build: no Node module in the browser bundle', () => {
  it('fails on a Node module imported by our code, with or without the node: prefix', async () => {
    assert.match(await failure("import * as fs from 'fs'; console.log(fs.statSync);"), /must not import the Node module 'fs' \(probe\.ts\)/);
    assert.match(await failure("import { join } from 'node:path'; console.log(join);"), /must not import the Node module 'node:path'/);
    assert.match(await failure("import { promises } from 'fs/promises'; console.log(promises);"), /must not import the Node module 'fs\/promises'/);
  });

  it('fails on a Node module deeper in the graph: the desktop reader reached from a web module', async () => {
    assert.match(await failure("import { readRegularFile } from './src/node/read-regular-file'; console.log(readRegularFile);"), /must not import the Node module 'node:fs' \(src\/node\/read-regular-file\.ts\)/);
    assert.match(await failure("import { nodePlatform } from './src/node/platform-node'; console.log(nodePlatform);"), /must not import the Node module/);
  });

  it('fails even when a package maps the module away in its `browser` field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-build-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'maps-fs-away', main: 'index.js', browser: { fs: false } }));
      fs.writeFileSync(path.join(dir, 'index.js'), "module.exports = () => require('fs').readFileSync('x');");
      assert.match(await failure(`import read from ${JSON.stringify(dir)}; console.log(read);`), /must not import the Node module 'fs'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails on Node's globals in our code (process, setImmediate, __dirname, Buffer, global), even through a re-export", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-build-'));
    try {
      const probe = (name: string, code: string): string => {
        fs.writeFileSync(path.join(dir, `${name}.ts`), code);
        fs.writeFileSync(path.join(dir, `via-${name}.ts`), `export * from './${name}';`);
        return `export * from ${JSON.stringify(path.join(dir, `via-${name}`))};`;
      };
      assert.match(await failure(probe('env', 'export const home = (): string | undefined => process.env.HOME;')), /must not use Node's global 'process' \(.*env\.ts:1\)/);
      assert.match(await failure(probe('later', 'export const later = (f: () => void): void => { setImmediate(f); };')), /must not use Node's global 'setImmediate'/);
      assert.match(await failure(probe('here', 'export const here = (): string => __dirname;')), /must not use Node's global '__dirname'/);
      assert.match(await failure(probe('bytes', "export const bytes = (): unknown => Buffer.alloc(4);")), /must not use Node's global 'Buffer'/);
      assert.match(await failure(probe('top', 'export const top = (): unknown => global;')), /must not use Node's global 'global'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a property, a type or a word in a string named like a Node global is not a use of it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-build-'));
    try {
      const code = "export interface Step { process: string }\nexport const step = (s: Step, e: NodeJS.ErrnoException): string => s.process + e.code + 'the review process.' + { global: 1 }.global;";
      fs.writeFileSync(path.join(dir, 'words.ts'), code);
      await buildWeb(`export * from ${JSON.stringify(path.join(dir, 'words'))};`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a require however it is written: aliased, guarded by try, or minified', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-build-'));
    try {
      // esbuild resolves only a plain require('x'): an aliased one reaches the bundle untouched, past the plugin.
      fs.writeFileSync(path.join(dir, 'guarded.js'), "var r; try { r = require; module.exports = r('fs').readFileSync; } catch (e) {}");
      for (const minify of [false, true]) {
        const { outputFiles } = await buildWeb(`export * from ${JSON.stringify(path.join(dir, 'guarded.js'))};`, { minify });
        assert.deepEqual(requiresIn(outputFiles[0].text), [{ module: 'fs', guarded: true }], `minify ${minify}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds the real browser entry with no require but vscode and two guarded ones in js-yaml, named', async () => {
    // Both as tests build it and minified, as the published dist/web/extension.js is.
    for (const minify of [false, true]) {
      const { outputFiles } = await esbuild.build({ ...web, minify, absWorkingDir: ROOT, write: false, logLevel: 'silent', sourcemap: false });
      const found = requiresIn(outputFiles[0].text);
      assert.deepEqual(found.filter((r) => r.module !== 'vscode'), Object.keys(ALLOWED_GUARDED).map((module) => ({ module, guarded: true })), `minify ${minify}`);
      assert.ok(found.some((r) => r.module === 'vscode'), `minify ${minify}`);
    }
  });
});
