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

const builds = [
  // The dashboard renderer (with markdown-it) is its own file, loaded when a dashboard is first drawn.
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: [...node.external, './dashboard-render.js'] },
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
