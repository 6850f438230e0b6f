// The commands in a real VS Code: Mark Completed edits only its two lines and is undone by one `undo`; New CE
// Note (driven by its argument object) creates a note the index reads as valid; Set Up Credentials keeps the
// config's comments and other keys; Copy UAN; context keys. Files touched are copies or are restored.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import { localToday } from '../../src/core/common/dates';
import type { CeNote } from '../../src/core/types';
import { fixtureUri, waitFor, waitForIndex } from './helpers';

const encoder = new TextEncoder();

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Drops any unsaved text of the file (undo leaves some), deletes it, and waits until the index forgets it. */
async function removeFile(uri: vscode.Uri): Promise<void> {
  const isUnder = (u: vscode.Uri) => u.toString() === uri.toString() || u.toString().startsWith(uri.toString() + '/');
  for (const document of vscode.workspace.textDocuments.filter((d) => isUnder(d.uri))) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false, recursive: true });
  } catch {
    // Already gone.
  }
  const index = await waitForIndex();
  const folder = index.folders()[0];
  await waitFor(() => !folder.index.notes().some((n) => isUnder(index.uriOf(folder, n.path))), 10_000, `${uri.path} dropped from the index`);
}

describe('Commands', () => {
  before(async () => {
    await waitForIndex();
  });
  afterEach(closeAll);

  it('Mark Completed changes only status/completed, byte for byte, and one undo restores the note', async () => {
    const index = await waitForIndex();
    // A copy of the fixture's planned note, with CRLF line endings and a comment to prove they are kept.
    const original = fs.readFileSync(fixtureUri('notes/immunization-basics.md').fsPath, 'utf8');
    const text = original.replace('status: planned', 'status: planned   # after flu season').replace(/\n/g, '\r\n');
    const uri = fixtureUri('notes/commands-mark-completed.md');
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    try {
      await waitFor(() => index.noteAt(uri)?.note.kind === 'ce', 10_000, 'the copy is indexed');
      const editor = await vscode.window.showTextDocument(uri);
      const written = await vscode.commands.executeCommand<string>('pharmacyCe.markCompleted', uri, '2026-11-20');
      assert.equal(written, '2026-11-20');
      const expected = text.replace('status: planned   # after', 'status: completed   # after').replace('# after flu season\r\n', '# after flu season\r\ncompleted: 2026-11-20\r\n');
      assert.equal(editor.document.getText(), expected);
      // It was not dirty before, so it is saved: the disk has exactly the same bytes.
      await waitFor(() => !editor.document.isDirty, 5_000, 'the note saved');
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected);
      await waitFor(() => {
        const note = index.noteAt(uri)?.note as CeNote | undefined;
        return note?.status === 'completed' && note.completed === '2026-11-20';
      }, 10_000, 'the index sees the note completed');

      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), text, 'one undo restores the note');
    } finally {
      await removeFile(uri);
    }
  });

  it('Mark Completed respects unsaved text and leaves a dirty note unsaved', async () => {
    const uri = fixtureUri('notes/commands-dirty.md');
    const text = '---\ntitle: Dirty\nce_hours: 2\nstatus: planned\n---\nBody.\n';
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'Typed, not saved.\n'));
      await vscode.commands.executeCommand('pharmacyCe.markCompleted', { uri }, '2026-11-21');
      assert.equal(editor.document.getText(), '---\ntitle: Dirty\nce_hours: 2\nstatus: completed\ncompleted: 2026-11-21\n---\nTyped, not saved.\nBody.\n');
      assert.equal(editor.document.isDirty, true);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), text, 'the disk is untouched');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await removeFile(uri);
    }
  });

  it('Mark Completed refuses a study note without changing it', async () => {
    const uri = fixtureUri('notes/top-200-drugs.md');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const result = await vscode.commands.executeCommand('pharmacyCe.markCompleted', uri, '2026-11-21');
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), before);
  });

  it('New CE Note creates a valid note from its argument object and opens it', async () => {
    const index = await waitForIndex();
    const folder = fixtureUri('notes/new');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('pharmacyCe.newNote', {
        title: 'Opioid Stewardship: Safe Dispensing',
        hours: 1.5,
        topics: ['pain-management', 'law'],
        completed: 'today',
        uan: '145-0000-25-101-H08-T',
        folder: 'notes/new',
      });
      assert.ok(uri, 'the command returns the new note');
      assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'opioid-stewardship-safe-dispensing.md').toString());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the note is opened');
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(text, /^---\ntitle: "Opioid Stewardship: Safe Dispensing"\nce_hours: 1.5\n/);
      assert.match(text, /\nuan: 0145-0000-25-101-H08-T\n/, 'the UAN is written in its standard form');
      const note = await waitFor(() => index.noteAt(uri)?.note, 10_000, 'the new note is indexed');
      assert.equal(note?.kind, 'ce');
      const ce = note as CeNote;
      assert.equal(ce.valid, true);
      assert.equal(ce.title, 'Opioid Stewardship: Safe Dispensing');
      assert.equal(ce.hours, 1.5);
      assert.equal(ce.status, 'completed');
      assert.equal(ce.completed, localToday());
      assert.deepEqual([...ce.topics].sort(), ['law', 'pain-management']);
      assert.deepEqual(index.folders()[0].index.problemsFor('notes/new/opioid-stewardship-safe-dispensing.md'), []);

      // Same title again, created anyway (the question is answered by ifExists): a new file name, and a planned
      // note has no completion date.
      const second = await vscode.commands.executeCommand<vscode.Uri>('pharmacyCe.newNote', { title: 'Opioid Stewardship: Safe Dispensing', hours: 1, completed: 'planned', folder: 'notes/new', open: false, ifExists: 'create' });
      assert.ok(second?.path.endsWith('/opioid-stewardship-safe-dispensing-2.md'), second?.path);
      const planned = fs.readFileSync(second.fsPath, 'utf8');
      assert.match(planned, /\nstatus: planned\n/);
      assert.doesNotMatch(planned, /completed:/);

      // The note was made by one WorkspaceEdit (create + insert): undo takes its text away again.
      const editor = await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === '' || !fs.existsSync(uri.fsPath), 5_000, 'undo of the new note');
    } finally {
      await removeFile(folder);
    }
  });

  it('New CE Note refuses bad automation input plainly and writes nothing', async () => {
    const result = await vscode.commands.executeCommand('pharmacyCe.newNote', { title: 'Bad', hours: 1, completed: '2026-02-30', folder: 'notes/bad' });
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(fixtureUri('notes/bad').fsPath), false);
  });

  it('New CE Note refuses a folder outside the workspace folder instead of moving it inside', async () => {
    // `../x` became `x` and `C:\x` a folder named `C:` inside the workspace folder.
    for (const folder of ['../outside-notes', 'C:\\outside-notes', '/outside-notes']) {
      const result = await vscode.commands.executeCommand('pharmacyCe.newNote', { title: 'Outside', hours: 1, completed: 'planned', folder, open: false });
      assert.equal(result, undefined, folder);
    }
    assert.equal(fs.existsSync(fixtureUri('outside-notes').fsPath), false);
    assert.equal(fs.existsSync(fixtureUri('C:').fsPath), false);
    assert.equal(fs.existsSync(path.join(path.dirname(fixtureUri('').fsPath), 'outside-notes')), false);
  });

  it('New CE Note cancelled at its first question writes nothing', async () => {
    const before = fs.readdirSync(fixtureUri('notes').fsPath).sort();
    const running = vscode.commands.executeCommand('pharmacyCe.newNote');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
    assert.deepEqual(fs.readdirSync(fixtureUri('notes').fsPath).sort(), before);
  });

  it('Copy UAN copies the standard form of the note\'s UAN', async () => {
    const copied = await vscode.commands.executeCommand<string>('pharmacyCe.copyUan', { uri: fixtureUri('notes/federal-law-update.md') });
    assert.equal(copied, '0145-0000-25-101-H03-T');
    try {
      assert.equal(await vscode.env.clipboard.readText(), '0145-0000-25-101-H03-T');
    } catch {
      // Some browsers refuse clipboard reads to a headless page; the command's result is checked above.
    }
  });

  it('Open Note opens the note given as a NoteTarget', async () => {
    const uri = fixtureUri('notes/look-alike-sound-alike.md');
    await vscode.commands.executeCommand('pharmacyCe.openNote', { uri });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('Set Up Credentials edits .pharmacy-ce.json in place, keeping ids, labels, comments and other keys', async () => {
    const index = await waitForIndex();
    const uri = fixtureUri(CONFIG_FILE);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    try {
      const withComment = original.replace('{\n', '{\n  // my CE setup\n');
      fs.writeFileSync(uri.fsPath, withComment);
      await waitFor(() => index.folders()[0].index.configProblems().length === 0 && index.folders()[0].index.config.credentials.length === 2, 10_000, 'config re-read');
      // A test before may have left the file open as a document: the command reads that, so wait for it too.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) await waitFor(() => open.getText() === withComment, 10_000, 'the open document re-read');
      const result = await vscode.commands.executeCommand<vscode.Uri>('pharmacyCe.setUpCredentials', {
        credentials: [
          { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
          { ruleSet: 'tx-technician', cycleEnd: '2028-12-31' },
          { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
        ],
        open: false,
      });
      assert.equal(result?.toString(), uri.toString());
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(text, /\/\/ my CE setup/);
      assert.match(text, /"id": "tx", "ruleSet": "tx-technician", "cycleEnd": "2028-12-31", "label": "Texas registration"/);
      assert.match(text, /"exclude": \["templates\/\*\*"\]/);
      assert.match(text, /\{ "ruleSet": "ca-technician", "cycleEnd": "2027-06-30" \}/);
      await waitFor(() => index.folders()[0].index.config.credentials.map((c) => c.ruleSetId).join() === 'ptcb-cpht,tx-technician,ca-technician', 10_000, 'the index reads three credentials');
    } finally {
      await closeAll();
      fs.writeFileSync(uri.fsPath, original);
      await waitFor(() => index.folders()[0].index.config.credentials.length === 2, 10_000, 'config restored');
    }
  });
});
