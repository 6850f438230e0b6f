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
function buildWeb(contents: string): ReturnType<Build> {
  const { entryPoints: _entry, outfile: _out, ...options } = web;
  return esbuild.build({ ...options, absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, sourcefile: 'probe.ts', loader: 'ts' }, write: false, logLevel: 'silent' });
}

async function failure(contents: string): Promise<string> {
  try {
    await buildWeb(contents);
  } catch (error) {
    return (error as BuildFailure).errors.map((e) => e.text).join('\n');
  }
  return assert.fail('the web build passed');
}

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

  it('builds the real browser entry with no require but vscode', async () => {
    const { outputFiles } = await esbuild.build({ ...web, absWorkingDir: ROOT, write: false, logLevel: 'silent', sourcemap: false });
    const required = new Set([...outputFiles[0].text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });
});
