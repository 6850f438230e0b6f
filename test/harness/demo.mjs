// The workbench `npm start` serves: code-server on a folder with this checkout as an installed extension, so
// the plain address (`http://127.0.0.1:<port>/`, which code-server redirects to `/?folder=<folder>`) opens the
// folder with the extension loaded. A development payload in the address would load it only for that one
// address: typing `/` gave a VS Code without it. run-e2e.mjs checks the plain address shows the extension.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, startCodeServer } from './lib.mjs';

/**
 * Links this checkout into the profile's extensions folder under `tmp` (the folder name is what
 * `--install-extension` would give it). A link, not a copy: `npm run build` or `npm run watch` and
 * "Developer: Reload Window" show a code change. Removing `tmp` removes the link, never the checkout.
 */
export function linkCheckoutAsExtension(tmp) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const extensions = path.join(tmp, 'ext');
  fs.mkdirSync(extensions, { recursive: true });
  const link = path.join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.symlinkSync(repoRoot, link, 'dir');
  return link;
}

/** Starts the demo workbench on `folder`; resolves with lib's server object plus `address`, the plain URL. */
export async function startDemo({ tmp, folder, port }) {
  linkCheckoutAsExtension(tmp);
  const server = await startCodeServer({ tmp, folder, port });
  return { ...server, address: `${server.base}/` };
}
