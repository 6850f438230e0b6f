import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isPlainRelativePath, parseWebviewMessage } from '../../src/features/dashboard/messages';

describe('dashboard messages from the webview', () => {
  it('accepts the known shapes, with only their own fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'openNote', folder: 'file:///w', path: 'notes/a.md', command: 'x' }), { type: 'openNote', folder: 'file:///w', path: 'notes/a.md' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportTranscript', folder: 'file:///w', credentialId: 'tx' }), { type: 'exportTranscript', folder: 'file:///w', credentialId: 'tx' });
    assert.deepEqual(parseWebviewMessage({ type: 'setUpCredentials', folder: 'file:///w' }), { type: 'setUpCredentials', folder: 'file:///w' });
  });

  it('rejects unknown types, missing or non-string fields, and oversized values', () => {
    for (const raw of [
      null, undefined, 'ready', 42, [], [{ type: 'ready' }],
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'openNote', folder: 'file:///w' },
      { type: 'openNote', folder: 'file:///w', path: 7 },
      { type: 'openNote', folder: 'file:///w', path: '' },
      { type: 'openNote', folder: 'file:///w', path: 'a'.repeat(5000) },
      { type: 'exportTranscript', folder: 'file:///w' },
      { type: 'setUpCredentials' },
      { type: { toString: () => 'ready' } },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw) ?? String(raw));
    }
  });

  it('never throws, whatever the webview sends', () => {
    fc.assert(fc.property(fc.anything(), (raw) => {
      parseWebviewMessage(raw);
    }));
  });

  it('lets only plain folder-relative paths through to the index check', () => {
    for (const ok of ['notes/a.md', 'a.md', 'deep/er/note name.md', 'notes/..hidden.md']) assert.equal(isPlainRelativePath(ok), true, ok);
    for (const bad of ['../a.md', 'notes/../../a.md', './a.md', 'notes//a.md', '/etc/passwd', 'C:/x.md', 'c:x.md', 'notes\\..\\a.md', 'a.md\u0000', 'notes/', '']) {
      assert.equal(isPlainRelativePath(bad), false, JSON.stringify(bad));
    }
  });
});
