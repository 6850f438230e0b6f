// The repository's own files, as a newcomer meets them: packaging asks no question, the packaged README has no
// dead link, and F5 in desktop VS Code finds its launch configuration and build task.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('project files: package.json', () => {
  // Without these, `vsce package` on a terminal stops at "A 'repository' field is missing... [y/N]" and Enter aborts.
  it('names the repository, issue tracker and home page, so vsce packages without a question', () => {
    assert.match(manifest.repository?.url ?? manifest.repository ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\.git)?$/);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
  });
});
