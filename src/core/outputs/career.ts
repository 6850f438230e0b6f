// `pharmacy-ce career`: the career model as JSON (field names and nesting are a contract, issue #14) or as text
// for a person. Everything from notes goes through terminalSafe/oneLine, as in `report` and `cards`.
import { formatHours } from '../common/numbers';
import { plural } from '../common/plural';
import type { CareerModel, EligibilityStanding, ExperienceSpan } from '../career/types';
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
  const out: string[] = [`Career${folder !== undefined ? ` in ${terminalSafe(folder)}` : ''} · as of ${model.asOf}`];

  out.push('', 'Credentials held');
  if (model.held.length === 0) out.push('  None yet: list your credentials in .pharmacy-ce.json, or add an earned certificate note.');
  for (const h of model.held) {
    const until = h.expires === null ? '' : h.active ? ` · active until ${h.expires}` : ` · expired ${h.expires}`;
    const number = h.credentialNumber ? ` · number ${terminalSafe(h.credentialNumber)}` : '';
    out.push(`  ${h.active ? '✓' : '✗'} ${terminalSafe(h.name)}${until}${number}${h.active ? '' : ' (not active)'}`);
  }

  const next = model.eligibility.find((e) => !e.held);
  if (next) pushStanding(out, next);
  const others = model.eligibility.filter((e) => e !== next);
  if (others.length > 0) {
    out.push('', 'Other credentials');
    for (const e of others) out.push(`  ${e.held ? '✓' : e.met ? '✓' : '·'} ${terminalSafe(e.name)}: ${standingText(e)}${e.verify ? ' (verify with PTCB)' : ''}`);
  }

  out.push('', 'Certificates');
  if (model.certificates.length === 0) out.push('  None yet: add a career note (type: certificate) for each certificate you earn or plan.');
  for (const c of model.certificates) {
    const state = c.status === 'earned' ? `earned${c.earned ? ` ${c.earned}` : ''}${c.active ? '' : c.expires && c.expires < model.asOf ? `, expired ${c.expires}` : ', not yet'}` : c.status === 'planned' ? 'planned' : 'in progress';
    const plan = c.studyPlan ? ' · has a study plan' : '';
    out.push(`  ${terminalSafe(c.name)} (${state})${plan}  ${terminalSafe(c.file)}:${c.line}`);
  }

  const x = model.experience;
  out.push('', `Experience: ${years(x.years)} in all, ${years(x.yearsWithinLast8)} within the last 8 years`);
  if (x.jobs.length === 0) out.push('  No jobs yet: add a career note (type: experience) for each job, with its start date.');
  if (x.bySetting.length > 0) out.push(`  By setting: ${x.bySetting.map((s) => `${settingLabel(s.setting)} ${years(s.years)}`).join('; ')}`);
  if (x.responsibilities.length > 0) out.push(`  Responsibilities: ${x.responsibilities.map((r) => terminalSafe(labelOf(RESPONSIBILITIES, r))).join(', ')}`);
  for (const job of [...x.jobs].reverse()) out.push(`  ${jobLine(job)}`);

  out.push('', 'Suggestions (certificates that fit your work; not yet earned or planned)');
  if (model.suggestions.length === 0) out.push('  None: list your responsibilities in your job notes to get suggestions.');
  for (const s of model.suggestions) out.push(`  ${terminalSafe(s.name)}: ${oneLine(s.reason)}${s.studyPlan ? ' (has a study plan)' : ''}`);

  const { events, memberships, organizations } = model.network;
  out.push('', `Network: ${count(events.length, 'event')} this year and last, ${count(organizations.length, 'organization')}`);
  for (const e of events) out.push(`  ${e.date}  ${oneLine(e.title)}${e.organization ? ` · ${oneLine(e.organization)}` : ''}  ${terminalSafe(e.file)}:${e.line}`);
  for (const m of memberships) {
    const renews = m.renews === null ? 'no renewal date' : m.daysLeft !== null && m.daysLeft < 0 ? `renewal was due ${m.renews}` : `renews ${m.renews} (${count(m.daysLeft ?? 0, 'day')} left)`;
    out.push(`  Member of ${oneLine(m.organization)}: ${renews}`);
  }

  if (model.nextSteps.length > 0) {
    out.push('', 'Next steps');
    for (const step of model.nextSteps) out.push(`  - ${oneLine(step.text)}`);
  }
  out.push('', problemCount === 0 ? 'Problems: none' : `Problems: ${problemCount} — run \`pharmacy-ce check\` to list them`);
  return `${out.join('\n')}\n`;
}

/** The next credential in full: each requirement with what is had and what is asked, then its caveats. */
function pushStanding(out: string[], e: EligibilityStanding): void {
  out.push('', `Next credential: ${terminalSafe(e.name)}${e.met ? ' — you meet every requirement: you can apply' : ''}`);
  const width = Math.max(...e.requirements.map((r) => terminalSafe(r.label).length));
  for (const r of e.requirements) {
    const figure = requirementKind(e.id, r.id) === 'experience' ? yearsFigure : formatHours;
    out.push(`  ${r.met ? '✓' : '✗'} ${terminalSafe(r.label).padEnd(width)}  ${figure(r.have)} of ${figure(r.need)}`);
  }
  if (e.verify) out.push(`  Verify: ${oneLine(e.verify)}`);
  for (const caveat of e.caveats) out.push(`  Note: ${oneLine(caveat)}`);
  out.push(`  Rules as of ${e.asOf}: ${terminalSafe(e.source)}`);
}

function standingText(e: EligibilityStanding): string {
  if (e.held) return 'held';
  if (e.met) return 'you meet every requirement';
  const met = e.requirements.filter((r) => r.met).length;
  return `${met} of ${e.requirements.length} requirements met`;
}

function jobLine(job: ExperienceSpan): string {
  const where = [job.role, job.employer].filter((s): s is string => !!s).map(oneLine).join(' at ');
  const setting = job.setting ? settingLabel(job.setting) : 'setting not given';
  const hours = job.hoursPerWeek !== null ? ` · ${formatHours(job.hoursPerWeek)} h a week` : '';
  return `${job.start} – ${job.current ? 'now' : job.end}  ${setting}${where ? ` · ${where}` : ''}${hours}  ${terminalSafe(job.file)}:${job.line}`;
}

function settingLabel(setting: string): string {
  return setting === 'unspecified' ? 'Setting not given' : terminalSafe(labelOf(WORK_SETTINGS, setting));
}

/** The figure the Career view and the dashboard show (floored to a tenth), so the CLI never reads 4.88 where they read 4.8. */
function years(value: number): string {
  const figure = yearsFigure(value);
  return `${figure} ${figure === '1' ? 'year' : 'years'}`;
}

function count(n: number, word: string): string {
  return `${n} ${plural(n, word, `${word}s`)}`;
}
