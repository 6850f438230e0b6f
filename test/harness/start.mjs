// `npm start`: see the extension without installing VS Code. Builds it, installs code-server if needed (no
// browser: you bring your own), and serves VS Code in the browser on 127.0.0.1 with the extension loaded from
// this checkout (demo.mjs) on the sample-notes/ folder itself, so edits to the samples persist. The editor
// profile is throw-away. Reads no input; Ctrl-C stops the server and removes the profile. PORT=<n> picks the
// port (default 8080, or a free one when 8080 is taken).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDemo } from './demo.mjs';
import { exitWith, freePort, isExiting, isPortFree, lap, makeTempDir, repoRoot, requireSetup, tail } from './lib.mjs';

const tag = 'start';
const folder = path.join(repoRoot, 'sample-notes');

function step(what, args) {
  lap(tag, what);
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], timeout: 30 * 60_000 });
  if (result.status !== 0) throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`}).`);
}

async function main() {
  if (!fs.existsSync(folder)) throw new Error(`No ${folder}: the demo folder is missing from this checkout.`);
  step('building the extension', ['esbuild.js']);
  step('checking code-server (npm run setup:vscode -- --no-browser)', ['test/harness/setup-vscode.mjs', '--no-browser']);
  requireSetup({ browser: false });

  const wanted = Number(process.env.PORT || 8080);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number.`);
  const port = wanted > 0 && (await isPortFree(wanted)) ? wanted : await freePort();
  if (wanted > 0 && port !== wanted) lap(tag, `port ${wanted} is taken; using ${port}`);
  const tmp = makeTempDir('pharmacy-ce-start-');
  const server = await startDemo({ tmp, folder, port });
  const url = server.address;
  process.stdout.write(
    `\nVS Code with Pharmacy CE Notes is running on the sample notes (${path.relative(process.cwd(), folder) || folder}).\n` +
      `Open this address in a browser on this machine:\n\n  ${url}\n\n` +
      `The Pharmacy CE icon is in the activity bar on the left. After changing the code, run \`npm run build\`\n` +
      `(or keep \`npm run watch\` running) and use "Developer: Reload Window"; after changing package.json, restart\n` +
      `\`npm start\`. Press Ctrl-C here to stop.\n`,
  );
  // Stay up until Ctrl-C (handled in lib.mjs: stops the server, removes the profile) or until the server dies.
  const code = await server.exited;
  if (isExiting()) return 0;
  process.stderr.write(`code-server stopped by itself (${code}). Last log lines:\n${tail(server.logFile, 20)}\n`);
  return 1;
}

main().then(
  (code) => exitWith(code),
  (error) => {
    process.stderr.write(`\n${tag}: ${error?.message ?? error}\n`);
    return exitWith(1);
  },
);
