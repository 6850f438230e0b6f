// Where Set Up Credentials leaves the user (issue 12): the Progress view, not the raw settings file.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../src/core/rules/config';
import { fixtureUri, waitFor, waitForIndex } from './helpers';

describe('After Set Up Credentials', function () {
  this.timeout(60_000);

  it('shows the Progress view instead of opening .pharmacy-ce.json', async () => {
    const index = await waitForIndex();
    const uri = fixtureUri(CONFIG_FILE);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const run: string[] = [];
    const execute = vscode.commands.executeCommand;
    const opened: string[] = [];
    const showTextDocument = vscode.window.showTextDocument;
    // The extension shares this API object with the tests: the commands it runs go through this.
    (vscode.commands as { executeCommand: typeof execute }).executeCommand = (<T>(command: string, ...args: unknown[]) => {
      run.push(command);
      return execute<T>(command, ...args);
    }) as typeof execute;
    (vscode.window as { showTextDocument: unknown }).showTextDocument = (document: vscode.TextDocument | vscode.Uri, ...rest: unknown[]) => {
      opened.push('uri' in document ? document.uri.path : document.path);
      return (showTextDocument as (...args: unknown[]) => unknown)(document, ...rest);
    };
    try {
      await execute('workbench.action.closeAllEditors');
      const result = await execute<vscode.Uri>('pharmacyCe.setUpCredentials', {
        credentials: [
          { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
          { ruleSet: 'tx-technician', cycleEnd: '2028-12-31' },
          { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
        ],
      });
      assert.equal(result?.toString(), uri.toString());
      assert.ok(run.includes('pharmacyCe.progress.focus'), `the Progress view was shown (ran: ${run.join(', ')})`);
      assert.deepEqual(opened, [], 'the settings file is not opened');
      await waitFor(() => index.folders()[0].index.config.credentials.length === 3, 10_000, 'the index reads three credentials');
    } finally {
      (vscode.commands as { executeCommand: typeof execute }).executeCommand = execute;
      (vscode.window as { showTextDocument: unknown }).showTextDocument = showTextDocument;
      await execute('workbench.action.closeAllEditors');
      fs.writeFileSync(uri.fsPath, original);
      // The command opened the file as a document: the next test must not start from its stale text.
      const open = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      await waitFor(() => !open() || open()!.getText() === original, 10_000, 'the open document back to the file on disk');
      await waitFor(() => index.folders()[0].index.config.credentials.length === 2, 10_000, 'config restored');
    }
  });
});
