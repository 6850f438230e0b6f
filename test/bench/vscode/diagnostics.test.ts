// `npm run bench:vscode`: diagnostics in a real VS Code with 10,000 generated notes, one in ten with a problem.
// Prints figures (lines starting `[bench]`), asserts no time. PHARMACY_CE_BENCH_NOTES sets another number of notes.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE as SOURCE, fixtureUri, ourDiagnostics as ours, waitFor, waitForIndex } from '../../integration/helpers';

describe('Diagnostics with 10,000 notes (benchmark)', function () {
  this.timeout(10 * 60_000);
  const count = Number(process.env.PHARMACY_CE_BENCH_NOTES ?? 10_000);

  it('prints the time to publish every problem and to reflect one keystroke', async () => {
    const index = await waitForIndex();
    const root = fixtureUri('bench-h6').fsPath;
    const report = (line: string) => {
      const file = process.env.PHARMACY_CE_TEST_RESULT;
      if (file) fs.appendFileSync(file, `      [bench] ${line}\n`);
    };
    const withProblem = (n: number) => n % 10 === 0;
    const generated = () =>
      vscode.languages.getDiagnostics().filter(([uri, ds]) => uri.path.includes('/bench-h6/') && ds.some((d) => d.source === SOURCE)).length;
    try {
      fs.mkdirSync(root);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let dir = 0; dir < count / 100; dir++) {
        fs.mkdirSync(`${root}/d${dir}`);
        for (let i = 0; i < 100; i++) {
          const n = dir * 100 + i;
          fs.writeFileSync(
            `${root}/d${dir}/n${n}.md`,
            `---\ntitle: Generated ${n}\nce_hours: 1\ntopics: [${withProblem(n) ? 'pharmacy-lw' : 'law'}]\ncompleted: 2025-06-01\n---\nText.\n`,
          );
        }
      }
      let t = Date.now();
      await waitFor(() => generated() === count / 10, 5 * 60_000, `${count / 10} notes with diagnostics`);
      report(`${count} notes written: ${generated()} notes with diagnostics ${Date.now() - t} ms after the last write (index included)`);

      t = Date.now();
      await vscode.commands.executeCommand('pharmacyCe.refresh');
      const rebuilt = Date.now() - t;
      await waitFor(() => generated() === count / 10, 60_000, 'diagnostics after refresh');
      report(`Refresh (rebuild + republish of every problem): ${rebuilt} ms to rebuild, ${Date.now() - t} ms until published`);

      const uri = vscode.Uri.file(`${root}/d0/n1.md`);
      const editor = await vscode.window.showTextDocument(uri);
      // Timed once the views have finished reacting to the refresh and the opened note.
      let last = Date.now();
      const quiet = index.onDidChange(() => (last = Date.now()));
      await waitFor(() => Date.now() - last > 2000, 60_000, 'the index to be quiet');
      quiet.dispose();
      for (const [round, value] of [[1, '-1'], [2, '2']] as const) {
        t = Date.now();
        await editor.edit((b) => b.replace(editor.document.lineAt(2).range, `ce_hours: ${value}`));
        await waitFor(() => ours(uri).some((d) => d.range.start.line === 2) === (value === '-1'), 10_000, `edit ${round} reflected`);
        report(`edit ${round} reflected in the Problems panel after ${Date.now() - t} ms (300 ms typing delay included)`);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      await waitFor(() => generated() === 0, 120_000, 'the generated diagnostics to go');
    }
  });
});
