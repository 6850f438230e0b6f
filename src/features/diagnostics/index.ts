// Every problem the core finds, in the Problems panel at its line and column, kept current as the user types;
// and the quick fixes whose answer is obvious (the core puts it in the problem's `replacement`).
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/rules/config';
import { renameKeyEdit, setFrontmatterValues } from '../../core/notes/edit';
import type { Problem, ProblemCode, Severity } from '../../core/types';
import { reportError } from '../../services/log';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { addTextEdits } from '../commands/shared';

export const DIAGNOSTIC_SOURCE = 'Pharmacy CE';
const TYPING_DELAY_MS = 300;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** What the feature hands to integration tests. */
export interface DiagnosticsApi {
  readonly collection: vscode.DiagnosticCollection;
  /** Hands pending as-you-type text to the index now instead of after the typing delay. */
  flush(): void;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): DiagnosticsApi {
  const collection = vscode.languages.createDiagnosticCollection('pharmacy-ce');
  context.subscriptions.push(collection);
  const published = new Map<string, Set<string>>(); // folder uri -> uris with diagnostics

  // Changes are collected and handed to the collection in one call: a rebuild of thousands of notes is one
  // message to the editor, not thousands.
  type Entry = [vscode.Uri, vscode.Diagnostic[] | undefined];
  const publish = (build: (add: (folder: IndexedFolder, uri: vscode.Uri, problems: readonly Problem[]) => void) => void) => {
    const openDocuments = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const entries: Entry[] = [];
    build((folder, uri, problems) => {
      const key = folder.folder.uri.toString();
      const set = published.get(key) ?? new Set<string>();
      published.set(key, set);
      const id = uri.toString();
      if (problems.length === 0) {
        if (set.delete(id)) entries.push([uri, undefined]);
        return;
      }
      const document = openDocuments.get(id);
      entries.push([uri, problems.map((p) => toDiagnostic(p, document))]);
      set.add(id);
    });
    if (entries.length > 0) collection.set(entries);
  };

  /**
   * Problems at files other than the notes' own: links not followed, the study's (the review log's lines;
   * cards' exam, domain or duplicates, at their notes) and the career's (unknown programs, a certificate with
   * two notes), by file.
   */
  const extraProblems = (folder: IndexedFolder) => {
    const byFile = new Map<string, Problem[]>();
    for (const p of [...folder.index.fileProblems(), ...folder.index.studyProblems(), ...folder.index.careerProblems()]) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    return byFile;
  };
  /** Files that had extra problems when last published, per folder: cleared once they have none. */
  const extraFiles = new Map<string, Set<string>>();

  const ownProblems = (folder: IndexedFolder, relPath: string) => (relPath === CONFIG_FILE ? folder.index.configProblems() : folder.index.problemsFor(relPath));

  /** Publishes the config, the notes at `relPaths` (every note when undefined) and every file with extra problems now or before. */
  const publishIn = (folder: IndexedFolder, relPaths: readonly string[] | undefined) =>
    publish((add) => {
      const extra = extraProblems(folder);
      const key = folder.folder.uri.toString();
      const files = new Set([CONFIG_FILE, ...(relPaths ?? folder.index.notes().map((n) => n.path)), ...(extraFiles.get(key) ?? []), ...extra.keys()]);
      extraFiles.set(key, new Set(extra.keys()));
      for (const file of files) add(folder, index.uriOf(folder, file), [...ownProblems(folder, file), ...(extra.get(file) ?? [])]);
    });

  const publishPaths = (folder: IndexedFolder, relPaths: readonly string[]) => publishIn(folder, relPaths);

  const publishFolder = (folder: IndexedFolder) => {
    const key = folder.folder.uri.toString();
    const before = published.get(key) ?? new Set<string>();
    published.set(key, new Set());
    publishIn(folder, undefined);
    // Whatever had problems before and is no longer published (deleted, excluded, fixed) is cleared.
    const now = published.get(key)!;
    const gone = [...before].filter((uri) => !now.has(uri));
    if (gone.length > 0) collection.set(gone.map((uri): Entry => [vscode.Uri.parse(uri), undefined]));
  };

  const publishAll = () => {
    const live = new Set(index.folders().map((f) => f.folder.uri.toString()));
    for (const [key, uris] of published) {
      if (live.has(key)) continue;
      for (const uri of uris) collection.delete(vscode.Uri.parse(uri));
      published.delete(key);
    }
    for (const folder of index.folders()) publishFolder(folder);
  };

  const safely = (what: string, body: () => void) => {
    try {
      body();
    } catch (error) {
      reportError(vscode.l10n.t('Pharmacy CE: could not update {0}.', what), error);
    }
  };

  // A failed first index is reported by the index itself; the change events that follow still publish.
  index.ready.then(() => safely(vscode.l10n.t('the Problems panel'), publishAll), () => undefined);
  context.subscriptions.push(
    index.onDidChange((change) =>
      safely(vscode.l10n.t('the Problems panel'), () => {
        const byUri = new Map(index.folders().map((f) => [f.folder.uri.toString(), f]));
        for (const wf of change.folders) {
          const folder = byUri.get(wf.uri.toString());
          if (!folder) {
            // A folder removed from the workspace: its problems go with it.
            const gone = published.get(wf.uri.toString());
            if (gone) collection.set([...gone].map((uri): Entry => [vscode.Uri.parse(uri), undefined]));
            published.delete(wf.uri.toString());
            continue;
          }
          if (change.paths.length === 0) {
            publishFolder(folder);
            continue;
          }
          publishPaths(folder, change.paths);
        }
        if (change.folders.length === 0) publishAll();
      }),
    ),
    // Closed files get ranges to the end of the line; an opened one gets exact ranges from its text.
    vscode.workspace.onDidOpenTextDocument((document) =>
      safely(vscode.l10n.t('the Problems panel'), () => {
        const found = index.noteAt(document.uri);
        if (found) publishPaths(found.folder, [found.note.path]);
      }),
    ),
  );

  // As you type: the index re-parses unsaved text, debounced per document.
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const diverged = new Set<string>(); // documents whose indexed text is unsaved editor text
  const pushText = (document: vscode.TextDocument) => {
    timers.delete(document.uri.toString());
    if (document.isClosed) return;
    if (!document.isDirty) {
      // Reverted or saved while the timer ran: the file on disk is the truth again, and it may be gone by now
      // (pushing the editor's text would bring a deleted note back into the index).
      if (diverged.delete(document.uri.toString())) {
        index.reloadFromDisk(document.uri).catch((error) => reportError(vscode.l10n.t('Pharmacy CE: could not re-read {0}.', document.uri.fsPath), error));
      }
      return;
    }
    diverged.add(document.uri.toString());
    index.updateFromText(document.uri, document.getText());
    // The note is re-parsed by now: show its problems at once rather than after every view has re-evaluated
    // (the change event that follows publishes the same again).
    const found = index.noteAt(document.uri);
    if (found) publishPaths(found.folder, [found.note.path]);
  };
  const isIndexedNote = (document: vscode.TextDocument) => {
    if (document.uri.scheme === 'output' || document.uri.scheme === 'git') return false;
    if (index.noteAt(document.uri)) return true;
    const folder = index.folderOf(document.uri);
    return !!folder && folder.index.isNotePath(index.relativePath(folder, document.uri));
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !isIndexedNote(event.document)) return;
      const key = event.document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => safely(vscode.l10n.t('diagnostics'), () => pushText(event.document)), TYPING_DELAY_MS));
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      // The saved text is what is on disk now; the file watcher will agree with it.
      diverged.delete(document.uri.toString());
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      if (diverged.delete(key)) {
        // Closed without saving: what counts is the file on disk again.
        index.reloadFromDisk(document.uri).catch((error) => reportError(vscode.l10n.t('Pharmacy CE: could not re-read {0}.', document.uri.fsPath), error));
      }
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ProblemFixes(index), {
      providedCodeActionKinds: ProblemFixes.providedCodeActionKinds,
    }),
  );

  return {
    collection,
    flush: () => {
      for (const [key, timer] of timers) {
        clearTimeout(timer);
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (document) pushText(document);
      }
    },
  };
}

/** Problem positions are 1-based; an absent length runs to the end of the line (or its first 200 columns when the file is closed). */
export function problemRange(problem: Problem, document?: vscode.TextDocument): vscode.Range {
  const line = Math.max(0, problem.line - 1);
  const start = Math.max(0, problem.column - 1);
  let lineLength: number | undefined;
  if (document && line < document.lineCount) lineLength = document.lineAt(line).text.length;
  let end = problem.length && problem.length > 0 ? start + problem.length : (lineLength ?? start + 200);
  if (lineLength !== undefined) end = Math.min(Math.max(end, start), Math.max(lineLength, start));
  return new vscode.Range(line, start, line, end);
}

function toDiagnostic(problem: Problem, document?: vscode.TextDocument): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(problemRange(problem, document), problem.message, SEVERITY[problem.severity] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (problem.code) diagnostic.code = problem.code;
  return diagnostic;
}

const FIXABLE: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['unknown-topic', 'uan-variant', 'uan-malformed', 'ceu-mismatch', 'unknown-key', 'unknown-career-word', 'unknown-program']);

/** Quick fixes for problems whose fix the core already worked out (`replacement`). */
export class ProblemFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly index: WorkspaceIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && FIXABLE.has(codeOf(d) as ProblemCode));
    if (ours.length === 0) return [];
    const found = this.index.noteAt(document.uri);
    if (!found) return [];
    // Diagnostics come back as copies: find the problem (and its replacement) by code and position.
    const problems = found.folder.index.problemsFor(found.note.path);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const problem = problems.find(
        (p) => p.code === codeOf(diagnostic) && p.line - 1 === diagnostic.range.start.line && p.column - 1 === diagnostic.range.start.character && p.replacement !== undefined,
      );
      if (!problem) continue;
      const action = this.fixFor(document, problem, diagnostic);
      if (action) actions.push(action);
    }
    return actions;
  }

  private fixFor(document: vscode.TextDocument, problem: Problem, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const replacement = problem.replacement!;
    const edit = new vscode.WorkspaceEdit();
    let title: string;
    switch (problem.code) {
      case 'unknown-topic':
        title = vscode.l10n.t('Change topic to "{0}"', replacement);
        edit.replace(document.uri, problemRange(problem, document), replacement);
        break;
      case 'unknown-career-word':
      case 'unknown-program':
        title = vscode.l10n.t('Change to "{0}"', replacement);
        edit.replace(document.uri, problemRange(problem, document), replacement);
        break;
      case 'uan-variant':
      case 'uan-malformed':
        title = vscode.l10n.t('Write the UAN as {0}', replacement);
        edit.replace(document.uri, problemRange(problem, document), replacement);
        break;
      case 'unknown-key': {
        title = vscode.l10n.t('Rename key to "{0}"', replacement);
        const rename = renameKeyEdit(document.getText(), problem.line - 1, replacement);
        if (!rename) return undefined;
        addTextEdits(edit, document, [rename]);
        break;
      }
      case 'ceu-mismatch': {
        title = vscode.l10n.t('Set ce_hours to {0}', replacement);
        const result = setFrontmatterValues(document.getText(), [['ce_hours', replacement]], ['ceu']);
        if (!result.ok || result.edits.length === 0) return undefined;
        addTextEdits(edit, document, result.edits);
        break;
      }
      default:
        return undefined;
    }
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
