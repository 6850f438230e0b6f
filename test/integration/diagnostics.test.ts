// Diagnostics in a real VS Code: every problem of the fixture at its line and column, updates as the user types
// (before saving), and quick fixes that apply. Files written here are new ones, deleted afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Problem } from '../../src/core/types';
import { coreWorkspaceFor, fixtureRoot, fixtureUri, ourDiagnostics as ours, waitFor, waitForIndex } from './helpers';

const encoder = new TextEncoder();

function describeDiagnostics(uri: vscode.Uri): string {
  return JSON.stringify(ours(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`));
}

async function remove(relPath: string): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.uri.toString() === fixtureUri(relPath).toString()) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  try {
    await vscode.workspace.fs.delete(fixtureUri(relPath), { useTrash: false });
  } catch {
    // Already gone.
  }
}

describe('Diagnostics', () => {
  before(async () => {
    await waitForIndex();
  });

  it('publishes every problem of the fixture at the line and column the core reports', async () => {
    const index = await waitForIndex();
    const core = coreWorkspaceFor(fixtureRoot(), index.asOf());
    const expected = core.notes().flatMap((n) => core.problemsFor(n.path));
    assert.ok(expected.length >= 4, 'the fixture has problems');
    const byFile = new Map<string, Problem[]>();
    for (const p of expected) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, problems] of byFile) {
      const uri = fixtureUri(file);
      await waitFor(() => ours(uri).length === problems.length, 10_000, `${problems.length} diagnostics on ${file}, have ${describeDiagnostics(uri)}`);
      for (const p of problems) {
        const match = ours(uri).find((d) => d.range.start.line === p.line - 1 && d.range.start.character === p.column - 1 && d.code === p.code);
        assert.ok(match, `${file}:${p.line}:${p.column} ${p.code} is published (have ${describeDiagnostics(uri)})`);
        const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[p.severity];
        assert.equal(match.severity, severity);
        assert.equal(match.message, p.message);
        if (p.length) assert.equal(match.range.end.character - match.range.start.character, p.length);
      }
    }
    // Notes without problems have none.
    assert.deepEqual(ours(fixtureUri('notes/top-200-drugs.md')), []);
    assert.deepEqual(ours(fixtureUri('notes/federal-law-update.md')), []);
  });

  it('puts the fixture\'s known problems on the right lines', async () => {
    const badHours = fixtureUri('notes/bad-hours.md');
    await waitFor(() => ours(badHours).length >= 2, 10_000, 'bad-hours diagnostics');
    const errors = ours(badHours).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    // `ce_hours: -2` is line 3, `completed: 2026-04-31` line 4 (0-based 2 and 3), both at the value.
    assert.ok(errors.some((d) => d.range.start.line === 2 && d.range.start.character === 'ce_hours: '.length), describeDiagnostics(badHours));
    assert.ok(errors.some((d) => d.range.start.line === 3 && d.range.start.character === 'completed: '.length), describeDiagnostics(badHours));

    const broken = fixtureUri('notes/broken-yaml.md');
    const yaml = ours(broken).find((d) => d.code === 'yaml-syntax');
    assert.ok(yaml, describeDiagnostics(broken));
    assert.equal(yaml.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(yaml.range.start.line >= 2 && yaml.range.start.line <= 4, `YAML error inside the frontmatter, at ${yaml.range.start.line}`);

    const store = fixtureUri('notes/store-in-service.md');
    const topic = ours(store).find((d) => d.code === 'unknown-topic');
    assert.ok(topic, describeDiagnostics(store));
    // `topics: pharmacy-lw` is line 5 (0-based 4).
    assert.equal(topic.range.start.line, 4);
    assert.equal(topic.range.start.character, 'topics: '.length);
    assert.equal(topic.range.end.character, 'topics: pharmacy-lw'.length);
    assert.equal(topic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(topic.message, /law/);
  });

  it('shows the config file\'s problems on .pharmacy-ce.json', async () => {
    const index = await waitForIndex();
    const problems = index.folders()[0].index.configProblems();
    assert.equal(ours(fixtureUri('.pharmacy-ce.json')).length, problems.length);
  });

  it('updates as the user types, before saving, and forgets unsaved text on close', async () => {
    const rel = 'notes/diagnostics-typing.md';
    const uri = fixtureUri(rel);
    await vscode.workspace.fs.writeFile(uri, encoder.encode('---\ntitle: Typing\nce_hours: 1\ntopics: [lawz]\ncompleted: 2026-01-05\n---\nBody.\n'));
    try {
      await waitFor(() => ours(uri).some((d) => d.code === 'unknown-topic'), 10_000, 'unknown-topic on the new note');
      const editor = await vscode.window.showTextDocument(uri);
      const line = editor.document.lineAt(3);
      await editor.edit((b) => b.replace(line.range, 'topics: [law]'));
      assert.equal(editor.document.isDirty, true);
      await waitFor(() => ours(uri).length === 0, 5_000, `no diagnostics after fixing the topic (have ${describeDiagnostics(uri)})`);
      // A new problem typed in shows up too.
      await editor.edit((b) => b.replace(editor.document.lineAt(2).range, 'ce_hours: -1'));
      await waitFor(() => ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === 2), 5_000, 'error for negative hours');
      // Closing without saving: the disk's text (with its unknown topic) counts again.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(() => ours(uri).some((d) => d.code === 'unknown-topic') && !ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 10_000, `disk problems back (have ${describeDiagnostics(uri)})`);
    } finally {
      await remove(rel);
    }
    await waitFor(() => ours(uri).length === 0, 10_000, 'diagnostics cleared after delete');
  });

  it('offers quick fixes that apply: unknown topic, UAN variant, ceu mismatch, unknown key', async () => {
    const rel = 'notes/diagnostics-fixes.md';
    const uri = fixtureUri(rel);
    const text = '---\ntitle: Fixes\nceu: 0.2\nce_hours: 3 # typed by hand\ntopics: [pharmacy-lw, patient-safety]\nuan: 145-0000-25-101-H03-T\ncomplted: 2026-01-05\n---\nBody.\n';
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    try {
      const codes = ['unknown-topic', 'uan-variant', 'ceu-mismatch', 'unknown-key'];
      await waitFor(() => codes.every((c) => ours(uri).some((d) => d.code === c)), 10_000, `all four problems (have ${describeDiagnostics(uri)})`);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      for (const code of codes) {
        await waitFor(() => ours(uri).some((d) => d.code === code), 5_000, `${code} still published`);
        const diagnostic = ours(uri).find((d) => d.code === code)!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        // The command's CodeActions do not carry their diagnostics back: the range picks the problem.
        const fix = actions.find((a) => a.isPreferred && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
        assert.ok(fix?.edit, `a preferred quick fix for ${code} (have ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))})`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        await waitFor(() => !ours(uri).some((d) => d.code === code), 5_000, `${code} fixed (have ${describeDiagnostics(uri)})`);
      }
      assert.equal(
        document.getText(),
        '---\ntitle: Fixes\nceu: 0.2\nce_hours: 2 # typed by hand\ntopics: [law, patient-safety]\nuan: 0145-0000-25-101-H03-T\ncompleted: 2026-01-05\n---\nBody.\n',
      );
    } finally {
      await remove(rel);
    }
  });

  it('says once what is wrong with a malformed UAN (diagnostic, not again in the hover), and fixes it', async () => {
    const rel = 'notes/diagnostics-uan.md';
    const uri = fixtureUri(rel);
    await vscode.workspace.fs.writeFile(uri, encoder.encode('---\ntitle: UAN\nce_hours: 1\nuan: 0457-0000-26-031-H8-T\ncompleted: 2026-01-05\n---\n'));
    try {
      const diagnostic = await waitFor(() => ours(uri).find((d) => d.code === 'uan-malformed') ?? false, 10_000, `the UAN problem (have ${describeDiagnostics(uri)})`);
      assert.ok(diagnostic);
      assert.match(diagnostic.message, /topic code 8 needs two digits: 08/);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 10));
      // Markdown escapes removed: the text as a reader sees it.
      const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\/g, '');
      assert.match(hover, /six parts/, hover);
      assert.ok(!/needs two digits/.test(hover), `the hover does not repeat the diagnostic: ${hover}`);
      assert.match(hover, /0457-0000-26-031-H08-T/, 'the hover names the fix');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred && a.title.includes('0457-0000-26-031-H08-T'));
      assert.ok(fix?.edit, `a quick fix (have ${JSON.stringify(actions.map((a) => a.title))})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /\nuan: 0457-0000-26-031-H08-T\n/);
      await waitFor(() => !ours(uri).some((d) => d.code === 'uan-malformed'), 5_000, `fixed (have ${describeDiagnostics(uri)})`);
    } finally {
      await remove(rel);
    }
  });
  it('shows the career model\'s problems at their notes: a second note for one certificate, cleared when it goes', async () => {
    const [first, second] = ['notes/diagnostics-career-a.md', 'notes/diagnostics-career-b.md'];
    const note = '---\ntype: certificate\nprogram: ptcb-tpv\nstatus: earned\nearned: 2024-01-10\n---\n# Product verification\n';
    await vscode.workspace.fs.writeFile(fixtureUri(first), encoder.encode(note));
    await vscode.workspace.fs.writeFile(fixtureUri(second), encoder.encode(note));
    const uri = fixtureUri(second);
    try {
      const diagnostic = await waitFor(() => ours(uri).find((d) => d.code === 'duplicate-certificate') ?? false, 10_000, `the duplicate (have ${describeDiagnostics(uri)})`);
      assert.ok(diagnostic);
      assert.equal(diagnostic.range.start.line, 2);
      assert.match(diagnostic.message, /diagnostics-career-a\.md also records/);
      assert.deepEqual(ours(fixtureUri(first)), []);
    } finally {
      await remove(first);
    }
    await waitFor(() => ours(uri).length === 0, 10_000, `cleared once the first note is gone (have ${describeDiagnostics(uri)})`);
    await remove(second);
  });
});
