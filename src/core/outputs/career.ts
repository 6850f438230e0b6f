// `pharmacy-ce career`: the career model as JSON (field names and nesting are a contract, issue #14) or as text
// for a person. Everything from notes goes through terminalSafe/oneLine, as in `report` and `cards`.
import * as l10n from '@vscode/l10n';
import { formatHours } from '../common/numbers';
import { plural } from '../common/plural';
import type { CareerCertificate, CareerModel, EligibilityStanding, ExperienceSpan } from '../career/types';
import { RESPONSIBILITIES, WORK_SETTINGS, labelOf } from '../career/vocabulary';
import { requirementKind, yearsFigure } from './dashboard-career';
import { oneLine, terminalSafe, type ProblemReport } from './report';

export interface CareerReport {
  certificates: { program: string; name: string; status: string; earned: string | null; file: string }[];
  experience: {
    years: number;
    yearsWithinLast8: number;
    bySetting: { setting: string; years: number }[];
    responsibilities: string[];
  };
  eligibility: { id: string; name: string; met: boolean; requirements: { id: string; label: string; have: number; need: number; met: boolean }[] }[];
  suggestions: { program: string; reason: string }[];
  network: {
    events: { file: string; date: string; organization: string | null }[];
    memberships: { organization: string; renews: string | null; daysLeft: number | null }[];
  };
  /** As in `report --json`. */
  problems: ProblemReport[];
}

/** The JSON of `pharmacy-ce career --json`: exactly the issue's fields, in its order. `problems`: as `report` gives them. */
export function buildCareerReport(model: CareerModel, problems: readonly ProblemReport[]): CareerReport {
  const { experience, network } = model;
  return {
    certificates: model.certificates.map((c) => ({ program: c.program, name: c.name, status: c.status, earned: c.earned, file: c.file })),
    experience: {
      years: experience.years,
      yearsWithinLast8: experience.yearsWithinLast8,
      bySetting: experience.bySetting.map((s) => ({ setting: s.setting, years: s.years })),
      responsibilities: [...experience.responsibilities],
    },
    eligibility: model.eligibility.map((e) => ({
      id: e.id,
      name: e.name,
      met: e.met,
      requirements: e.requirements.map((r) => ({ id: r.id, label: r.label, have: r.have, need: r.need, met: r.met })),
    })),
    suggestions: model.suggestions.map((s) => ({ program: s.program, reason: s.reason })),
    network: {
      events: network.events.map((e) => ({ file: e.file, date: e.date, organization: e.organization })),
      memberships: network.memberships.map((m) => ({ organization: m.organization, renews: m.renews, daysLeft: m.daysLeft })),
    },
    problems: problems.map((p) => ({ ...p })),
  };
}

/** The career model as text: held, the next credential requirement by requirement, certificates, experience, suggestions, network. */
export function formatCareer(model: CareerModel, problemCount: number, folder?: string): string {
  const out: string[] = [folder !== undefined ? l10n.t('Career in {0} · as of {1}', terminalSafe(folder), model.asOf) : l10n.t('Career · as of {0}', model.asOf)];

  out.push('', l10n.t('Credentials held'));
  if (model.held.length === 0) out.push(`  ${l10n.t('None yet: list your credentials in .pharmacy-ce.json, or add an earned certificate note.')}`);
  for (const h of model.held) {
    const until = h.expires === null ? '' : h.active ? ` · ${l10n.t('active until {0}', h.expires)}` : ` · ${l10n.t('expired {0}', h.expires)}`;
    const number = h.credentialNumber ? ` · ${l10n.t('number {0}', terminalSafe(h.credentialNumber))}` : '';
    out.push(`  ${h.active ? '✓' : '✗'} ${terminalSafe(h.name)}${until}${number}${h.active ? '' : ` ${l10n.t('(not active)')}`}`);
  }

  const next = model.eligibility.find((e) => !e.held);
  if (next) pushStanding(out, next);
  const others = model.eligibility.filter((e) => e !== next);
  if (others.length > 0) {
    out.push('', l10n.t('Other credentials'));
    for (const e of others) out.push(`  ${e.held ? '✓' : e.met ? '✓' : '·'} ${terminalSafe(e.name)}: ${standingText(e)}${e.verify ? ` ${l10n.t('(verify with PTCB)')}` : ''}`);
  }

  out.push('', l10n.t('Certificates'));
  if (model.certificates.length === 0) out.push(`  ${l10n.t('None yet: add a career note (type: certificate) for each certificate you earn or plan.')}`);
  for (const c of model.certificates) {
    const plan = c.studyPlan ? ` · ${l10n.t('has a study plan')}` : '';
    out.push(`  ${terminalSafe(c.name)} (${certificateState(c, model.asOf)})${plan}  ${terminalSafe(c.file)}:${c.line}`);
  }

  const x = model.experience;
  out.push('', l10n.t('Experience: {0} in all, {1} within the last 8 years', years(x.years), years(x.yearsWithinLast8)));
  if (x.jobs.length === 0) out.push(`  ${l10n.t('No jobs yet: add a career note (type: experience) for each job, with its start date.')}`);
  if (x.bySetting.length > 0) out.push(`  ${l10n.t('By setting: {0}', x.bySetting.map((s) => `${settingLabel(s.setting)} ${years(s.years)}`).join('; '))}`);
  if (x.responsibilities.length > 0) out.push(`  ${l10n.t('Responsibilities: {0}', x.responsibilities.map((r) => terminalSafe(labelOf(RESPONSIBILITIES, r))).join(', '))}`);
  for (const job of [...x.jobs].reverse()) out.push(`  ${jobLine(job)}`);

  out.push('', l10n.t('Suggestions (certificates that fit your work; not yet earned or planned)'));
  if (model.suggestions.length === 0) out.push(`  ${l10n.t('None: list your responsibilities in your job notes to get suggestions.')}`);
  for (const s of model.suggestions) out.push(`  ${terminalSafe(s.name)}: ${oneLine(s.reason)}${s.studyPlan ? ` ${l10n.t('(has a study plan)')}` : ''}`);

  const { events, memberships, organizations } = model.network;
  const eventCount = plural(events.length, l10n.t('1 event'), l10n.t('{0} events', events.length));
  const organizationCount = plural(organizations.length, l10n.t('1 organization'), l10n.t('{0} organizations', organizations.length));
  out.push('', l10n.t('Network: {0} this year and last, {1}', eventCount, organizationCount));
  for (const e of events) out.push(`  ${e.date}  ${oneLine(e.title)}${e.organization ? ` · ${oneLine(e.organization)}` : ''}  ${terminalSafe(e.file)}:${e.line}`);
  for (const m of memberships) out.push(`  ${l10n.t('Member of {0}: {1}', oneLine(m.organization), renewalText(m.renews, m.daysLeft))}`);

  if (model.nextSteps.length > 0) {
    out.push('', l10n.t('Next steps'));
    for (const step of model.nextSteps) out.push(`  - ${oneLine(step.text)}`);
  }
  out.push('', problemCount === 0 ? l10n.t('Problems: none') : l10n.t('Problems: {0} — run `pharmacy-ce check` to list them', problemCount));
  return `${out.join('\n')}\n`;
}

/** A certificate's state in words: earned (with its date, and whether it expired or is not yet active), planned or in progress. */
function certificateState(c: CareerCertificate, asOf: string): string {
  if (c.status === 'planned') return l10n.t('planned');
  if (c.status !== 'earned') return l10n.t('in progress');
  const earned = c.earned ? l10n.t('earned {0}', c.earned) : l10n.t('earned');
  if (c.active) return earned;
  return c.expires && c.expires < asOf ? l10n.t('{0}, expired {1}', earned, c.expires) : l10n.t('{0}, not yet', earned);
}

/** A membership's renewal: none given, overdue, or its date with the days left. */
function renewalText(renews: string | null, daysLeft: number | null): string {
  if (renews === null) return l10n.t('no renewal date');
  if (daysLeft !== null && daysLeft < 0) return l10n.t('renewal was due {0}', renews);
  const days = daysLeft ?? 0;
  return plural(days, l10n.t('renews {0} (1 day left)', renews), l10n.t('renews {0} ({1} days left)', renews, days));
}

/** The next credential in full: each requirement with what is had and what is asked, then its caveats. */
function pushStanding(out: string[], e: EligibilityStanding): void {
  out.push('', e.met ? l10n.t('Next credential: {0} — you meet every requirement: you can apply', terminalSafe(e.name)) : l10n.t('Next credential: {0}', terminalSafe(e.name)));
  const width = Math.max(...e.requirements.map((r) => terminalSafe(r.label).length));
  for (const r of e.requirements) {
    const figure = requirementKind(e.id, r.id) === 'experience' ? yearsFigure : formatHours;
    out.push(`  ${r.met ? '✓' : '✗'} ${terminalSafe(r.label).padEnd(width)}  ${l10n.t('{0} of {1}', figure(r.have), figure(r.need))}`);
  }
  if (e.verify) out.push(`  ${l10n.t('Verify: {0}', oneLine(e.verify))}`);
  for (const caveat of e.caveats) out.push(`  ${l10n.t('Note: {0}', oneLine(caveat))}`);
  out.push(`  ${l10n.t('Rules as of {0}: {1}', e.asOf, terminalSafe(e.source))}`);
}

function standingText(e: EligibilityStanding): string {
  if (e.held) return l10n.t('held');
  if (e.met) return l10n.t('you meet every requirement');
  const met = e.requirements.filter((r) => r.met).length;
  return l10n.t('{0} of {1} requirements met', met, e.requirements.length);
}

function jobLine(job: ExperienceSpan): string {
  const where = job.role && job.employer ? l10n.t('{0} at {1}', oneLine(job.role), oneLine(job.employer)) : oneLine(job.role || job.employer || '');
  const setting = job.setting ? settingLabel(job.setting) : l10n.t('setting not given');
  const hours = job.hoursPerWeek !== null ? ` · ${l10n.t('{0} h a week', formatHours(job.hoursPerWeek))}` : '';
  return `${job.start} – ${job.current ? l10n.t('now') : job.end}  ${setting}${where ? ` · ${where}` : ''}${hours}  ${terminalSafe(job.file)}:${job.line}`;
}

function settingLabel(setting: string): string {
  return setting === 'unspecified' ? l10n.t('Setting not given') : terminalSafe(labelOf(WORK_SETTINGS, setting));
}

/** The figure the Career view and the dashboard show (floored to a tenth), so the CLI never reads 4.88 where they read 4.8. */
function years(value: number): string {
  const figure = yearsFigure(value);
  return figure === '1' ? l10n.t('1 year') : l10n.t('{0} years', figure);
}
