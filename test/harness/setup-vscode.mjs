// `npm run setup:vscode`: installs what the real-VS Code tests need, once, into the git-ignored .vscode-test/:
// Node 24 (the npm package `node-<platform>-<arch>` that platform.mjs picks) and code-server (VS Code in the
// browser) built by it; on Debian/Ubuntu also chromium and libkrb5-dev (headers for one of code-server's native
// modules) through apt when missing, elsewhere it says what to install. `--no-browser` (what `npm start` runs)
// skips Chromium, which only the tests need. A stamp file with the versions makes a re-run a no-op. Every step
// has a timeout and no step reads the keyboard: it fails, never hangs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CODE_SERVER_VERSION, NODE_VERSION, cacheDir, chromiumPath, codeServerBin, lap, node24Env, nodeBinDir, nodeDir, nodeRuntime, sleep,
  stampFile, throwAwayHome,
} from './lib.mjs';
import { systemNeeds } from './platform.mjs';

const KRB5_HEADER = '/usr/include/krb5.h';
const tag = 'setup:vscode';
const browser = !process.argv.includes('--no-browser');

class SetupError extends Error {}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Records what is installed, component by component (a missing field means: install it). */
function writeStamp(stamp) {
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
}

function isComplete(stamp) {
  return stamp?.node === NODE_VERSION && stamp?.codeServer === CODE_SERVER_VERSION
    && fs.existsSync(path.join(nodeBinDir, 'node')) && fs.existsSync(codeServerBin) && (!browser || fs.existsSync(chromiumPath));
}

const ready = () => lap(tag, `ready (Node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${browser ? chromiumPath : 'no browser needed'})`);

/** Runs a command with inherited output (prefixed log on failure) and a hard timeout. */
function run(cmd, args, { timeoutMs, env = process.env, cwd, quiet = false }) {
  return new Promise((resolve, reject) => {
    const logPath = path.join(cacheDir, `${path.basename(cmd)}-${Date.now()}.log`);
    const log = fs.openSync(logPath, 'w');
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', quiet ? log : 'inherit', log], detached: true });
    fs.closeSync(log);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new SetupError(`\`${cmd} ${args.join(' ')}\` timed out after ${timeoutMs / 1000} s (log: ${logPath}).`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new SetupError(`Could not run ${cmd}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        fs.rmSync(logPath, { force: true });
        resolve();
      } else {
        const tailText = fs.readFileSync(logPath, 'utf8').split('\n').slice(-25).join('\n');
        reject(new SetupError(`\`${cmd} ${args.join(' ')}\` failed (${code ?? signal}). Last lines of ${logPath}:\n${tailText}`));
      }
    });
  });
}

async function aptInstall(packages) {
  if (process.getuid?.() !== 0) {
    throw new SetupError(`Missing Debian packages: ${packages.join(' ')}. Install them as root and run this again:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  }
  // Another apt may be running (e.g. started by a provisioning script): apt waits for its locks, up to the timeout.
  const lock = ['-o', 'DPkg::Lock::Timeout=900', '-o', 'APT::Get::List-Cleanup=false'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  lap(tag, `apt-get update (waits politely for other apt runs)`);
  await run('apt-get', [...lock, 'update'], { timeoutMs: 20 * 60_000, env, quiet: true });
  lap(tag, `apt-get install ${packages.join(' ')}`);
  await run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...packages], { timeoutMs: 20 * 60_000, env, quiet: true });
}

/** `npm install <spec>` into a folder of its own (with its own package.json, so npm never walks up to ours). */
async function npmInstallInto(folder, spec, { env, timeoutMs }) {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: path.basename(folder), private: true }) + '\n');
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', spec], { cwd: folder, env, timeoutMs, quiet: true });
}

/** One setup at a time: a second concurrent run waits for the first instead of installing over it. */
async function withLock(body) {
  const lockDir = path.join(cacheDir, '.setup-lock');
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
  } catch (error) {
    throw new SetupError(`Cannot create ${cacheDir}: ${error.message}`);
  }
  for (let waited = 0; ; waited += 1000) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw new SetupError(`Cannot write ${cacheDir}: ${error.message}`);
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
      } catch {
        // the owner has not written its pid yet, or just released the lock
      }
      let alive = false;
      try {
        alive = owner > 0 && process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (!alive && waited >= 2000) {
        fs.rmSync(lockDir, { recursive: true, force: true }); // left by a run that died
        continue;
      }
      if (waited === 0) lap(tag, `another setup (pid ${owner}) is running; waiting for it`);
      if (waited > 30 * 60_000) throw new SetupError(`Gave up waiting for the setup run with pid ${owner} (lock ${lockDir}).`);
      await sleep(1000);
    }
  }
  const release = () => fs.rmSync(lockDir, { recursive: true, force: true });
  process.on('exit', release);
  try {
    return await body();
  } finally {
    release();
  }
}

async function setup() {
  if (nodeRuntime.kind === 'unsupported') throw new SetupError(nodeRuntime.reason);
  if (isComplete(readStamp())) {
    ready();
    return;
  }
  await withLock(async () => {
    const stamp = readStamp() ?? {};
    if (isComplete(stamp)) return; // a concurrent run finished it while we waited

    const needCodeServer = stamp?.codeServer !== CODE_SERVER_VERSION || !fs.existsSync(codeServerBin);
    const needs = systemNeeds({
      platform: process.platform, hasAptGet: fs.existsSync('/usr/bin/apt-get'), browser, chromiumFound: fs.existsSync(chromiumPath),
      buildingCodeServer: needCodeServer, krb5HeaderFound: fs.existsSync(KRB5_HEADER), chromiumPath,
    });
    if (needs.manual.length) throw new SetupError(needs.manual.join('\n'));
    if (needs.apt.length) await aptInstall(needs.apt);
    if (browser && !fs.existsSync(chromiumPath)) throw new SetupError(`apt installed chromium but ${chromiumPath} is missing; set CHROMIUM_PATH.`);

    if (nodeRuntime.kind === 'npm' && (stamp?.node !== NODE_VERSION || !fs.existsSync(path.join(nodeBinDir, 'node')))) {
      const spec = `${nodeRuntime.name}@${NODE_VERSION}`;
      lap(tag, `installing Node ${NODE_VERSION} (npm ${spec}) into ${path.relative(process.cwd(), path.dirname(path.dirname(nodeDir)))}`);
      // code-server's native modules are built for the Node that installs them: a new Node means a new build.
      writeStamp({ ...stamp, node: undefined, codeServer: undefined });
      await npmInstallInto(path.join(cacheDir, 'node24'), spec, { env: process.env, timeoutMs: 5 * 60_000 });
      writeStamp({ ...stamp, node: NODE_VERSION, codeServer: undefined });
    }
    if (readStamp()?.codeServer !== CODE_SERVER_VERSION || !fs.existsSync(codeServerBin)) {
      lap(tag, `installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (about 2 minutes on 2 cores)`);
      writeStamp({ ...stamp, node: NODE_VERSION, codeServer: undefined }); // an interrupted install is redone
      await npmInstallInto(path.join(cacheDir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, { env: node24Env(), timeoutMs: 20 * 60_000 });
    }
    // Even --version creates ~/.config/code-server and ~/.local/share/code-server: give it a throw-away home.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-setup-'));
    try {
      await run(codeServerBin, ['--version'], { env: node24Env(throwAwayHome(home)), timeoutMs: 60_000, quiet: true });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
    writeStamp({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, chromium: browser ? chromiumPath : undefined, at: new Date().toISOString() });
    ready();
  });
}

setup().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`\n${tag} failed: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}\n`);
    process.exit(1);
  },
);
