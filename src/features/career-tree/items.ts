// The Career view's rows: each built from one part of the career model, its words from src/ui/career-text.ts
// (shared with the dashboard), its click opening the note at its line or revealing a credential.
import * as vscode from 'vscode';
import type {
  CareerCertificate,
  CareerEvent,
  CareerMembership,
  CareerSuggestion,
  EligibilityStanding,
  ExperienceSpan,
  HeldCredential,
  Program,
  RequirementStanding,
} from '../../core/career/types';
import { EVENT_KINDS, RESPONSIBILITIES, labelOf } from '../../core/career/vocabulary';
import { MEMBERSHIP_RENEWAL_DAYS } from '../../core/career/types';
import { formatHours } from '../../core/common/numbers';
import { escapeMarkdown } from '../../core/common/text';
import { credentialStanding } from '../../core/rules/standing';
import type { CredentialProgress } from '../../core/types';
import type { CredentialTarget } from '../../services/targets';
import {
  certificateWords,
  jobName,
  jobWords,
  membershipWords,
  requirementFigure,
  shortNameOf,
  standingSummary,
} from '../../ui/career-text';
import { programOf } from '../../core/outputs/dashboard-career';
import { formatDate, stateIcon } from '../../ui/format';


/** A tooltip of a title and plain lines (each escaped: they hold note text; no theme icons, so `$(alert)` in a note stays text). */
export function tooltip(title: string, lines: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(title)}**\n\n`);
  for (const line of lines) if (line) md.appendMarkdown(`${escapeMarkdown(line)}\n\n`);
  return md;
}

/** Opens a note at a line (1-based), like a click on a card of the Study view. */
export function openAt(uri: vscode.Uri, line: number): vscode.Command {
  const at = Math.max(0, line - 1);
  const selection = new vscode.Range(at, 0, at, 0);
  return { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri, { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
}

function item(id: string, label: string, description: string | undefined, state = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const row = new vscode.TreeItem(label, state);
  row.id = id;
  row.description = description;
  row.accessibilityInformation = { label: description ? `${label}, ${description}` : label };
  return row;
}

const passIcon = () => new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));

export function heldItem(id: string, held: HeldCredential, progress: CredentialProgress | undefined, programs: Record<string, Program>, note: { uri: vscode.Uri; line: number } | undefined, folderUri: vscode.Uri): vscode.TreeItem {
  const parts: string[] = [];
  if (held.expires) parts.push(held.active ? vscode.l10n.t('until {0}', formatDate(held.expires)) : vscode.l10n.t('expired {0}', formatDate(held.expires)));
  const standing = progress ? credentialStanding(progress) : undefined;
  if (standing) parts.push(vscode.l10n.t('CE: {0}', standing.text));
  const row = item(id, shortNameOf(held.program, held.name, programs), parts.join(' · ') || undefined);
  row.iconPath = standing ? stateIcon(standing.state) : held.active ? new vscode.ThemeIcon('verified') : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const lines = [
    held.name,
    held.from === 'config' ? vscode.l10n.t('From your credentials file (.pharmacy-ce.json).') : vscode.l10n.t('From an earned certificate note.'),
    held.credentialNumber ? vscode.l10n.t('Credential number {0}', held.credentialNumber) : '',
    held.expires ? (held.active ? vscode.l10n.t('Active until {0}.', formatDate(held.expires)) : vscode.l10n.t('Expired on {0}.', formatDate(held.expires))) : '',
    standing ? vscode.l10n.t('Continuing education: {0}. Click to see it on the CE Dashboard.', standing.text) : '',
  ];
  row.tooltip = tooltip(row.label as string, lines);
  if (held.credentialId && progress) {
    const target: CredentialTarget = { folderUri, credentialId: held.credentialId };
    row.command = { command: 'pharmacyCe.revealInDashboard', title: vscode.l10n.t('Reveal in Dashboard'), arguments: [target] };
  } else if (note) row.command = openAt(note.uri, note.line);
  row.contextValue = 'careerCredential';
  return row;
}

export function certificateItem(id: string, c: CareerCertificate, asOf: string, uri: vscode.Uri): vscode.TreeItem {
  const row = item(id, c.name, certificateWords(c, asOf, formatDate));
  row.resourceUri = uri;
  row.iconPath = new vscode.ThemeIcon(c.status === 'earned' ? (c.active ? 'verified-filled' : 'warning') : c.status === 'planned' ? 'calendar' : 'clock');
  const lines = [
    String(row.description ?? ''),
    c.credentialNumber ? vscode.l10n.t('Credential number {0}', c.credentialNumber) : '',
    c.studyPlan && c.status !== 'earned' ? vscode.l10n.t('A study plan prepares for this exam: right-click and choose Review Cards for This Exam.') : '',
    c.file,
  ];
  row.tooltip = tooltip(c.name, lines);
  row.command = openAt(uri, c.line);
  row.contextValue = c.studyPlan && c.status !== 'earned' ? 'careerCertificate.plan' : 'careerCertificate';
  return row;
}

export function standingItem(id: string, s: EligibilityStanding, programs: Record<string, Program>): vscode.TreeItem {
  const summary = standingSummary(s);
  const description = s.verify ? `${summary} · ${vscode.l10n.t('not verified')}` : summary;
  // The credentials (CPhT-Adv, CSPT) open; the eleven certificates closed, so the group stays readable.
  const open = s.met || programOf(programs, s.id)?.kind !== 'certificate';
  const row = item(id, shortNameOf(s.id, s.name, programs), description, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  row.iconPath = s.met ? passIcon() : new vscode.ThemeIcon('milestone');
  row.tooltip = tooltip(s.name, [
    s.met ? vscode.l10n.t('You meet every requirement: you can apply.') : vscode.l10n.t('What you have and what is still needed, requirement by requirement.'),
    vscode.l10n.t('Rules: {0}, as of {1}.', s.source, formatDate(s.asOf)),
    s.verify ? vscode.l10n.t('Not verified: {0}', s.verify) : '',
    ...s.caveats,
  ]);
  row.contextValue = s.met ? 'careerStanding.met' : 'careerStanding';
  return row;
}

export function requirementItem(id: string, standingId: string, r: RequirementStanding): vscode.TreeItem {
  const figure = requirementFigure(standingId, r);
  const row = item(id, r.label, figure);
  row.iconPath = r.met ? passIcon() : new vscode.ThemeIcon('circle-large-outline');
  row.accessibilityInformation = { label: `${r.label}, ${figure}, ${r.met ? vscode.l10n.t('met') : vscode.l10n.t('not met yet')}` };
  row.tooltip = tooltip(r.label, [figure, r.met ? vscode.l10n.t('Met.') : vscode.l10n.t('Not met yet.')]);
  row.contextValue = 'careerRequirement';
  return row;
}

export function suggestionItem(id: string, s: CareerSuggestion): vscode.TreeItem {
  const row = item(id, s.name, vscode.l10n.t('suggestion'));
  row.iconPath = new vscode.ThemeIcon('lightbulb');
  row.tooltip = tooltip(s.name, [vscode.l10n.t('A suggestion: {0}', s.reason), s.studyPlan ? vscode.l10n.t('A study plan prepares for this exam: right-click and choose Review Cards for This Exam.') : '']);
  row.contextValue = s.studyPlan ? 'careerSuggestion.plan' : 'careerSuggestion';
  return row;
}

export function jobItem(id: string, job: ExperienceSpan, uri: vscode.Uri): vscode.TreeItem {
  const name = jobName(job);
  const row = item(id, name, jobWords(job, formatDate));
  row.resourceUri = uri;
  row.iconPath = new vscode.ThemeIcon(job.current ? 'briefcase' : 'history');
  row.tooltip = tooltip(name, [
    String(row.description ?? ''),
    job.hoursPerWeek !== null ? vscode.l10n.t('{0} hours a week', job.hoursPerWeek) : '',
    job.responsibilities.length ? vscode.l10n.t('Responsibilities: {0}', job.responsibilities.map((r) => labelOf(RESPONSIBILITIES, r)).join(', ')) : '',
    job.file,
  ]);
  row.command = openAt(uri, job.line);
  row.contextValue = 'careerJob';
  return row;
}

export function membershipItem(id: string, m: CareerMembership, uri: vscode.Uri): vscode.TreeItem {
  const row = item(id, m.organization, membershipWords(m, formatDate));
  row.resourceUri = uri;
  const due = m.daysLeft !== null && m.daysLeft <= MEMBERSHIP_RENEWAL_DAYS;
  row.iconPath = due ? new vscode.ThemeIcon('bell', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('organization');
  row.tooltip = tooltip(m.organization, [vscode.l10n.t('Membership'), m.since ? vscode.l10n.t('Member since {0}', formatDate(m.since)) : '', String(row.description ?? ''), m.file]);
  row.command = openAt(uri, m.line);
  row.contextValue = 'careerMembership';
  return row;
}

export function eventItem(id: string, ev: CareerEvent, uri: vscode.Uri): vscode.TreeItem {
  const kind = ev.event ? labelOf(EVENT_KINDS, ev.event) : undefined;
  const row = item(id, ev.title || ev.file, [formatDate(ev.date), ev.organization, kind].filter(Boolean).join(' · '));
  row.resourceUri = uri;
  row.iconPath = new vscode.ThemeIcon('calendar');
  row.tooltip = tooltip(ev.title || ev.file, [
    String(row.description ?? ''),
    ev.contacts.length ? vscode.l10n.t('Contacts: {0}', ev.contacts.join(', ')) : '',
    ev.ceHours !== null ? vscode.l10n.t('Also a CE note: {0} h', formatHours(ev.ceHours)) : '',
    ev.file,
  ]);
  row.command = openAt(uri, ev.line);
  row.contextValue = 'careerEvent';
  return row;
}
