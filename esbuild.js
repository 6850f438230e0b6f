// Builds the extension, the CLI and the webview scripts; with --tests also the mocha suites (and the real-VS Code
// benchmarks of test/bench/vscode), with --bench the benchmark.
// Types are checked separately (`npm run typecheck`): esbuild only strips them, which keeps builds fast.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');
const withBench = process.argv.includes('--bench');

/** Test files to bundle: every *.test.ts (and suite index) below a folder. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testEntries(full));
    else if (/\.test\.ts$|^index\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The core stays free of the editor API (the CLI and the unit tests run it in plain Node): the build says so. */
const pureCore = {
  name: 'pure-core',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => {
      const core = path.join(__dirname, 'src', 'core') + path.sep;
      if (!args.importer.startsWith(core)) return undefined;
      return { errors: [{ text: `src/core must not import 'vscode' (${path.relative(__dirname, args.importer)}): move that code to an adapter in src/features.` }] };
    });
  },
};

/**
 * The web bundle must hold no Node module: a Node import anywhere in its graph (ours or a package's) fails the
 * build with the chain that led to it, before esbuild could map it away (a package's `browser` field that
 * swaps `fs` for an empty module would hide a read that then silently does nothing in the browser).
 */
/**
 * The Node imports a package makes at load time but never uses on our path, each checked by hand: gray-matter
 * reads `fs` only in `matter.read(file)` (we pass it text). They resolve to a module that throws when touched.
 */
const WEB_UNUSED_NODE_IMPORTS = { 'node_modules/gray-matter/index.js': 'fs' };

/**
 * Node's globals, which a web worker lacks: esbuild leaves them in the bundle unchanged, so a use of one in our
 * code passes the import check and only fails in the browser. (Buffer is injected by src/services/web-buffer.ts
 * for gray-matter alone: our code must not lean on that shim.) Packages are not checked: theirs are guarded
 * (`typeof process !== 'undefined'`) and the web e2e runs them.
 */
const NODE_GLOBALS = new Set(['process', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'Buffer', 'global']);

/** The Node globals `file` uses as values (types, property names and declarations are not uses), with lines. */
function nodeGlobalsIn(file) {
  const ts = require('typescript');
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isValueUse(ts, node)) {
      found.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isValueUse(ts, node) {
  const parent = node.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  if (ts.isDeclaration(parent) && parent.name === node) return false; // a declaration of our own with that name
  return !ts.isImportSpecifier(parent) && !ts.isExportSpecifier(parent) && !(ts.isBindingElement(parent) && parent.propertyName === node);
}

const noNodeModules = {
  name: 'no-node-modules',
  setup(build) {
    const builtins = new Set(require('module').builtinModules);
    build.onResolve({ filter: /.*/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !builtins.has(name) && !builtins.has(name.split('/')[0])) return undefined;
      const importer = path.relative(__dirname, args.importer).split(path.sep).join('/');
      if (WEB_UNUSED_NODE_IMPORTS[importer] === args.path) return { path: args.path, namespace: 'unused-node-module' };
      return { errors: [{ text: `The web build must not import the Node module '${args.path}' (${importer}): pass it through src/services/platform.ts, which only the desktop entry fills in with Node.` }] };
    });
    // Our code (anything outside node_modules) must not use Node's globals either. Said at the end, so the Node
    // modules a file imports are named too (an error at load would stop esbuild from reading its imports).
    let globalsUsed = [];
    build.onStart(() => {
      globalsUsed = [];
    });
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/, namespace: 'file' }, (args) => {
      if (args.path.split(path.sep).includes('node_modules')) return undefined;
      const where = path.relative(__dirname, args.path).split(path.sep).join('/');
      for (const u of nodeGlobalsIn(args.path)) {
        globalsUsed.push({ text: `The web build must not use Node's global '${u.name}' (${where}:${u.line}): a web worker has none; pass what needs it through src/services/platform.ts.` });
      }
      return undefined;
    });
    build.onEnd(() => ({ errors: globalsUsed }));
    // Any use of it throws, naming the module: an allowed import that turns out to be used fails loudly.
    build.onLoad({ filter: /.*/, namespace: 'unused-node-module' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get(_, key) { throw new Error(${JSON.stringify(`Node's ${args.path} is not available in a browser`)} + ' (' + String(key) + ')'); } });`,
      loader: 'js',
    }));
  },
};

const node = {
  bundle: true,
  plugins: [pureCore],
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer packages' ES module builds: jsonc-parser's UMD main has dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

const web = {
  ...node,
  plugins: [pureCore, noNodeModules],
  platform: 'browser',
  target: 'es2020',
  mainFields: ['browser', 'module', 'main'],
  inject: ['src/services/web-buffer.ts'],
  entryPoints: ['src/extension-web.ts'],
  outfile: 'dist/web/extension.js',
};

const builds = [
  // The dashboard renderer (with markdown-it) is its own file, loaded when a dashboard is first drawn.
  { ...node, entryPoints: ['src/extension-node.ts'], outfile: 'dist/extension.js', external: [...node.external, './dashboard-render.js'] },
  // The browser's extension host (vscode.dev, github.dev) loads one file in a web worker: no Node there.
  web,
  { ...node, entryPoints: ['src/features/dashboard/render.ts'], outfile: 'dist/dashboard-render.js' },
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  {
    bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js',
  },
  {
    bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: ['src/webview/transcript.ts'], outfile: 'dist/transcript-webview.js',
  },
  {
    bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: ['src/webview/review.ts'], outfile: 'dist/review-webview.js',
  },
];
if (withTests) {
  const unit = testEntries('test/unit');
  if (unit.length) builds.push({ ...node, sourcemap: 'inline', minify: false, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit', external: ['vscode', 'mocha', 'fast-check', '@vscode/vsce', 'typescript'] });
  const integration = testEntries('test/integration');
  if (integration.length) builds.push({ ...node, sourcemap: 'inline', minify: false, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
  // The print-only benchmarks that need a real VS Code (`npm run bench:vscode`), run by the same harness.
  const benchVscode = testEntries('test/bench/vscode');
  if (benchVscode.length) builds.push({ ...node, sourcemap: 'inline', minify: false, entryPoints: benchVscode, outdir: 'out/bench/vscode', outbase: 'test/bench/vscode', external: ['vscode', 'mocha'] });
}
if (withBench) builds.push({ ...node, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js' });

async function main() {
  const present = builds.filter((b) => b.entryPoints.every((e) => fs.existsSync(e)));
  if (watch) {
    const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] build started');
    return;
  }
  await Promise.all(present.map((b) => esbuild.build(b)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

// The web build's options, for the unit test that proves a Node import fails it (test/unit/web-build.test.ts).
module.exports = { web };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
