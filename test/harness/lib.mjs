// Shared moves of the real-VS Code harness: where setup:vscode put things, free ports, throw-away dirs,
// starting code-server and headless Chromium, and stopping everything we started even on Ctrl-C or errors.
// Every run gets its own port and temp dirs, so several engineers can run the suites at once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeFor } from './platform.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = path.join(repoRoot, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
/** The Node 24 that builds and runs code-server on this OS and CPU (platform.mjs says which, or why none). */
export const nodeRuntime = runtimeFor({ platform: process.platform, arch: process.arch, runningNode: process.versions.node });
export const NODE_VERSION = nodeRuntime.version ?? 'none';
export const nodeDir = nodeRuntime.kind === 'npm'
  ? path.join(cacheDir, 'node24', 'node_modules', nodeRuntime.name)
  : path.dirname(path.dirname(process.execPath));
export const nodeBinDir = nodeRuntime.kind === 'npm' ? path.join(nodeDir, nodeRuntime.binDir) : path.dirname(process.execPath);
export const codeServerBin = path.join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const stampFile = path.join(cacheDir, 'stamp.json');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'test-artifacts');

const started = Date.now();
/** Progress line on stderr with seconds since the script started (stdout stays for results). */
export function lap(tag, message) {
  process.stderr.write(`[${tag} ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Env for anything that must run on Node 24 (code-server and its npm install). Drops the `npm_*` variables an
 * outer `npm run` exports: the inner npm would take them as its config (code-server's install script reads the
 * Node version from `npm_config_user_agent`, which would still name the outer npm's Node 20).
 */
export function node24Env(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir, ...extra };
}

/**
 * Exits with a clear message when setup:vscode has not been run (never a stack trace). `browser: false` for
 * `npm start`, which opens no browser of its own.
 */
export function requireSetup({ browser = true } = {}) {
  if (nodeRuntime.kind === 'unsupported') {
    process.stderr.write(`${nodeRuntime.reason}\n`);
    process.exit(2);
  }
  const missing = [];
  if (!fs.existsSync(path.join(nodeBinDir, 'node'))) missing.push(`Node ${NODE_VERSION} (${nodeBinDir})`);
  if (!fs.existsSync(codeServerBin)) missing.push(`code-server ${CODE_SERVER_VERSION} (${codeServerBin})`);
  if (browser && !fs.existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}; CHROMIUM_PATH picks another)`);
  if (missing.length) {
    process.stderr.write(`Missing: ${missing.join(', ')}.\nRun \`npm run setup:vscode\` first.\n`);
    process.exit(2);
  }
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it, so parallel runs do not collide). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when `port` can be bound on 127.0.0.1 right now. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// ---- cleanup: everything started is stopped on normal exit, errors, Ctrl-C and SIGTERM -------------------

const cleanups = [];
let exiting = false;

/** Registers an async cleanup (run in reverse order) and returns a function that runs it once. */
export function onCleanup(fn) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    try {
      await fn();
    } catch {
      // Cleanup must never mask the real result.
    }
  };
  cleanups.push(once);
  return once;
}

export async function cleanupAll() {
  while (cleanups.length) await cleanups.pop()();
}

/** True once a signal or exitWith started stopping everything. */
export function isExiting() {
  return exiting;
}

/** Runs cleanups, then exits with `code`. */
export async function exitWith(code) {
  if (exiting) return;
  exiting = true;
  await cleanupAll();
  process.exit(code);
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping what this run started...\n`);
    void exitWith(code);
  });
}

// Last resort when the process dies without the async cleanups (process.exit elsewhere): synchronous kills.
const processGroups = new Set();
const tempDirs = new Set();
process.on('exit', () => {
  for (const pid of processGroups) killGroup(pid, 'SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh directory in the OS temp dir, removed at cleanup. */
export function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  onCleanup(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  });
  return dir;
}

/** Copies the shared fixture (read-only in git) to `dest`, so tests may write to it. */
export function copyFixture(dest, fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace')) {
  fs.cpSync(fixture, dest, { recursive: true });
  return dest;
}

// ---- code-server ---------------------------------------------------------------------------------------

/** Settings every throw-away profile gets: no chat panel, no telemetry, no update checks, no welcome page. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  // Pharmacy CE opens its walkthrough on a first run in a folder without a credentials file; only the test of
  // that (test/e2e/walkthrough-path.mjs) wants it.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** Writes the throw-away profile (`user/User/settings.json`) under `tmp`. */
export function writeUserSettings(tmp, settings = {}) {
  const dir = path.join(tmp, 'user', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
}

function serverArgs(tmp) {
  return ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'ext')];
}

/**
 * HOME, XDG dirs and TMPDIR inside the run's temp dir: code-server leaves IPC sockets in TMPDIR and Chromium
 * keeps crash-report settings under ~/.config; removing the temp dir then removes everything a run wrote.
 */
export function throwAwayHome(tmp) {
  const dirs = { HOME: 'home', XDG_DATA_HOME: 'xdg-data', XDG_CONFIG_HOME: 'xdg-config', XDG_CACHE_HOME: 'xdg-cache', TMPDIR: 'tmp' };
  const env = {};
  for (const [key, name] of Object.entries(dirs)) {
    env[key] = path.join(tmp, name);
    fs.mkdirSync(env[key], { recursive: true });
  }
  return env;
}

function serverEnv(tmp, env) {
  const result = node24Env({
    EXTENSIONS_GALLERY: '{}', // no gallery: nothing reaches for the internet
    ...throwAwayHome(tmp),
    ...env,
  });
  delete result.PORT; // code-server would take it over --bind-addr (npm start reads PORT itself)
  return result;
}

/** Installs a .vsix into the profile under `tmp` (before the server starts). */
export function installVsix(tmp, vsix) {
  fs.mkdirSync(path.join(tmp, 'ext'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'config.yaml'), '');
  const result = spawnSync(codeServerBin, [...serverArgs(tmp), '--install-extension', vsix], {
    env: serverEnv(tmp, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1 with throw-away dirs under `tmp` (webviews need a secure context; loopback
 * is one). `devMode` adds the smoke-test driver option, which makes the workbench honour the URL payload
 * (extensionDevelopmentPath / extensionTestsPath). Resolves once /healthz answers.
 */
export async function startCodeServer({ tmp, folder, port, settings = {}, env = {}, devMode = false, args: extraArgs = [], healthTimeoutMs = 60_000 }) {
  port ??= await freePort();
  fs.writeFileSync(path.join(tmp, 'config.yaml'), '');
  writeUserSettings(tmp, settings);
  const logFile = path.join(tmp, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    ...serverArgs(tmp),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    ...(devMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    folder,
  ];
  // Detached: its own process group, so stopping it also stops the extension host and file watchers.
  const child = spawn(codeServerBin, args, { env: serverEnv(tmp, env), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const pid = child.pid;
  processGroups.add(pid);
  let exitCode;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(exitCode);
    });
  });
  const stop = onCleanup(async () => {
    if (killGroup(pid, 'SIGTERM')) {
      for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
      if (isAlive(pid)) killGroup(pid, 'SIGKILL');
    }
    processGroups.delete(pid);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}) before answering:\n${tail(logFile)}`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${healthTimeoutMs / 1000} s:\n${tail(logFile)}`);
    await sleep(200);
  }
  return {
    pid,
    /** Resolves with the exit code (or signal) when the server stops. */
    exited,
    port,
    base,
    logFile,
    stop,
    /** `vscode-remote://` URI of a server-side path, as the workbench payload wants it. */
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    /** Workbench URL opening `folder` (or a .code-workspace file), with an optional development payload. */
    workbenchUrl(payload, { workspaceFile } = {}) {
      let url = workspaceFile ? `${base}/?workspace=${encodeURIComponent(workspaceFile)}` : `${base}/?folder=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
  };
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- Chromium ------------------------------------------------------------------------------------------

/** Headless Debian Chromium with a fresh profile under `tmp`; closed at cleanup. */
export async function launchChromium(tmp, { viewport = { width: 1400, height: 900 }, colorScheme } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    colorScheme,
    // Our own cleanup stops the browser; Playwright's signal handlers would race it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, ...throwAwayHome(tmp) },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  onCleanup(() => Promise.race([context.close(), sleep(10_000)]));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Counts and prints test results the way every harness script ends: `N passed, N failed`. */
export function summaryLine(passed, failed) {
  return `${passed} passed, ${failed} failed`;
}
