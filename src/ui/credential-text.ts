// The words of a credential in the Progress tree and the status bar, built without the editor (strings through
// @vscode/l10n, which the extension loads with VS Code's bundle; English in tests) so a test can check that they say what the report and the
// dashboard say. The state and its text come from credentialStanding, the one decision in the core.
import * as l10n from '@vscode/l10n';
import { formatHours } from '../core/common/numbers';
import { credentialStanding, hoursStillNeeded, nextDeadline } from '../core/rules/standing';
import type { CredentialProgress, ProgressState } from '../core/types';

/** The codicon of a state: met = pass, at risk = warning, unmet = error; on track has nothing to act on yet. */
export type StateIconId = 'pass' | 'warning' | 'error' | 'circle-large-outline';

export function stateIconId(state: ProgressState): StateIconId {
  switch (state) {
    case 'met':
      return 'pass';
    case 'at-risk':
      return 'warning';
    case 'unmet':
      return 'error';
    default:
      return 'circle-large-outline';
  }
}

/** `11 / 20 h` */
export function hoursWords(earned: number, required: number): string {
  return l10n.t('{0} / {1} h', formatHours(earned), formatHours(required));
}

/** A row label with its hours first (`11 / 20 h · PTCB CPhT`), so a narrow sidebar cuts the name, not the hours. */
export function withHours(hours: string, label: string): string {
  return `${hours} · ${label}`;
}

/** `126 days left`, `ends today`, `ended 3 days ago`. */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft > 1) return l10n.t('{0} days left', daysLeft);
  if (daysLeft === 1) return l10n.t('1 day left');
  if (daysLeft === 0) return l10n.t('ends today');
  if (daysLeft === -1) return l10n.t('ended yesterday');
  return l10n.t('ended {0} days ago', -daysLeft);
}

/** Days to the deadline that matters: to apply when the rule set has an application deadline, else to the cycle end. */
export function deadlineWords(p: Pick<CredentialProgress, 'cycle'>): string {
  const deadline = nextDeadline(p.cycle);
  if (!deadline.apply) return daysLeftWords(p.cycle.daysLeft);
  const days = deadline.daysLeft;
  if (days > 1) return l10n.t('{0} days left to apply', days);
  if (days === 1) return l10n.t('1 day left to apply');
  if (days === 0) return l10n.t('apply today');
  return l10n.t('the deadline to apply passed {0} days ago', -days);
}

export interface CredentialRow {
  label: string;
  description: string;
  icon: StateIconId;
  /** The state and its words, for the tooltip and the accessible label. */
  state: ProgressState;
  stateText: string;
}

/** A credential's row in the Progress tree. */
export function credentialRow(p: CredentialProgress): CredentialRow {
  const standing = credentialStanding(p);
  const parts: string[] = [];
  // Hours alone would read as done: say what is missing first.
  if (standing.missing > 0 && p.hours.remaining <= 0 && standing.state !== 'unmet') parts.push(standing.text);
  parts.push(deadlineWords(p));
  if (p.behindPace && !p.met) parts.push(l10n.t('behind pace'));
  return {
    label: withHours(hoursWords(p.hours.earned, p.hours.required), p.credential.label),
    description: parts.join(' · '),
    icon: stateIconId(standing.state),
    state: standing.state,
    stateText: standing.text,
  };
}

/** The tooltip's first line: `On track: 14.5 of 20 h (183 days left to apply).`, days counted like the row's. */
export function credentialSummary(p: CredentialProgress): string {
  return l10n.t('{0}: {1} of {2} h ({3}).', credentialStanding(p).text, formatHours(p.hours.earned), formatHours(p.hours.required), deadlineWords(p));
}

/** `5.5 h still needed, about 0.91 h a month to finish on time.`: the hours the pace is computed from, requirements included. */
export function paceWords(p: CredentialProgress): string {
  return l10n.t('{0} h still needed, about {1} h a month to finish on time.', formatHours(hoursStillNeeded(p)), formatHours(p.pacePerMonth));
}

/** The view badge's credential and its hours: the one due first among those still short of hours or of a requirement. */
export function badgeCredential(all: readonly CredentialProgress[]): { progress: CredentialProgress; hours: number } | undefined {
  const progress = nearestCredential(all.filter((p) => !p.met && hoursStillNeeded(p) > 0));
  return progress && { progress, hours: hoursStillNeeded(progress) };
}

/** The status bar's text for one credential: `$(mortar-board) CPhT 14.5/20 h, 183 d to apply`. */
export function statusBarText(p: CredentialProgress): string {
  const standing = credentialStanding(p);
  const name = p.ruleSet.shortName ?? p.credential.label;
  const deadline = nextDeadline(p.cycle);
  const days = deadline.daysLeft < 0 ? (deadline.apply ? l10n.t('deadline passed') : l10n.t('ended')) : deadline.apply ? l10n.t('{0} d to apply', deadline.daysLeft) : l10n.t('{0} d', deadline.daysLeft);
  const missing = standing.missing > 0 && p.hours.remaining <= 0 && standing.state !== 'unmet' ? `, ${standing.text}` : '';
  return `$(mortar-board) ${l10n.t('{0} {1}/{2} h', name, formatHours(p.hours.earned), formatHours(p.hours.required))}${missing}, ${days}`;
}

/** The credential to show in the status bar: among cycles not yet over, the nearest deadline; else the most recently ended cycle. */
export function nearestCredential(all: readonly CredentialProgress[]): CredentialProgress | undefined {
  const days = (p: CredentialProgress) => nextDeadline(p.cycle).daysLeft;
  const open = all.filter((p) => p.cycle.daysLeft >= 0).sort((a, b) => days(a) - days(b));
  if (open.length) return open[0];
  return [...all].sort((a, b) => b.cycle.daysLeft - a.cycle.daysLeft)[0];
}
