import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, globMatcher, globProblem } from '../../src/core/common/globs';
import { parseConfig } from '../../src/core/rules/config';
import { FolderIndex } from '../../src/core/index/folder-index';

const ROOT = join(__dirname, '../../..');
const AS_OF = '2026-11-25';

function workspace(config: object): FolderIndex {
  const ws = new FolderIndex();
  ws.setConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }], ...config }), AS_OF);
  return ws;
}

describe('Note globs from an untrusted config', () => {
  it('uses a picomatch with the extglob backtracking fix (4.0.4 or later)', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/picomatch/package.json'), 'utf8')) as { version: string }).version;
    const [major, minor, patch] = version.split('.').map(Number);
    assert.ok(major > 4 || (major === 4 && (minor > 0 || patch >= 4)), version);
    // 4.0.3 compiles this extglob to /(?:a|aa)+/, which matches "aa"; the fix reads it as plain text.
    assert.equal(picomatch('+(a|aa)')('aa'), false);
  });

  it('reads extglobs as plain characters', () => {
    const ws = workspace({ exclude: ['+(a|aa).md', '@(x).md'] });
    assert.equal(ws.isNotePath('aaa.md'), true);
    assert.equal(ws.isNotePath('x.md'), true);
    assert.equal(ws.isNotePath('+(a|aa).md'), false);
    assert.equal(globMatcher(['notes/@(a|b).md'], false)('notes/a.md'), false);
  });

  it('keeps ordinary globs: stars, globstars, braces, classes, negation', () => {
    const match = globMatcher(['{notes,ce}/**/*-[0-9].md', '**/*draft*'], false);
    for (const path of ['notes/x-1.md', 'ce/2026/y-9.md', 'a/b/my-draft-1.md']) assert.equal(match(path), true, path);
    for (const path of ['other/x-1.md', 'notes/x-a.md']) assert.equal(match(path), false, path);
    for (const glob of ['notes/**/*.md', '**/*draft*.md', '{a,b}/**/*.md', '**/templates/**']) assert.equal(globProblem(glob), undefined, glob);
  });

  it('refuses a glob with too many wildcards, at its line, and ignores that list', () => {
    const text = '{\n  "credentials": [{ "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" }],\n  "exclude": ["drafts/**",\n    "*a*a*a*b"]\n}';
    const { config, problems } = parseConfig(text, { asOf: AS_OF });
    assert.deepEqual(config.exclude, []);
    const [problem] = problems.filter((p) => p.severity === 'error');
    assert.deepEqual([problem.line, problem.column, problem.code], [4, 5, 'config-value']);
    assert.match(problem.message, /at most 3 wildcards/);
    assert.match(globProblem('**/a/**/b/**/c') ?? '', /at most 2 \*\*/);
    assert.match(globProblem('a'.repeat(501)) ?? '', /at most 500 characters/);
  });

  it('matches crafted paths against hostile globs in well under the test timeout', function () {
    this.timeout(20_000);
    // Each of these takes seconds to minutes per path in picomatch 4.0.3 with extglobs on.
    const ws = workspace({ exclude: ['+(a|aa)', '+(ab|abab)', '+(*|?)', '*(+(a))', '**/*a*a*b', '**/a/**/b'] });
    const paths = [
      'a'.repeat(40) + '!',
      'ab'.repeat(40) + '!',
      'x'.repeat(60) + '/',
      Array(16).fill('a'.repeat(250)).join('/'),
      Array(2000).fill('a').join('/'),
    ];
    for (let i = 0; i < 20; i++) for (const path of paths) ws.isNotePath(`${path}${i}.md`);
  });

  it('defines the default excludes once: the excludeGlobs setting default is the same list', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.deepEqual(pkg.contributes.configuration.properties['pharmacyCe.excludeGlobs'].default, DEFAULT_EXCLUDE);
    const ws = workspace({});
    assert.equal(ws.isNotePath('a/node_modules/b.md'), false);
    assert.equal(ws.isNotePath('.git/b.md'), false);
  });
});
