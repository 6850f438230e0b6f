// The Notes view: every CE note (and every note that could not be read), grouped by status or by topic.
// The grouping is remembered per workspace and mirrored in a context key for the title-bar toggle.
import * as vscode from 'vscode';
import { formatHours } from '../../core/common/numbers';
import { TOPICS, isTopicKey, topicLabel } from '../../core/notes/topics';
import type { ParsedNote } from '../../core/types';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import type { NoteTarget } from '../../services/targets';
import { guarded, reportError } from '../../services/log';
import { EditorFollower } from '../../ui/follow';
import { CachedTreeProvider } from '../../ui/cached-tree';
import { isInUse } from '../../services/in-use';
import {
  hasOpenNoteCommand,
  noteContextValue,
  noteDescription,
  noteAccessibilityLabel,
  noteIcon,
  noteTooltip,
  openNoteCommand,
  worstSeverity,
} from '../../ui/format';
import { settingName } from '../../services/settings';

export const VIEW_ID = 'pharmacyCe.notes';
export type Grouping = 'status' | 'topic';
const GROUPING_KEY = 'pharmacyCe.notesGrouping';

/** Group keys: a status, a topic key, `~none` (no topic) or `~unreadable` (broken notes). */
const NO_TOPIC = '~none';
const UNREADABLE = '~unreadable';
const STATUS_ORDER = ['in-progress', 'planned', 'completed'];

interface FolderElement {
  readonly kind: 'folder';
  readonly id: string;
  readonly folder: IndexedFolder;
}
interface GroupElement {
  readonly kind: 'group';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly group: string;
  readonly parent?: FolderElement;
}
export interface NoteElement extends NoteTarget {
  readonly kind: 'note';
  readonly id: string;
  readonly path: string;
  readonly parent: GroupElement;
}
export type NotesElement = FolderElement | GroupElement | NoteElement;

export class NotesTreeProvider extends CachedTreeProvider<NotesElement> {
  openNoteAvailable = false;

  constructor(
    index: WorkspaceIndex,
    public grouping: Grouping,
  ) {
    super(index);
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    if (element.kind === 'folder') {
      const item = new vscode.TreeItem(element.folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.id;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.description = countText(listed(element.folder).length);
      item.contextValue = 'folder';
      return item;
    }
    if (element.kind === 'group') return this.groupItem(element);
    return this.noteItem(element);
  }

  /** Note tooltips are built on hover only. */
  resolveTreeItem(item: vscode.TreeItem, element: NotesElement): vscode.TreeItem {
    if (element.kind !== 'note') return item;
    const workspace = element.parent.folder.index;
    const note = workspace.getNote(element.path);
    if (note) item.tooltip = noteTooltip(note, workspace.problemsFor(element.path));
    return item;
  }

  /** The note's element in its first group (by status: its status; by topic: its first topic). */
  findNote(uri: vscode.Uri): NoteElement | undefined {
    const found = this.index.noteAt(uri);
    if (!found || !isListed(found.note)) return undefined;
    const wanted = groupsOf(found.note, this.grouping)[0];
    const roots = this.getChildren(undefined);
    const groups = roots[0]?.kind === 'folder' ? this.getChildren(roots.find((r) => r.kind === 'folder' && r.folder === found.folder)) : roots;
    const group = groups.find((g) => g.kind === 'group' && g.group === wanted);
    return group ? (this.getChildren(group).find((n) => n.kind === 'note' && n.path === found.note.path) as NoteElement | undefined) : undefined;
  }

  protected computeChildren(element?: NotesElement): NotesElement[] {
    if (!element) {
      // A folder that does not use the extension lists nothing, not even Markdown whose frontmatter is broken:
      // the view's welcome explains what a CE note is.
      if (!isInUse(this.index)) return [];
      const folders = this.index.folders();
      if (folders.length === 1) return this.groups(folders[0], undefined);
      return folders.map((folder) => ({ kind: 'folder', id: `folder:${folder.folder.uri.toString()}`, folder }));
    }
    if (element.kind === 'folder') return this.groups(element.folder, element);
    if (element.kind === 'note') return [];
    const notes = listed(element.folder).filter((n) => groupsOf(n, this.grouping).includes(element.group));
    notes.sort(compareNotes);
    return notes.map((note) => ({
      kind: 'note',
      id: `${element.id}#note:${note.path}`,
      path: note.path,
      uri: this.index.uriOf(element.folder, note.path),
      parent: element,
    }));
  }

  private groups(folder: IndexedFolder, parent: FolderElement | undefined): GroupElement[] {
    const keys = new Set<string>();
    for (const note of listed(folder)) for (const key of groupsOf(note, this.grouping)) keys.add(key);
    const order = this.grouping === 'status' ? STATUS_ORDER : TOPICS.map((t) => t.key);
    const rank = (key: string) => (key === UNREADABLE ? 1e6 + 1 : key === NO_TOPIC ? 1e6 : order.indexOf(key) >= 0 ? order.indexOf(key) : 1e5);
    const sorted = [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const base = parent?.id ?? `folder:${folder.folder.uri.toString()}`;
    return sorted.map((group) => ({ kind: 'group', id: `${base}#${this.grouping}:${group}`, folder, group, parent }));
  }

  private groupItem(element: GroupElement): vscode.TreeItem {
    const notes = this.getChildren(element)
      .filter((n): n is NoteElement => n.kind === 'note')
      .map((n) => element.folder.index.getNote(n.path))
      .filter((n): n is ParsedNote => n !== undefined);
    const item = new vscode.TreeItem(groupLabel(element.group, this.grouping), vscode.TreeItemCollapsibleState.Expanded);
    item.id = element.id;
    const hours = notes.reduce((sum, n) => sum + (n.kind === 'ce' && n.valid ? n.hours : 0), 0);
    item.description = element.group === UNREADABLE ? countText(notes.length) : `${countText(notes.length)} · ${vscode.l10n.t('{0} h', formatHours(hours))}`;
    item.iconPath = groupIcon(element.group, this.grouping);
    item.contextValue = `group.${this.grouping}`;
    const withProblems = notes.filter((n) => n.kind === 'broken' || worstSeverity(element.folder.index.problemsFor(n.path)));
    if (withProblems.length) item.tooltip = vscode.l10n.t('{0} of these notes have problems', withProblems.length);
    return item;
  }

  private noteItem(element: NoteElement): vscode.TreeItem {
    const workspace = element.parent.folder.index;
    const note = workspace.getNote(element.path);
    const item = new vscode.TreeItem(note?.title || element.path, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.resourceUri = element.uri;
    item.command = openNoteCommand(element.uri, this.openNoteAvailable);
    if (!note) return item;
    const problems = workspace.problemsFor(element.path);
    item.description = noteDescription(note);
    item.iconPath = noteIcon(note, problems);
    item.accessibilityInformation = { label: noteAccessibilityLabel(note, item.description, problems) };
    item.contextValue = noteContextValue(note);
    return item;
  }
}

/** What the Notes view lists: CE notes, and notes whose frontmatter could not be read (they may be CE notes). */
function isListed(note: ParsedNote): boolean {
  return note.kind === 'ce' || note.kind === 'broken';
}

function listed(folder: IndexedFolder): ParsedNote[] {
  return folder.index.notes().filter(isListed);
}

function groupsOf(note: ParsedNote, grouping: Grouping): string[] {
  if (note.kind !== 'ce') return [UNREADABLE];
  if (grouping === 'status') return [note.status];
  return note.topics.length ? [...new Set(note.topics)] : [NO_TOPIC];
}

function groupLabel(group: string, grouping: Grouping): string {
  if (group === UNREADABLE) return vscode.l10n.t('Could not be read');
  if (group === NO_TOPIC) return vscode.l10n.t('No topic');
  // An unknown topic (a typo such as "hazardus-drugs") is shown as written, and said to be unknown.
  if (grouping === 'topic') return isTopicKey(group) ? topicLabel(group) : vscode.l10n.t('{0} (unknown topic)', group);
  // Groups of notes: Spanish agrees them with "notas", unlike the same words said of a certificate.
  if (group === 'planned') return vscode.l10n.t({ message: 'Planned', comment: ['a group of notes (Spanish: notas, feminine plural)'] });
  if (group === 'in-progress') return vscode.l10n.t({ message: 'In progress', comment: ['a group of notes (Spanish: notas, feminine plural)'] });
  return vscode.l10n.t({ message: 'Completed', comment: ['a group of notes (Spanish: notas, feminine plural)'] });
}

function groupIcon(group: string, grouping: Grouping): vscode.ThemeIcon {
  if (group === UNREADABLE) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (grouping === 'topic') return new vscode.ThemeIcon('tag');
  if (group === 'planned') return new vscode.ThemeIcon('calendar');
  if (group === 'in-progress') return new vscode.ThemeIcon('clock');
  return new vscode.ThemeIcon('check-all');
}

function countText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n);
}

/** Completed notes newest first; the rest by title. */
function compareNotes(a: ParsedNote, b: ParsedNote): number {
  const da = a.kind === 'ce' ? (a.completed ?? '') : '';
  const db = b.kind === 'ce' ? (b.completed ?? '') : '';
  if (da !== db) return da < db ? 1 : -1;
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

export interface NotesTreeApi {
  provider: NotesTreeProvider;
  view: vscode.TreeView<NotesElement>;
  setGrouping(grouping: Grouping): Promise<void>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): NotesTreeApi {
  const stored = context.workspaceState.get<Grouping>(GROUPING_KEY);
  const provider = new NotesTreeProvider(index, stored === 'topic' ? 'topic' : 'status');
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);

  const describe = () => {
    view.description = provider.grouping === 'topic' ? vscode.l10n.t('by topic') : vscode.l10n.t('by status');
    view.message = index.isReady ? undefined : vscode.l10n.t('Reading your notes…');
  };
  const setGrouping = async (grouping: Grouping) => {
    provider.grouping = grouping;
    await context.workspaceState.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    describe();
    provider.refresh();
    follower.follow(true);
  };
  const update = () => {
    describe();
    provider.refresh();
  };
  const follower = new EditorFollower(view, (uri) => provider.findNote(uri), index);

  context.subscriptions.push(
    vscode.commands.registerCommand('pharmacyCe.notes.groupByTopic', guarded(vscode.l10n.t('Group by Topic'), () => setGrouping('topic'))),
    vscode.commands.registerCommand('pharmacyCe.notes.groupByStatus', guarded(vscode.l10n.t('Group by Status'), () => setGrouping('status'))),
    follower,
    index.onDidChange(() => {
      update();
      follower.follow();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingName('dateFormat'))) provider.refresh();
    }),
  );
  void vscode.commands.executeCommand('setContext', GROUPING_KEY, provider.grouping);
  describe();
  void index.ready.then(async () => {
    // Open Note belongs to the commands feature: items use it once it is registered.
    provider.openNoteAvailable = await hasOpenNoteCommand();
    update();
    follower.follow(true);
  }).catch((error: unknown) => reportError(vscode.l10n.t('The Notes view could not be drawn.'), error));
  return { provider, view, setGrouping };
}
