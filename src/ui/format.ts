// How hours, dates, states and notes read in the sidebar and the status bar. Shared by the Progress tree, the
// Notes tree and the status bar so the three always say the same thing the same way.
import * as vscode from 'vscode';
import { formatHours } from '../core/common/numbers';
import { escapeMarkdown } from '../core/common/text';
import type { CalendarDate, CeNote, CredentialProgress, ParsedNote, Problem, ProgressState } from '../core/types';
import type { NoteTarget } from '../services/targets';
import { credentialStanding, nextDeadline } from '../core/rules/standing';
import { verifyWith } from '../core/rules/rule-body';
import { credentialSummary, hoursWords, paceWords, stateIconId } from './credential-text';
import { readSettings } from '../services/settings';

/** `11 / 20 h`, in the user's language. */
export function hoursOf(earned: number, required: number): string {
  return hoursWords(earned, required);
}

export { withHours } from './credential-text';

/** A calendar date in the user's chosen format (`pharmacyCe.dateFormat`). */
export function formatDate(date: CalendarDate): string {
  const style = readSettings().dateFormat;
  if (style !== 'locale') return date;
  const [y, m, d] = date.split('-').map(Number);
  const value = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(value.getTime())) return date;
  try {
    return value.toLocaleDateString(vscode.env.language, { timeZone: 'UTC' });
  } catch {
    return value.toLocaleDateString(undefined, { timeZone: 'UTC' });
  }
}

/** met = pass (green), at risk = warning, unmet = error; on track has no colour: nothing to act on yet. */
export function stateIcon(state: ProgressState): vscode.ThemeIcon {
  const id = stateIconId(state);
  const color = { pass: 'testing.iconPassed', warning: 'list.warningForeground', error: 'list.errorForeground', 'circle-large-outline': undefined }[id];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** `On track`, `1 requirement missing`, ...: the core's one decision (credentialStanding), in the user's language. */
export function stateText(progress: CredentialProgress): string {
  return credentialStanding(progress).text;
}

/** The tooltip of a credential: cycle, hours, pace, the rule's source and date, caveats. */
export function credentialTooltip(progress: CredentialProgress, asOf: CalendarDate): vscode.MarkdownString {
  const { credential, ruleSet, cycle } = progress;
  const md = new vscode.MarkdownString(undefined, true);
  const ruleName = ruleSet.name && ruleSet.name !== credential.label ? ` — ${escapeMarkdown(ruleSet.name)}` : '';
  md.appendMarkdown(`**${escapeMarkdown(credential.label)}**${ruleName}\n\n`);
  md.appendMarkdown(
    escapeMarkdown(
      credentialSummary(progress),
    ) + '\n\n',
  );
  md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Cycle: {0} to {1}.', formatDate(cycle.start), formatDate(cycle.end))) + '\n\n');
  const deadline = nextDeadline(cycle);
  if (deadline.apply) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Apply by {0} (a late fee after it); the cycle ends {1}.', formatDate(deadline.date), formatDate(cycle.end))) + '\n\n');
  if (!progress.met && cycle.daysLeft >= 0) {
    const pace = paceWords(progress);
    md.appendMarkdown(`${progress.behindPace ? '$(warning) ' + escapeMarkdown(vscode.l10n.t('Behind pace.')) + ' ' : ''}${escapeMarkdown(pace)}\n\n`);
  }
  appendRuleSource(md, progress);
  md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Progress as of {0}.', formatDate(asOf))));
  return md;
}

/** Source link, rule date, "verify with your board" and caveats. */
export function appendRuleSource(md: vscode.MarkdownString, progress: CredentialProgress): void {
  const { ruleSet } = progress;
  const source = /^https?:\/\/\S+$/i.test(ruleSet.source.trim())
    ? `[${escapeMarkdown(ruleSet.source.trim())}](${encodeURI(ruleSet.source.trim()).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`
    : escapeMarkdown(ruleSet.source);
  md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Rule source:'))} ${source} (${escapeMarkdown(vscode.l10n.t('checked {0}', formatDate(ruleSet.asOf)))})\n\n`);
  if (ruleSet.verify) md.appendMarkdown(`$(info) ${escapeMarkdown(vscode.l10n.t('Not verified against a primary source: {0}.', verifyWith(ruleSet)))}\n\n`);
  for (const caveat of ruleSet.caveats ?? []) md.appendMarkdown(`- ${escapeMarkdown(caveat)}\n`);
  if (ruleSet.caveats?.length) md.appendMarkdown('\n');
}

/** `ceNote.completed`, `ceNote.planned.uan`: what the view/item/context menus match on. */
export function noteContextValue(note: ParsedNote): string {
  if (note.kind !== 'ce') return note.kind === 'broken' ? 'brokenNote' : 'studyNote';
  return `ceNote.${note.status}${note.uan || note.uanText ? '.uan' : ''}`;
}

/**
 * `2 h · 2026-02-01`, `1.5 h · planned`. With the reason a note does not count, a status or date the reason
 * already gives is not repeated (`1 h · planned, not completed`). A note with an error shows its hours as
 * written and its errors, not `0 h`.
 */
export function noteDescription(note: ParsedNote, reason?: string): string {
  if (note.kind !== 'ce') return note.kind === 'broken' ? vscode.l10n.t('could not be read') : '';
  if (!note.valid) {
    const hours = note.writtenHours === undefined ? vscode.l10n.t('hours not readable') : vscode.l10n.t('{0} h', formatHours(note.writtenHours));
    return [hours, ...(note.errors?.length ? note.errors : [vscode.l10n.t('has an error')])].join(' · ');
  }
  const when = noteWhen(note);
  const repeated = reason !== undefined && (reason.startsWith(when) || (note.completed !== undefined && reason.includes(note.completed)) || (!note.completed && reason === vscode.l10n.t('completed, but with no completion date')));
  return [vscode.l10n.t('{0} h', formatHours(note.hours)), repeated ? undefined : when, reason].filter(Boolean).join(' · ');
}

/** `2026-02-01`, `planned`, `in progress`, `no date`. */
function noteWhen(note: CeNote): string {
  if (note.status === 'planned') return vscode.l10n.t({ message: 'planned', comment: ['said of one note (Spanish: nota, feminine)'] });
  if (note.status === 'in-progress') return vscode.l10n.t({ message: 'in progress', comment: ['said of one note (Spanish: nota, feminine)'] });
  return note.completed ? formatDate(note.completed) : vscode.l10n.t('no date');
}

/** What a screen reader says for a note row: title, what the row shows, and its worst problem in words. */
export function noteAccessibilityLabel(note: ParsedNote, description: string, problems: readonly Problem[], counted?: boolean): string {
  const worst = note.kind === 'broken' ? 'error' : worstSeverity(problems);
  const parts = [note.title, description];
  if (counted === false) parts.push(vscode.l10n.t('not counted'));
  if (worst === 'error') parts.push(vscode.l10n.t('has an error'));
  else if (worst === 'warning') parts.push(vscode.l10n.t('has a warning'));
  return parts.filter(Boolean).join(', ');
}

/** The worst problem's severity, ignoring infos. */
export function worstSeverity(problems: readonly Problem[]): 'error' | 'warning' | undefined {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  if (problems.some((p) => p.severity === 'warning')) return 'warning';
  return undefined;
}

/** A note's icon: its problems first (error, warning), then "not counted" where a credential leaves it out, else its status. */
export function noteIcon(note: ParsedNote, problems: readonly Problem[], counted?: boolean): vscode.ThemeIcon {
  const worst = note.kind === 'broken' ? 'error' : worstSeverity(problems);
  if (worst === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (worst === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  if (note.kind !== 'ce') return new vscode.ThemeIcon('note');
  if (counted === false) return new vscode.ThemeIcon('circle-slash');
  if (note.status === 'planned') return new vscode.ThemeIcon('calendar');
  if (note.status === 'in-progress') return new vscode.ThemeIcon('clock');
  return new vscode.ThemeIcon('check');
}

/** Tooltip of a note: what it is, and every problem it has with its line. */
export function noteTooltip(note: ParsedNote, problems: readonly Problem[], reason?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(note.title)}**\n\n`);
  md.appendMarkdown(`\`${note.path.replace(/`/g, "'")}\`\n\n`);
  if (note.kind === 'ce') {
    const facts = note.valid ? [vscode.l10n.t('{0} h', formatHours(note.hours)), noteWhen(note)] : [noteDescription(note).split(' · ')[0]];
    if (note.topics.length) facts.push(note.topics.join(', '));
    if (note.uanText) facts.push(vscode.l10n.t('UAN {0}', note.uan?.normalized ?? note.uanText));
    md.appendMarkdown(escapeMarkdown(facts.join(' · ')) + '\n\n');
  } else if (note.kind === 'broken') {
    md.appendMarkdown(escapeMarkdown(note.reason) + '\n\n');
  }
  // An invalid note's reason is its errors, listed below with their lines.
  if (reason && (note.kind !== 'ce' || note.valid)) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Not counted: {0}', reason)) + '\n\n');
  for (const p of problems.filter((x) => x.severity !== 'info')) {
    const icon = p.severity === 'error' ? '$(error)' : '$(warning)';
    md.appendMarkdown(`${icon} ${escapeMarkdown(vscode.l10n.t('Line {0}: {1}', p.line, p.message))}\n\n`);
  }
  return md;
}

/** How a click on a note opens it: the extension's Open Note command once registered, else plain vscode.open. */
export function openNoteCommand(uri: vscode.Uri, openNoteAvailable: boolean): vscode.Command {
  const target: NoteTarget = { uri };
  return openNoteAvailable
    ? { command: 'pharmacyCe.openNote', title: vscode.l10n.t('Open Note'), arguments: [target] }
    : { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
}

/** Whether the Open Note command exists (it belongs to the commands feature, which may not have started). */
export async function hasOpenNoteCommand(): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes('pharmacyCe.openNote');
}

export function isCeNote(note: ParsedNote | undefined): note is CeNote {
  return note?.kind === 'ce';
}
