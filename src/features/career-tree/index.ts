// The Career view: Credentials (held, with expiry and CE state), Certificates (earned, planned), Next credential
// (each standing with its requirements, and suggestions), Experience (by setting, jobs newest first) and Network
// (memberships, events), from the index's career model once per refresh. Rows of notes open the note at their
// line; a credential of the credentials file reveals its card on the CE Dashboard.
import * as vscode from 'vscode';
import type { CareerModel, ExperienceSpan, WorkSetting } from '../../core/career/types';
import { compareDates } from '../../core/common/dates';
import type { WorkspaceIndex, IndexedFolder } from '../../services/types';
import { reportError } from '../../services/log';
import { settingName } from '../../services/settings';
import { CachedTreeProvider } from '../../ui/cached-tree';
import { plural } from '../../core/common/plural';
import { settingLabel, yearsWords } from '../../ui/career-text';
import { certificateItem, eventItem, heldItem, jobItem, membershipItem, requirementItem, standingItem, suggestionItem, tooltip } from './items';

export const VIEW_ID = 'pharmacyCe.career';
/** Context key: some folder has a career note (the view's welcome shows otherwise). */
const HAS_CAREER_KEY = 'pharmacyCe.hasCareerNotes';
const REVIEW_COMMAND = 'pharmacyCe.startReview';

export type CareerGroup = 'credentials' | 'certificates' | 'next' | 'experience' | 'network';
const GROUPS: readonly CareerGroup[] = ['credentials', 'certificates', 'next', 'experience', 'network'];

interface FolderElement { readonly kind: 'folder'; readonly id: string; readonly folder: IndexedFolder }
export interface GroupElement { readonly kind: 'group'; readonly id: string; readonly folder: IndexedFolder; readonly group: CareerGroup; readonly parent?: FolderElement }
interface SettingElement { readonly kind: 'setting'; readonly id: string; readonly folder: IndexedFolder; readonly setting: WorkSetting | 'unspecified'; readonly years: number; readonly parent: GroupElement }
/** A row for one entry of the model: `index` is its place in the model's list named by `kind`. */
export interface EntryElement {
  readonly kind: 'held' | 'certificate' | 'standing' | 'requirement' | 'suggestion' | 'job' | 'membership' | 'event';
  readonly id: string;
  readonly folder: IndexedFolder;
  readonly index: number;
  readonly parent: GroupElement | SettingElement | EntryElement;
}
export type CareerElement = FolderElement | GroupElement | SettingElement | EntryElement;


export class CareerTreeProvider extends CachedTreeProvider<CareerElement> {
  private models = new Map<string, { model: CareerModel; notes: number }>();

  protected override clearCaches(): void {
    this.models = new Map();
  }

  /** The folder's career model at the index's as-of date, and how many career notes it has (once per refresh). */
  careerOf(folder: IndexedFolder): { model: CareerModel; notes: number } {
    const key = folder.folder.uri.toString();
    let found = this.models.get(key);
    if (!found) {
      found = { model: folder.index.career(this.index.asOf()), notes: folder.index.notes().filter((n) => n.career !== undefined).length };
      this.models.set(key, found);
    }
    return found;
  }

  /** Whether any folder has a career note (the welcome shows otherwise). */
  hasCareerNotes(): boolean {
    return this.index.isReady && this.index.folders().some((f) => this.careerOf(f).notes > 0);
  }

  /** The study plan a certificate or suggestion row prepares with, and its folder (for Review Cards for This Exam). */
  studyPlanOf(element: CareerElement): { folder: string; exam: string } | undefined {
    if (element.kind !== 'certificate' && element.kind !== 'suggestion') return undefined;
    const { model } = this.careerOf(element.folder);
    const plan = element.kind === 'certificate' ? model.certificates[element.index]?.studyPlan : model.suggestions[element.index]?.studyPlan;
    return plan ? { folder: element.folder.folder.uri.toString(), exam: plan } : undefined;
  }

  protected computeChildren(element?: CareerElement): CareerElement[] {
    if (!element) {
      const folders = this.index.folders().filter((f) => this.careerOf(f).notes > 0);
      if (folders.length === 0) return [];
      if (this.index.folders().length === 1) return this.groups(folders[0], undefined);
      return folders.map((folder) => ({ kind: 'folder', id: `career:${folder.folder.uri.toString()}`, folder }));
    }
    const entries = (kind: EntryElement['kind'], count: number, parent: EntryElement['parent'], order?: number[]): EntryElement[] =>
      (order ?? [...Array(count).keys()]).map((index) => ({ kind, id: `${parent.id}#${kind}:${index}`, folder: element.folder, index, parent }));
    const { model } = this.careerOf(element.folder);
    switch (element.kind) {
      case 'folder':
        return this.groups(element.folder, element);
      case 'group':
        switch (element.group) {
          case 'credentials':
            return entries('held', model.held.length, element);
          case 'certificates':
            return entries('certificate', model.certificates.length, element, certificateOrder(model));
          case 'next':
            return [
              ...entries('standing', 0, element, model.eligibility.flatMap((s, i) => (s.held ? [] : [i]))),
              ...entries('suggestion', model.suggestions.length, element),
            ];
          case 'experience':
            return model.experience.bySetting.map((s) => ({ kind: 'setting', id: `${element.id}#setting:${s.setting}`, folder: element.folder, setting: s.setting, years: s.years, parent: element }));
          case 'network':
            return [...entries('membership', model.network.memberships.length, element), ...entries('event', model.network.events.length, element)];
        }
        break;
      case 'setting':
        return entries('job', 0, element, jobsOf(model.experience.jobs, element.setting));
      case 'standing':
        return entries('requirement', model.eligibility[element.index]?.requirements.length ?? 0, element);
      default:
        break;
    }
    return [];
  }

  private groups(folder: IndexedFolder, parent: FolderElement | undefined): GroupElement[] {
    const base = parent?.id ?? `career:${folder.folder.uri.toString()}`;
    const { model } = this.careerOf(folder);
    const has: Record<CareerGroup, boolean> = {
      credentials: model.held.length > 0,
      certificates: model.certificates.length > 0,
      next: model.eligibility.some((s) => !s.held) || model.suggestions.length > 0,
      experience: model.experience.jobs.length > 0,
      network: model.network.memberships.length + model.network.events.length > 0,
    };
    return GROUPS.filter((g) => has[g]).map((group) => ({ kind: 'group', id: `${base}#${group}`, folder, group, parent }));
  }

  getTreeItem(element: CareerElement): vscode.TreeItem {
    if (element.kind === 'folder') {
      const row = new vscode.TreeItem(element.folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      row.id = element.id;
      row.iconPath = vscode.ThemeIcon.Folder;
      row.contextValue = 'careerFolder';
      return row;
    }
    const { model } = this.careerOf(element.folder);
    if (element.kind === 'group') return this.groupItem(element, model);
    if (element.kind === 'setting') {
      const label = settingLabel(element.setting);
      const row = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      row.id = element.id;
      row.description = yearsWords(element.years);
      row.iconPath = new vscode.ThemeIcon('location');
      row.accessibilityInformation = { label: `${label}, ${row.description}` };
      return row;
    }
    return this.entryItem(element, model) ?? staleItem(element.id);
  }

  private groupItem(element: GroupElement, model: CareerModel): vscode.TreeItem {
    const labels: Record<CareerGroup, string> = {
      credentials: vscode.l10n.t('Credentials'),
      certificates: vscode.l10n.t('Certificates'),
      next: vscode.l10n.t('Next credential'),
      experience: vscode.l10n.t('Experience'),
      network: vscode.l10n.t('Network'),
    };
    const earned = model.certificates.filter((c) => c.status === 'earned').length;
    const x = model.experience;
    const descriptions: Record<CareerGroup, string> = {
      credentials: plural(model.held.length, vscode.l10n.t('1 held'), vscode.l10n.t('{0} held', model.held.length)),
      certificates: vscode.l10n.t('{0} earned, {1} planned or in progress', earned, model.certificates.length - earned),
      next: model.eligibility.some((s) => s.met && !s.held) ? vscode.l10n.t('eligible for a new credential') : '',
      experience: vscode.l10n.t('{0} ({1} within the last 8)', yearsWords(x.years), yearsWords(x.yearsWithinLast8)),
      network: [
        plural(model.network.events.length, vscode.l10n.t('1 event'), vscode.l10n.t('{0} events', model.network.events.length)),
        plural(model.network.memberships.length, vscode.l10n.t('1 membership'), vscode.l10n.t('{0} memberships', model.network.memberships.length)),
      ].join(', '),
    };
    const icons: Record<CareerGroup, string> = { credentials: 'verified', certificates: 'book', next: 'arrow-up', experience: 'briefcase', network: 'organization' };
    const row = new vscode.TreeItem(labels[element.group], vscode.TreeItemCollapsibleState.Expanded);
    row.id = element.id;
    row.description = descriptions[element.group] || undefined;
    row.iconPath = new vscode.ThemeIcon(icons[element.group]);
    row.accessibilityInformation = { label: [labels[element.group], row.description].filter(Boolean).join(', ') };
    if (element.group === 'network') row.tooltip = tooltip(labels.network, [vscode.l10n.t('Events of this year and last, and your memberships with their renewal dates.')]);
    row.contextValue = `careerGroup.${element.group}`;
    return row;
  }

  private entryItem(element: EntryElement, model: CareerModel): vscode.TreeItem | undefined {
    const folder = element.folder;
    const uriOf = (path: string) => this.index.uriOf(folder, path);
    const programs = folder.index.config.careerPrograms;
    switch (element.kind) {
      case 'held': {
        const held = model.held[element.index];
        if (!held) return undefined;
        const progress = held.credentialId ? this.index.progress(folder).find((p) => p.credential.id === held.credentialId) : undefined;
        const cert = model.certificates.find((c) => c.program === held.program && c.status === 'earned');
        return heldItem(element.id, held, progress, programs, cert ? { uri: uriOf(cert.file), line: cert.line } : undefined, folder.folder.uri);
      }
      case 'certificate': {
        const c = model.certificates[element.index];
        return c && certificateItem(element.id, c, model.asOf, uriOf(c.file));
      }
      case 'standing': {
        const s = model.eligibility[element.index];
        return s && standingItem(element.id, s, programs);
      }
      case 'requirement': {
        const standing = element.parent.kind === 'standing' ? model.eligibility[element.parent.index] : undefined;
        const r = standing?.requirements[element.index];
        return standing && r && requirementItem(element.id, standing.id, r);
      }
      case 'suggestion': {
        const s = model.suggestions[element.index];
        return s && suggestionItem(element.id, s);
      }
      case 'job': {
        const j = model.experience.jobs[element.index];
        return j && jobItem(element.id, j, uriOf(j.file));
      }
      case 'membership': {
        const m = model.network.memberships[element.index];
        return m && membershipItem(element.id, m, uriOf(m.file));
      }
      case 'event': {
        const ev = model.network.events[element.index];
        return ev && eventItem(element.id, ev, uriOf(ev.file));
      }
    }
  }
}

/** Earned first (newest first), then in progress, then planned; the model's index of each. */
function certificateOrder(model: CareerModel): number[] {
  const rank = { earned: 0, 'in-progress': 1, planned: 2 } as const;
  return model.certificates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.status] - rank[b.c.status] || compareDates(b.c.earned ?? '', a.c.earned ?? '') || a.c.name.localeCompare(b.c.name))
    .map((x) => x.i);
}

/** The model's indexes of a setting's jobs, newest first (by start, then end). */
function jobsOf(jobs: readonly ExperienceSpan[], setting: WorkSetting | 'unspecified'): number[] {
  return jobs
    .map((j, i) => ({ j, i }))
    .filter(({ j }) => (j.setting ?? 'unspecified') === setting)
    .sort((a, b) => compareDates(b.j.start, a.j.start) || compareDates(b.j.end, a.j.end))
    .map((x) => x.i);
}

function staleItem(id: string): vscode.TreeItem {
  const row = new vscode.TreeItem('…');
  row.id = id;
  return row;
}

export interface CareerTreeApi {
  provider: CareerTreeProvider;
  view: vscode.TreeView<CareerElement>;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): CareerTreeApi {
  const provider = new CareerTreeProvider(index);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let hasNotes: boolean | undefined;
  const update = () => {
    provider.refresh();
    view.message = index.isReady ? undefined : vscode.l10n.t('Reading your notes…');
    const now = provider.hasCareerNotes();
    if (now !== hasNotes) void vscode.commands.executeCommand('setContext', HAS_CAREER_KEY, now);
    hasNotes = now;
  };
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('pharmacyCe.career.reviewForExam', async (element?: CareerElement) => {
      const scope = element ? provider.studyPlanOf(element) : undefined;
      if (scope) await vscode.commands.executeCommand(REVIEW_COMMAND, scope);
    }),
    index.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingName('dateFormat'))) update();
    }),
  );
  update();
  void index.ready.then(update).catch((error: unknown) => reportError(vscode.l10n.t('The Career view could not be drawn.'), error));
  return { provider, view };
}
