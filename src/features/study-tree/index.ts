// The Study view: exam -> domain -> note -> card, each with cards due, new, total and readiness. The groups
// come from the index's study model once per refresh (src/ui/study-text.ts groups and words them); a click on
// a card opens its note at the card's line. Right-click "Review These Cards" and the title-bar button start a
// review (the review feature's command) limited to what was clicked.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/common/text';
import type { StudyCard } from '../../core/study/types';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { reportError } from '../../services/log';
import { CachedTreeProvider } from '../../ui/cached-tree';
import { formatDate, hasOpenNoteCommand, openNoteCommand } from '../../ui/format';
import {
  NO_DOMAIN,
  NO_EXAM,
  cardDueWords,
  cardLabel,
  cardTypeWords,
  countCards,
  countsWords,
  domainRow,
  examRow,
  noDomainRow,
  noExamRow,
  studyGroups,
  type DomainGroup,
  type ExamGroup,
  type NoteGroup,
  type StudyRow,
} from '../../ui/study-text';
import { settingName } from '../../services/settings';

export const VIEW_ID = 'pharmacyCe.study';
/** Context key: some folder has cards (the view's welcome shows otherwise). */
const HAS_CARDS_KEY = 'pharmacyCe.hasCards';
export const REVIEW_COMMAND = 'pharmacyCe.startReview';

interface FolderElement {
  readonly kind: 'folder';
  readonly id: string;
  readonly folder: IndexedFolder;
}
export interface ExamElement {
  readonly kind: 'exam';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly group: ExamGroup;
  readonly parent?: FolderElement;
}
export interface DomainElement {
  readonly kind: 'domain';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly group: DomainGroup;
  readonly parent: ExamElement;
}
export interface NoteElement {
  readonly kind: 'note';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly group: NoteGroup;
  readonly uri: vscode.Uri;
  readonly parent: ExamElement | DomainElement;
}
export interface CardElement {
  readonly kind: 'card';
  readonly id: string;
  readonly card: StudyCard;
  readonly parent: NoteElement;
}
export type StudyElement = FolderElement | ExamElement | DomainElement | NoteElement | CardElement;

/** What "Review These Cards" hands to the review command: the folder's URI string and what limits the review. */
export interface ReviewScopeArg {
  folder: string;
  exam?: string;
  domain?: string;
  note?: string;
}


export class StudyTreeProvider extends CachedTreeProvider<StudyElement> {
  openNoteAvailable = false;
  /** The instant the figures of this refresh are counted at (one per refresh, so rows agree). */
  private now = Date.now();
  private groups = new Map<string, ExamGroup[]>();

  protected override clearCaches(): void {
    this.groups = new Map();
    this.now = Date.now();
  }

  /** Whether any folder has a card (the welcome shows otherwise). */
  hasCards(): boolean {
    return this.index.isReady && this.index.folders().some((f) => this.groupsOf(f).length > 0);
  }

  getTreeItem(element: StudyElement): vscode.TreeItem {
    switch (element.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(element.folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.id;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'studyFolder';
        return item;
      }
      case 'exam':
        return this.examItem(element);
      case 'domain':
        return this.domainItem(element);
      case 'note':
        return this.noteItem(element);
      case 'card':
        return this.cardItem(element);
    }
  }

  /** The scope a review of an element's cards is limited to. */
  scopeOf(element: StudyElement): ReviewScopeArg | undefined {
    switch (element.kind) {
      case 'folder':
        return { folder: element.folder.folder.uri.toString() };
      case 'exam':
        return element.group.id === NO_EXAM ? undefined : { folder: element.folder.folder.uri.toString(), exam: element.group.id };
      case 'domain':
        return element.group.id === NO_DOMAIN ? undefined : { folder: element.folder.folder.uri.toString(), exam: element.parent.group.id, domain: element.group.id };
      case 'note':
        return { folder: element.folder.folder.uri.toString(), note: element.group.path };
      case 'card':
        return this.scopeOf(element.parent);
    }
  }

  protected computeChildren(element?: StudyElement): StudyElement[] {
    if (!element) {
      const folders = this.index.folders().filter((f) => this.groupsOf(f).length > 0);
      if (folders.length === 0) return [];
      if (this.index.folders().length === 1) return this.exams(folders[0], undefined);
      return folders.map((folder) => ({ kind: 'folder', id: `study:${folder.folder.uri.toString()}`, folder }));
    }
    switch (element.kind) {
      case 'folder':
        return this.exams(element.folder, element);
      case 'exam':
        return element.group.id === NO_EXAM ? this.notes(element.folder, element.group.notes, element) : element.group.domains.map((group) => ({
          kind: 'domain',
          id: `${element.id}#domain:${group.id}`,
          folder: element.folder,
          group,
          parent: element,
        }));
      case 'domain':
        return this.notes(element.folder, element.group.notes, element);
      case 'note': {
        // A card written twice in a note has one id (a problem in the Problems panel): its rows still need two.
        const seen = new Map<string, number>();
        return element.group.cards.map((card) => {
          const n = (seen.get(card.id) ?? 0) + 1;
          seen.set(card.id, n);
          return { kind: 'card', id: `${element.id}#card:${card.id}${n > 1 ? `:${n}` : ''}`, card, parent: element };
        });
      }
      case 'card':
        return [];
    }
  }

  private groupsOf(folder: IndexedFolder): ExamGroup[] {
    const key = folder.folder.uri.toString();
    let groups = this.groups.get(key);
    if (!groups) {
      const model = this.index.study(folder);
      // Only exams with cards: the configured exam without any is the welcome's and the dashboard's to mention.
      groups = model.cards.length === 0 ? [] : studyGroups(model.cards, model.summary);
      this.groups.set(key, groups);
    }
    return groups;
  }

  private exams(folder: IndexedFolder, parent: FolderElement | undefined): ExamElement[] {
    const base = parent?.id ?? `study:${folder.folder.uri.toString()}`;
    return this.groupsOf(folder).map((group) => ({ kind: 'exam', id: `${base}#exam:${group.id}`, folder, group, parent }));
  }

  private notes(folder: IndexedFolder, groups: readonly NoteGroup[], parent: ExamElement | DomainElement): NoteElement[] {
    return groups.map((group) => ({ kind: 'note', id: `${parent.id}#note:${group.path}`, folder, group, uri: this.index.uriOf(folder, group.path), parent }));
  }

  private examItem(element: ExamElement): vscode.TreeItem {
    const { group } = element;
    const row = group.readiness ? examRow(group.readiness, formatDate) : noExamRow(countCards(group.notes.flatMap((n) => n.cards), this.now));
    const item = rowItem(row, element.id, vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon(group.readiness ? 'mortar-board' : 'question');
    item.contextValue = group.readiness ? 'studyExam' : 'studyNoExam';
    return item;
  }

  private domainItem(element: DomainElement): vscode.TreeItem {
    const { group } = element;
    const exam = element.parent.group.readiness;
    const plan = element.folder.index.config.studyPlans[element.parent.group.id];
    const row = group.readiness && exam
      ? domainRow(group.readiness, exam, plan, formatDate)
      : noDomainRow(countCards(group.notes.flatMap((n) => n.cards), this.now), exam?.name ?? element.parent.group.id, exam?.domains[0]?.id);
    const empty = group.notes.length === 0;
    const item = rowItem(row, element.id, empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(empty ? 'circle-large-outline' : group.readiness ? 'symbol-folder' : 'question');
    item.contextValue = group.readiness ? 'studyDomain' : 'studyNoDomain';
    return item;
  }

  private noteItem(element: NoteElement): vscode.TreeItem {
    const note = element.folder.index.getNote(element.group.path);
    const counts = countCards(element.group.cards, this.now);
    const item = new vscode.TreeItem(note?.title || element.group.path, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = element.id;
    item.resourceUri = element.uri;
    item.iconPath = new vscode.ThemeIcon('note');
    item.description = countsWords(counts);
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(note?.title || element.group.path)}**\n\n${escapeMarkdown(element.group.path)}\n\n${escapeMarkdown(item.description)}`);
    item.accessibilityInformation = { label: `${note?.title || element.group.path}, ${item.description}` };
    item.command = openNoteCommand(element.uri, this.openNoteAvailable);
    item.contextValue = 'studyNote';
    return item;
  }

  private cardItem(element: CardElement): vscode.TreeItem {
    const { card } = element;
    const item = new vscode.TreeItem(cardLabel(card.front) || vscode.l10n.t('(empty card)'), vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = cardDueWords(card, this.now);
    item.iconPath = new vscode.ThemeIcon(card.type === 'qa' ? 'comment-discussion' : card.type === 'term' ? 'symbol-key' : 'symbol-string');
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`${escapeMarkdown(cardTypeWords(card))} · ${escapeMarkdown(vscode.l10n.t('line {0}', card.line))} · ${escapeMarkdown(item.description)}\n\n`);
    md.appendMarkdown(escapeMarkdown(cardLabel(card.front, 400)));
    item.tooltip = md;
    item.accessibilityInformation = { label: `${cardTypeWords(card)}: ${cardLabel(card.front, 400)}, ${item.description}` };
    const line = Math.max(0, card.line - 1);
    const selection = new vscode.Range(line, 0, line, 0);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [element.parent.uri, { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
    item.contextValue = 'studyCard';
    return item;
  }
}

function rowItem(row: StudyRow, id: string, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, state);
  item.id = id;
  item.description = row.description;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(row.label)}**\n\n`);
  for (const line of row.tooltip) md.appendMarkdown(`${line === row.unverified ? '$(warning) ' : ''}${escapeMarkdown(line)}\n\n`);
  item.tooltip = md;
  item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
  return item;
}

export interface StudyTreeApi {
  provider: StudyTreeProvider;
  view: vscode.TreeView<StudyElement>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): StudyTreeApi {
  const provider = new StudyTreeProvider(index);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let hasCards: boolean | undefined;
  const update = () => {
    provider.refresh();
    view.message = index.isReady ? undefined : vscode.l10n.t('Reading your notes…');
    const now = provider.hasCards();
    if (now !== hasCards) void vscode.commands.executeCommand('setContext', HAS_CARDS_KEY, now);
    hasCards = now;
  };
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('pharmacyCe.study.reviewThese', async (element?: StudyElement) => {
      const scope = element ? provider.scopeOf(element) : undefined;
      await vscode.commands.executeCommand(REVIEW_COMMAND, scope);
    }),
    index.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingName('dateFormat')) || e.affectsConfiguration('pharmacyCe.study')) update();
    }),
  );
  update();
  void index.ready.then(async () => {
    provider.openNoteAvailable = await hasOpenNoteCommand();
    update();
  }).catch((error: unknown) => reportError(vscode.l10n.t('The Study view could not be drawn.'), error));
  return { provider, view };
}
