// The Progress view: credential -> requirements, limits and counted / not-counted notes -> the notes. Elements
// hold only keys; labels are read from the index's (memoized) evaluation each time, so a refresh is cheap and
// stable ids keep the user's expansion.
import * as vscode from 'vscode';
import { formatHours } from '../../core/common/numbers';
import { escapeMarkdown } from '../../core/common/text';
import type { CredentialProgress, NoteVerdict } from '../../core/types';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import type { CredentialTarget, NoteTarget } from '../../services/targets';
import { reportError } from '../../services/log';
import {
  credentialTooltip,
  hasOpenNoteCommand,
  hoursOf,
  noteContextValue,
  noteDescription,
  noteAccessibilityLabel,
  noteIcon,
  noteTooltip,
  openNoteCommand,
  stateIcon,
  withHours,
  formatDate,
} from '../../ui/format';
import { EditorFollower } from '../../ui/follow';
import { badgeCredential, credentialRow } from '../../ui/credential-text';
import { nextDeadline } from '../../core/rules/standing';
import { CachedTreeProvider } from '../../ui/cached-tree';
import { isInUse } from '../../services/in-use';
import { settingName } from '../../services/settings';
import { verifyWith } from '../../core/rules/rule-body';

export const VIEW_ID = 'pharmacyCe.progress';

interface FolderElement {
  readonly kind: 'folder';
  readonly id: string;
  readonly folder: IndexedFolder;
}
export interface CredentialElement extends CredentialTarget {
  readonly kind: 'credential';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly parent?: FolderElement;
}
interface RequirementElement {
  readonly kind: 'requirement';
  readonly id: string;
  readonly requirementId: string;
  readonly parent: CredentialElement;
}
interface LimitElement {
  readonly kind: 'limit';
  readonly id: string;
  readonly limitId: string;
  readonly parent: CredentialElement;
}
interface NoteListElement {
  readonly kind: 'counted' | 'not-counted';
  readonly id: string;
  readonly parent: CredentialElement;
}
export interface NoteElement extends NoteTarget {
  readonly kind: 'note';
  readonly id: string;
  readonly path: string;
  readonly parent: RequirementElement | LimitElement | NoteListElement;
}
export type ProgressElement = FolderElement | CredentialElement | RequirementElement | LimitElement | NoteListElement | NoteElement;

export class ProgressTreeProvider extends CachedTreeProvider<ProgressElement> {
  openNoteAvailable = false;

  /** Verdicts by note path, per credential element id: a note row looks its verdict up without a scan. */
  private verdicts = new Map<string, Map<string, NoteVerdict>>();

  protected override clearCaches(): void {
    this.verdicts = new Map();
  }

  getTreeItem(element: ProgressElement): vscode.TreeItem {
    switch (element.kind) {
      case 'folder':
        return this.folderItem(element);
      case 'credential':
        return this.credentialItem(element);
      case 'requirement':
        return this.requirementItem(element);
      case 'limit':
        return this.limitItem(element);
      case 'counted':
      case 'not-counted':
        return this.noteListItem(element);
      case 'note':
        return this.noteItem(element);
    }
  }

  /** Note tooltips are built on hover only: thousands of rows need no Markdown until someone looks. */
  resolveTreeItem(item: vscode.TreeItem, element: ProgressElement): vscode.TreeItem {
    if (element.kind !== 'note') return item;
    const folder = element.parent.parent.folder;
    const note = folder.index.getNote(element.path);
    if (note) item.tooltip = noteTooltip(note, folder.index.problemsFor(element.path), this.verdictOf(element.parent.parent, element.path)?.reason);
    return item;
  }

  /** The progress of the credential behind an element (undefined if it went away since). */
  progressOf(element: CredentialElement): CredentialProgress | undefined {
    return this.index.progress(element.folder).find((p) => p.credential.id === element.credentialId);
  }

  private verdictOf(element: CredentialElement, path: string): NoteVerdict | undefined {
    let byPath = this.verdicts.get(element.id);
    if (!byPath) {
      byPath = new Map((this.progressOf(element)?.verdicts ?? []).map((v) => [v.path, v]));
      this.verdicts.set(element.id, byPath);
    }
    return byPath.get(path);
  }

  /**
   * The view's badge: the hours still needed for the credential due first. Not a sum: one course often counts
   * for several credentials, so a sum overstates what is left to do.
   */
  badge(): vscode.ViewBadge | undefined {
    if (!this.index.isReady || !isInUse(this.index)) return undefined;
    const folders = this.index.folders();
    const all = folders.flatMap((folder) => this.index.progress(folder).map((p) => ({ p, folder })));
    const found = badgeCredential(all.map((x) => x.p));
    if (!found) return undefined;
    const due = found.progress;
    const folder = folders.length > 1 ? all.find((x) => x.p === due)?.folder.folder.name : undefined;
    const who = folder ? `${due.credential.label} (${folder})` : due.credential.label;
    const hours = formatHours(found.hours);
    const deadline = nextDeadline(due.cycle);
    // The date named is the one "days left" counts to everywhere else: the deadline to apply when there is one.
    const tooltip =
      due.cycle.daysLeft < 0
        ? vscode.l10n.t('{0} CE hours still needed for {1} (cycle ended {2})', hours, who, formatDate(due.cycle.end))
        : deadline.apply
          ? vscode.l10n.t('{0} CE hours still needed for {1}, due first (apply by {2})', hours, who, formatDate(deadline.date))
          : vscode.l10n.t('{0} CE hours still needed for {1}, due first (cycle ends {2})', hours, who, formatDate(due.cycle.end));
    return { value: Math.ceil(found.hours), tooltip };
  }

  /**
   * The first place a note appears: under the first requirement it counts for, else in the counted or not
   * counted list of the first credential that considered it. Only the rows on that path are built.
   */
  findNote(uri: vscode.Uri): NoteElement | undefined {
    const found = this.index.noteAt(uri);
    if (!found) return undefined;
    const path = found.note.path;
    const roots = this.getChildren(undefined);
    const folderRoot = roots.find((r) => r.kind === 'folder' && r.folder === found.folder);
    const credentials = folderRoot ? this.getChildren(folderRoot) : roots;
    for (const credential of credentials) {
      if (credential.kind !== 'credential') continue;
      const progress = this.progressOf(credential);
      if (!progress) continue;
      const requirement = progress.requirements.find((r) => r.notes.includes(path));
      const verdict = this.verdictOf(credential, path);
      const row = this.getChildren(credential).find((r) =>
        requirement ? r.kind === 'requirement' && r.requirementId === requirement.id : verdict !== undefined && r.kind === (verdict.counted ? 'counted' : 'not-counted'),
      );
      const element = row ? this.getChildren(row).find((n) => n.kind === 'note' && n.path === path) : undefined;
      if (element?.kind === 'note') return element;
    }
    return undefined;
  }

  protected computeChildren(element?: ProgressElement): ProgressElement[] {
    if (!element) {
      const folders = this.index.folders();
      // Nothing set up and no CE note yet: an empty tree lets the view's welcome ("Set Up Credentials") show
      // instead of a default credential at 0 h (the same condition as its `when` clause).
      if (!isInUse(this.index)) return [];
      if (folders.length === 1) return this.credentials(folders[0], undefined);
      return folders.map((folder) => ({ kind: 'folder', id: `folder:${folder.folder.uri.toString()}`, folder }));
    }
    switch (element.kind) {
      case 'folder':
        return this.credentials(element.folder, element);
      case 'credential':
        return this.credentialChildren(element);
      case 'requirement':
      case 'limit':
      case 'counted':
      case 'not-counted':
        return this.notesOf(element);
      case 'note':
        return [];
    }
  }

  private credentials(folder: IndexedFolder, parent: FolderElement | undefined): CredentialElement[] {
    return this.index.progress(folder).map((p) => ({
      kind: 'credential',
      id: `credential:${folder.folder.uri.toString()}#${p.credential.id}`,
      folder,
      folderUri: folder.folder.uri,
      credentialId: p.credential.id,
      parent,
    }));
  }

  private credentialChildren(parent: CredentialElement): ProgressElement[] {
    const progress = this.progressOf(parent);
    if (!progress) return [];
    const out: ProgressElement[] = progress.requirements.map((r) => ({ kind: 'requirement', id: `${parent.id}#requirement:${r.id}`, requirementId: r.id, parent }));
    for (const l of progress.limits) if (l.matched > 0) out.push({ kind: 'limit', id: `${parent.id}#limit:${l.id}`, limitId: l.id, parent });
    if (progress.verdicts.some((v) => v.counted)) out.push({ kind: 'counted', id: `${parent.id}#counted`, parent });
    if (progress.verdicts.some((v) => !v.counted)) out.push({ kind: 'not-counted', id: `${parent.id}#not-counted`, parent });
    return out;
  }

  private notesOf(parent: RequirementElement | LimitElement | NoteListElement): NoteElement[] {
    const progress = this.progressOf(parent.parent);
    if (!progress) return [];
    let paths: string[];
    if (parent.kind === 'requirement') paths = progress.requirements.find((r) => r.id === parent.requirementId)?.notes ?? [];
    else if (parent.kind === 'limit') paths = progress.limits.find((l) => l.id === parent.limitId)?.notes ?? [];
    else paths = progress.verdicts.filter((v) => v.counted === (parent.kind === 'counted')).map((v) => v.path);
    const folder = parent.parent.folder;
    return [...new Set(paths)].map((path) => ({ kind: 'note', id: `${parent.id}#note:${path}`, path, uri: this.index.uriOf(folder, path), parent }));
  }

  private folderItem(element: FolderElement): vscode.TreeItem {
    const item = new vscode.TreeItem(element.folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = element.id;
    item.iconPath = vscode.ThemeIcon.Folder;
    item.resourceUri = element.folder.folder.uri;
    item.contextValue = 'folder';
    const progress = this.index.progress(element.folder);
    const needed = progress.reduce((sum, p) => sum + Math.max(0, p.hours.remaining), 0);
    item.description = needed > 0 ? vscode.l10n.t('{0} h still needed', formatHours(needed)) : undefined;
    return item;
  }

  private credentialItem(element: CredentialElement): vscode.TreeItem {
    const progress = this.progressOf(element);
    if (!progress) return staleItem(element.id);
    // Label, description and icon from one pure function (tested beside the report and the dashboard).
    const row = credentialRow(progress);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = element.id;
    item.description = row.description;
    item.iconPath = stateIcon(row.state);
    item.tooltip = credentialTooltip(progress, this.index.asOf());
    item.contextValue = 'credential';
    // The icon shows the state; a screen reader needs it in words.
    item.accessibilityInformation = { label: [progress.credential.label, hoursOf(progress.hours.earned, progress.hours.required), row.stateText, item.description].join(', ') };
    return item;
  }

  private requirementItem(element: RequirementElement): vscode.TreeItem {
    const progress = this.progressOf(element.parent);
    const requirement = progress?.requirements.find((r) => r.id === element.requirementId);
    if (!progress || !requirement) return staleItem(element.id);
    const item = new vscode.TreeItem(
      withHours(hoursOf(requirement.earned, requirement.required), requirement.label),
      requirement.notes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = element.id;
    // A requirement not yet met is only alarming as far as its credential is.
    item.iconPath = stateIcon(requirement.met ? 'met' : progress.state === 'met' ? 'at-risk' : progress.state);
    const parts: string[] = [];
    if (!requirement.met) parts.push(vscode.l10n.t('{0} h to go', formatHours(requirement.remaining)));
    if (!requirement.countsTowardTotal) parts.push(vscode.l10n.t('not part of the total'));
    item.description = parts.join(' · ') || undefined;
    item.accessibilityInformation = {
      label: [requirement.label, hoursOf(requirement.earned, requirement.required), requirement.met ? vscode.l10n.t('met') : vscode.l10n.t('not met yet'), item.description].filter(Boolean).join(', '),
    };
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(requirement.label)}** — ${escapeMarkdown(progress.credential.label)}\n\n`);
    md.appendMarkdown(
      escapeMarkdown(
        vscode.l10n.t('{0} of {1} h required, from {2} note(s).', formatHours(requirement.earned), formatHours(requirement.required), requirement.notes.length),
      ) + '\n\n',
    );
    if (!requirement.countsTowardTotal) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Required, but these hours do not count toward the total.')) + '\n\n');
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Source: {0} (checked {1}). Progress as of {2}.', progress.ruleSet.source, progress.ruleSet.asOf, this.index.asOf())));
    if (progress.ruleSet.verify) md.appendMarkdown('\n\n' + escapeMarkdown(vscode.l10n.t('Not verified against a primary source: {0}.', verifyWith(progress.ruleSet))));
    item.tooltip = md;
    item.contextValue = 'requirement';
    return item;
  }

  private limitItem(element: LimitElement): vscode.TreeItem {
    const progress = this.progressOf(element.parent);
    const limit = progress?.limits.find((l) => l.id === element.limitId);
    if (!progress || !limit) return staleItem(element.id);
    const item = new vscode.TreeItem(limit.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = element.id;
    const capped = limit.applied < limit.matched;
    item.iconPath = new vscode.ThemeIcon(capped ? 'circle-slash' : 'info', capped ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.description =
      limit.maxHours === 0
        ? vscode.l10n.t('{0} h not accepted', formatHours(limit.matched))
        : vscode.l10n.t('{0} of {1} h counted (max {2} h)', formatHours(limit.applied), formatHours(limit.matched), formatHours(limit.maxHours));
    item.tooltip = new vscode.MarkdownString(
      `**${escapeMarkdown(limit.label)}**\n\n` +
        escapeMarkdown(
          limit.maxHours === 0
            ? vscode.l10n.t('{0} does not accept these hours.', progress.ruleSet.name)
            : vscode.l10n.t('{0} accepts at most {1} h of these toward the total.', progress.ruleSet.name, formatHours(limit.maxHours)),
        ),
    );
    item.contextValue = 'limit';
    return item;
  }

  private noteListItem(element: NoteListElement): vscode.TreeItem {
    const progress = this.progressOf(element.parent);
    if (!progress) return staleItem(element.id);
    const counted = element.kind === 'counted';
    const verdicts = progress.verdicts.filter((v) => v.counted === counted);
    const item = new vscode.TreeItem(counted ? vscode.l10n.t('Counted notes') : vscode.l10n.t('Not counted'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = element.id;
    item.iconPath = new vscode.ThemeIcon(counted ? 'checklist' : 'circle-slash');
    item.description = verdicts.length === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', verdicts.length);
    item.contextValue = element.kind;
    return item;
  }

  private noteItem(element: NoteElement): vscode.TreeItem {
    const folder = element.parent.parent.folder;
    const note = folder.index.getNote(element.path);
    if (!note) return staleItem(element.id);
    const problems = folder.index.problemsFor(element.path);
    const item = new vscode.TreeItem(note.title || element.path, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.resourceUri = element.uri;
    const verdict = this.verdictOf(element.parent.parent, element.path);
    const counted = verdict?.counted ?? element.parent.kind !== 'not-counted';
    item.description = noteDescription(note, verdict?.reason);
    item.iconPath = noteIcon(note, problems, counted);
    item.accessibilityInformation = { label: noteAccessibilityLabel(note, item.description, problems, counted) };
    item.contextValue = noteContextValue(note);
    item.command = openNoteCommand(element.uri, this.openNoteAvailable);
    return item;
  }
}

function staleItem(id: string): vscode.TreeItem {
  const item = new vscode.TreeItem('…');
  item.id = id;
  return item;
}

export interface ProgressTreeApi {
  provider: ProgressTreeProvider;
  view: vscode.TreeView<ProgressElement>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): ProgressTreeApi {
  const provider = new ProgressTreeProvider(index);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);

  const update = () => {
    view.message = index.isReady ? undefined : vscode.l10n.t('Reading your notes…');
    view.badge = provider.badge();
    provider.refresh();
  };
  const follower = new EditorFollower(view, (uri) => provider.findNote(uri), index);
  context.subscriptions.push(follower);
  // Open Note belongs to the commands feature: items use it once it is registered (checked when the index is ready).
  const checkOpenNote = async () => {
    const available = await hasOpenNoteCommand();
    if (available !== provider.openNoteAvailable) {
      provider.openNoteAvailable = available;
      provider.refresh();
    }
  };
  context.subscriptions.push(
    index.onDidChange(() => {
      update();
      follower.follow();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingName('dateFormat'))) provider.refresh();
    }),
  );
  update();
  void index.ready
    .then(checkOpenNote)
    .then(() => {
      update();
      follower.follow(true);
    })
    .catch((error: unknown) => reportError(vscode.l10n.t('The Progress view could not be drawn.'), error));
  return { provider, view };
}
