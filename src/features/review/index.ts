// Start Review and Practice Exam: the cards of a folder (or one note, folder, exam or domain of it) in a
// panel that grades them and writes each grade to `.pharmacy-ce/reviews.jsonl` (./panel.ts).
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { isNewCard } from '../../core/study/model';
import { practiceDraw } from '../../core/study/practice';
import { inScope, newCardsReviewedOn, reviewQueue, type ReviewScope } from '../../core/study/queue';
import type { StudyCard } from '../../core/study/types';
import { guarded } from '../../services/log';
import { RefusedWriteError } from '../safe-write';
import { readSettings } from '../../services/settings';
import type { IndexedFolder, WorkspaceIndex } from '../../services/types';
import type { ReviewHostMessage } from '../../protocol/review';
import { ReviewPanel } from './panel';
import { argumentForResource, pastReviews, pickFolder, pickScope, reviewArgument, scopeOf, type ReviewArgument } from './scope';
import { ReviewSession, type PastReview } from './session';
import { nothingToReviewWords } from './wording';

/** What a review command did: started a session of `cards` cards, or told the user why not. */
export type ReviewOutcome = { started: true; cards: number } | { started: false; message?: string };

/** What integration tests and the benchmark reach through `extension.exports.features.review`. */
export interface ReviewApi {
  panel(): vscode.WebviewPanel | undefined;
  /** The last message posted to the webview, and the last card or summary. */
  lastMessage(): ReviewHostMessage | undefined;
  lastView(): ReviewHostMessage | undefined;
  /** Feeds a message through the same checks as one from the webview (what the script posts); false when rejected. */
  receive(message: unknown): Promise<boolean>;
  /** Resolves once every grade so far is in the log and the index has read it. */
  settled(): Promise<void>;
  /** Milliseconds from the last grade message to the next card being posted. */
  lastGradeToPostMs(): number | undefined;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): ReviewApi {
  const panel = new ReviewPanel(context.extensionUri, index);
  const startReview = (arg?: unknown) => review(index, panel, reviewArgument(arg) ?? {});
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand('pharmacyCe.startReview', guarded(vscode.l10n.t('Start Review'), startReview)),
    vscode.commands.registerCommand(
      'pharmacyCe.reviewNote',
      guarded(vscode.l10n.t('Review Cards in This Note'), (uri?: unknown) =>
        reviewResource(index, panel, uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri, 'note'),
      ),
    ),
    vscode.commands.registerCommand(
      'pharmacyCe.reviewFolder',
      guarded(vscode.l10n.t('Review Cards in This Folder'), (uri?: unknown) => reviewResource(index, panel, uri instanceof vscode.Uri ? uri : undefined, 'dir')),
    ),
    vscode.commands.registerCommand('pharmacyCe.practiceExam', guarded(vscode.l10n.t('Practice Exam'), (arg?: unknown) => practice(index, panel, practiceArgument(arg)))),
  );
  return {
    panel: () => panel.current,
    lastMessage: () => panel.lastMessage,
    lastView: () => panel.lastView,
    receive: (message) => panel.receive(message),
    settled: () => panel.settled(),
    lastGradeToPostMs: () => panel.lastGradeToPostMs,
  };
}

/** Tells the user why nothing starts, and says so to the caller. */
function tell(message: string): ReviewOutcome {
  void vscode.window.showInformationMessage(message);
  return { started: false, message };
}

async function ready(index: WorkspaceIndex, title: string, named?: string): Promise<IndexedFolder | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('A review saves your grades in the notes folder, which needs a trusted workspace.'));
    return undefined;
  }
  await index.ready;
  return pickFolder(index, title, named);
}

async function review(index: WorkspaceIndex, panel: ReviewPanel, arg: ReviewArgument): Promise<ReviewOutcome> {
  const title = vscode.l10n.t('Start Review');
  const folder = await ready(index, title, arg.folder);
  if (!folder) return { started: false };
  const model = index.study(folder);
  let scope = scopeOf(arg);
  if (!scope && arg.folder === undefined) {
    const picked = await pickScope(model, title);
    if (picked === null) return { started: false };
    scope = picked;
  }
  const history = await historyOrRefusal(folder, model.cards);
  if (!(history instanceof Map)) return history;
  const settings = readSettings(folder.folder.uri);
  const now = Date.now();
  const seenToday = newCardsReviewedOn([...history].flatMap(([card, past]) => past.map((p) => ({ card, at: p.at }))), localToday(new Date(now)));
  const newLimit = Math.max(0, settings.studyNewCardsPerDay - seenToday);
  const cards = reviewQueue(model.cards, { scope, now, newLimit });
  const queued = new Set(cards.map((c) => c.id));
  // The cards of the scope not in this review: when the first of them is due is what the summary tells.
  const nextDue = nextDueIn(model.cards.filter((c) => !queued.has(c.id)), scope);
  if (cards.length === 0) {
    const inReview = model.cards.filter((c) => inScope(c, scope));
    const newLeft = inReview.filter((c) => isNewCard(c.schedule)).length;
    return tell(nothingToReviewWords({ cards: inReview.length, newLeft, nextDue, now }));
  }
  const session = new ReviewSession(cards, history, { mode: 'review', schedule: { retention: settings.studyDesiredRetention } });
  panel.show({ folder, session, title: reviewTitle(folder, scope), nextDue });
  return { started: true, cards: cards.length };
}

/** The past grades, or why no review can start: a link at the log would refuse every grade. */
async function historyOrRefusal(folder: IndexedFolder, cards: readonly StudyCard[]): Promise<Map<string, PastReview[]> | ReviewOutcome> {
  try {
    return await pastReviews(folder, cards);
  } catch (error) {
    if (!(error instanceof RefusedWriteError)) throw error;
    const message = vscode.l10n.t('The review cannot start, because its grades could not be saved. {0}', error.message);
    void vscode.window.showErrorMessage(message);
    return { started: false, message };
  }
}

/** A review of one note or folder from the Explorer or an editor title. */
async function reviewResource(index: WorkspaceIndex, panel: ReviewPanel, uri: vscode.Uri | undefined, kind: 'note' | 'dir'): Promise<ReviewOutcome> {
  await index.ready;
  const arg = argumentForResource(index, uri, kind);
  if (!arg) return tell(vscode.l10n.t('This is not in an open folder of notes, so it has no cards to review.'));
  return review(index, panel, arg);
}

/** The earliest due time of the reviewed cards in a scope (undefined when none is scheduled). */
function nextDueIn(cards: readonly StudyCard[], scope: ReviewScope | undefined): number | undefined {
  let next: number | undefined;
  for (const card of cards) {
    const due = card.schedule.due;
    if (due !== null && (next === undefined || due < next) && inScope(card, scope)) next = due;
  }
  return next;
}

function reviewTitle(folder: IndexedFolder, scope: ReviewScope | undefined): string {
  const plans = folder.index.config.studyPlans;
  const what = scope?.note ?? scope?.folder ?? (scope?.exam ? (plans[scope.exam]?.name ?? scope.exam) : undefined);
  return what ? vscode.l10n.t('Review: {0}', what.split('/').pop() ?? what) : vscode.l10n.t('Review');
}

/** What automation (and the tests) may hand Practice Exam instead of answering its questions. */
export interface PracticeArgument {
  folder?: string;
  exam?: string;
  count?: number;
}

function practiceArgument(arg: unknown): PracticeArgument {
  const base = reviewArgument(arg);
  const count = typeof arg === 'object' && arg !== null ? (arg as { count?: unknown }).count : undefined;
  return { folder: base?.folder, exam: base?.exam, count: typeof count === 'number' && Number.isSafeInteger(count) ? count : undefined };
}

async function practice(index: WorkspaceIndex, panel: ReviewPanel, arg: PracticeArgument): Promise<ReviewOutcome> {
  const title = vscode.l10n.t('Practice Exam');
  const folder = await ready(index, title, arg.folder);
  if (!folder) return { started: false };
  const model = index.study(folder);
  const plans = folder.index.config.studyPlans;
  const configured = folder.index.config.study.exam;
  const withCards = Object.values(plans)
    .map((plan) => ({ plan, cards: model.cards.filter((c) => c.exam === plan.id) }))
    .filter((x) => x.cards.length > 0)
    // The exam the user prepares for comes first, as the default.
    .sort((a, b) => Number(b.plan.id === configured) - Number(a.plan.id === configured));
  if (withCards.length === 0) return tell(vscode.l10n.t('No cards belong to an exam yet. Give a note the exam and domain it covers (exam: ptce, domain: medications in the details at the top), then try again.'));
  const named = arg.exam === undefined ? undefined : withCards.find((x) => x.plan.id === arg.exam);
  if (arg.exam !== undefined && !named) return tell(vscode.l10n.t('No cards belong to the exam {0}.', arg.exam));
  const chosen = named ?? (withCards.length === 1 ? withCards[0] : (
    await vscode.window.showQuickPick(
      withCards.map((x) => ({
        label: x.plan.name,
        description: x.plan.id === configured ? vscode.l10n.t('your exam · {0} cards', x.cards.length) : vscode.l10n.t('{0} cards', x.cards.length),
        x,
      })),
      { title, placeHolder: vscode.l10n.t('Exam to practise') },
    )
  )?.x);
  if (!chosen) return { started: false };
  const available = chosen.cards.length;
  const suggested = Math.max(1, Math.min(chosen.plan.questionCount, available));
  const typed = arg.count !== undefined ? String(arg.count) : await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('How many cards? {0} has {1} questions; you have {2} cards for it.', chosen.plan.name, chosen.plan.questionCount, available),
    value: String(suggested),
    validateInput: (value) => (countOf(value, available) === undefined ? vscode.l10n.t('Type a whole number from 1 to {0}.', available) : undefined),
  });
  if (typed === undefined) return { started: false };
  const count = countOf(typed, available);
  if (count === undefined) return tell(vscode.l10n.t('Type a whole number from 1 to {0}.', available));
  const history = await historyOrRefusal(folder, chosen.cards);
  if (!(history instanceof Map)) return history;
  const drawn = practiceDraw(chosen.cards, chosen.plan, count, Math.random);
  if (drawn.length === 0) return tell(vscode.l10n.t('No cards could be drawn for {0}.', chosen.plan.name));
  const settings = readSettings(folder.folder.uri);
  const session = new ReviewSession(drawn, history, { mode: 'practice', schedule: { retention: settings.studyDesiredRetention } });
  panel.show({ folder, session, title: vscode.l10n.t('Practice Exam: {0}', chosen.plan.name) });
  return { started: true, cards: drawn.length };
}

function countOf(value: string, max: number): number | undefined {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : undefined;
}
