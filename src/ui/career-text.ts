// What the Career view and the dashboard's Career section say about the career model, built without the editor
// (strings through @vscode/l10n, which the extension loads with VS Code's bundle; English in tests), so both surfaces word a standing, a job or a renewal the same.
import * as l10n from '@vscode/l10n';
import type {
  CareerCertificate,
  CareerMembership,
  EligibilityStanding,
  ExperienceSpan,
  RequirementStanding,
} from '../core/career/types';
import { WORK_SETTINGS, labelOf } from '../core/career/vocabulary';
import { compareDates } from '../core/common/dates';
import { experienceYears } from '../core/career/experience';
import { yearsFigure } from '../core/outputs/dashboard-career';
export { yearsFigure } from '../core/outputs/dashboard-career';
export { requirementKind, shortNameOf } from '../core/outputs/dashboard-career';
import { requirementKind } from '../core/outputs/dashboard-career';
import { plural } from '../core/common/plural';
import type { CalendarDate } from '../core/types';

type FormatDate = (date: CalendarDate) => string;


/** `2.4 years`, `1 year`. */
export function yearsWords(years: number): string {
  const figure = yearsFigure(years);
  return figure === '1' ? l10n.t('1 year') : l10n.t('{0} years', figure);
}


/** A requirement's figure: `2 of 4 certificates`, `2.4 of 3 years`, `held` / `not held yet`. */
export function requirementFigure(standingId: string, r: RequirementStanding): string {
  const kind = requirementKind(standingId, r.id) ?? (r.id === 'experience' ? 'experience' : r.id === 'certificates' ? 'certificates' : undefined);
  if (kind === 'certificates') return plural(r.need, l10n.t('{0} of 1 certificate', r.have), l10n.t('{0} of {1} certificates', r.have, r.need));
  if (kind === 'experience') return plural(r.need, l10n.t('{0} of 1 year', yearsFigure(r.have)), l10n.t('{0} of {1} years', yearsFigure(r.have), yearsFigure(r.need)));
  if (kind === 'credential') return r.met ? l10n.t('held') : l10n.t('not held yet');
  // A program the rule lets experience replace: met without it says so, never "done".
  if (kind === 'training') return r.have >= 1 ? l10n.t('done') : r.met ? l10n.t('not needed: enough experience') : l10n.t('not done yet');
  return l10n.t('{0} of {1}', r.have, r.need);
}

/**
 * A standing's summary: `eligible`, `held`, or the figures of the requirements counted in numbers
 * (`2 of 4 certificates, 2.4 of 3 years`) with any credential or program still missing named first.
 */
export function standingSummary(s: EligibilityStanding): string {
  if (s.held) return l10n.t('held');
  if (s.met) return l10n.t('eligible now');
  const parts: string[] = [];
  for (const r of s.requirements) {
    const kind = requirementKind(s.id, r.id);
    if ((kind === 'credential' || kind === 'training') && r.met) continue;
    parts.push(kind === 'credential' || kind === 'training' ? `${r.label}: ${requirementFigure(s.id, r)}` : requirementFigure(s.id, r));
  }
  return parts.join(', ');
}

/** A certificate's state: `earned 2025-04-02`, `earned 2025-04-02, expired 2026-04-02`, `planned`, `in progress`. */
export function certificateWords(c: CareerCertificate, asOf: CalendarDate, formatDate: FormatDate): string {
  if (c.status !== 'earned') return c.status === 'planned' ? l10n.t('planned') : l10n.t('in progress');
  const parts = [c.earned ? l10n.t('earned {0}', formatDate(c.earned)) : l10n.t('earned')];
  if (c.expires) parts.push(compareDates(c.expires, asOf) < 0 ? l10n.t('expired {0}', formatDate(c.expires)) : l10n.t('expires {0}', formatDate(c.expires)));
  return parts.join(', ');
}

/** The setting's label (`Hospital / health system`), or the words for a job without one. */
export function settingLabel(setting: string | null): string {
  return setting === null || setting === 'unspecified' ? l10n.t('Setting not given') : labelOf(WORK_SETTINGS, setting);
}

/** A job's name: `Role at Employer`, either alone, or the note's words for a job without either. */
export function jobName(job: Pick<ExperienceSpan, 'role' | 'employer'>): string {
  if (job.role && job.employer) return l10n.t('{0} at {1}', job.role, job.employer);
  return job.role ?? job.employer ?? l10n.t('Job');
}

/** `2019-06-01 to now · 2.5 years`, `2015-01-05 to 2019-05-31 · 4.4 years`. */
export function jobWords(job: ExperienceSpan, formatDate: FormatDate): string {
  const span = job.current ? l10n.t('{0} to now', formatDate(job.start)) : l10n.t('{0} to {1}', formatDate(job.start), formatDate(job.end));
  return `${span} · ${yearsWords(experienceYears([job], job.end))}`;
}

/** `renews 2027-01-15 · 46 days left`, `renewal passed 3 days ago`, `no renewal date`. */
export function membershipWords(m: CareerMembership, formatDate: FormatDate): string {
  if (!m.renews || m.daysLeft === null) return l10n.t('no renewal date');
  const left = m.daysLeft;
  const days = left > 1 ? l10n.t('{0} days left', left) : left === 1 ? l10n.t('1 day left') : left === 0 ? l10n.t('renews today') : left === -1 ? l10n.t('passed yesterday') : l10n.t('passed {0} days ago', -left);
  return `${l10n.t('renews {0}', formatDate(m.renews))} · ${days}`;
}
