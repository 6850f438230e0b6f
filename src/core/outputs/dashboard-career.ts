// The dashboard's Career section, from a folder's career model: the ladder (credentials held -> eligible now ->
// next), the experience timeline, renewals due and the career next steps. Plain data (the dashboard feature
// words, escapes and draws it).
import { compareDates, daysBetween } from '../common/dates';
import { builtInEligibilityRules } from '../career/eligibility-rules';
import { experienceYears, windowStart as experienceWindowStart } from '../career/experience';
import { MEMBERSHIP_RENEWAL_DAYS } from '../career/types';
import type {
  CareerModel,
  Program,
  CareerNextStep,
  EligibilityRequirementRule,
  CareerSuggestion,
  ExperienceSpan,
  ExperienceSummary,
  RequirementStanding,
} from '../career/types';
import type { CalendarDate } from '../types';

/** The experience window of the CPhT-Adv (and the CLI's `yearsWithinLast8`). */
export const EXPERIENCE_WINDOW_YEARS = 8;

export type LadderStage = 'held' | 'eligible' | 'next';

export interface LadderStep {
  /** The program id (a held credential) or the eligibility id (the program it leads to). */
  id: string;
  name: string;
  /** `CPhT-Adv`: the catalogue's short name, else the bracketed end of the name, else the name. */
  shortName: string;
  stage: LadderStage;
  /** Held: the expiry (note) or cycle end (config), when known. */
  expires?: CalendarDate | null;
  /** Held: not expired at the as-of date. */
  active?: boolean;
  /** Eligible or next: each requirement with what is had and what is needed. */
  requirements?: RequirementStanding[];
  verify?: string;
  caveats?: string[];
}

/** A job of the timeline (a job written to end after the as-of date is cut at it). */
export type TimelineJob = Pick<ExperienceSpan, 'file' | 'line' | 'employer' | 'role' | 'setting' | 'start' | 'end' | 'current'> & {
  /** This job alone as the model counts it (days, both ends included, / 365.25; overlaps with other jobs not removed). */
  years: number;
};

export interface CareerRenewal {
  kind: 'membership' | 'credential';
  name: string;
  date: CalendarDate;
  /** Negative once passed. */
  daysLeft: number;
  file?: string;
}

export interface CareerSection {
  /** Career notes in the folder (0: the section shows what a career note is and how to write one). */
  careerNotes: number;
  /** Held first, then eligible now, then the next credentials; the model's order within each stage. */
  ladder: LadderStep[];
  /** Certificates (kind `certificate`) not yet open to the user: left off the ladder, counted here. */
  laterCertificates: number;
  experience: Pick<ExperienceSummary, 'years' | 'yearsWithinLast8' | 'bySetting'> & {
    /** Oldest first. */
    jobs: TimelineJob[];
    /** The chart's span: the earliest start (or the window's start, if earlier) to the as-of date. */
    from: CalendarDate;
    to: CalendarDate;
    /** The start of the last 8 years. */
    windowStart: CalendarDate;
  };
  /** Memberships and credentials from notes renewing within 60 days (or already passed), soonest first. */
  renewals: CareerRenewal[];
  suggestions: CareerSuggestion[];
  nextSteps: CareerNextStep[];
}

/** The catalogue's entry of an id, if it has one (never an inherited property). */
export function programOf(programs: Readonly<Record<string, Program>>, id: string): Program | undefined {
  return Object.prototype.hasOwnProperty.call(programs, id) ? programs[id] : undefined;
}

/**
 * Years as shown: floored to one decimal, so 2.99 years reads 2.9 and never "3 of 3" while a day is missing
 * (the model floors to two decimals; one is enough to read). The views, the dashboard and the portfolio.
 */
export function yearsFigure(years: number): string {
  if (!Number.isFinite(years) || years <= 0) return '0';
  return String(Math.floor(years * 10 + 1e-9) / 10);
}

/** The kind of a requirement of a standing, from the built-in rule of the same ids (undefined for a rule it does not know). */
export function requirementKind(standingId: string, requirementId: string): EligibilityRequirementRule['kind'] | undefined {
  const rule = builtInEligibilityRules().find((r) => r.id === standingId);
  return rule?.requirements.find((r) => r.id === requirementId)?.kind;
}

/** The short name a ladder step or a tree row uses (`CPhT-Adv`). */
export function shortNameOf(id: string, name: string, programs: Readonly<Record<string, Program>>): string {
  const program = programOf(programs, id);
  if (program?.shortName) return program.shortName;
  const bracketed = /\(([^()]{1,24})\)\s*$/.exec(name);
  return bracketed ? bracketed[1] : name;
}

export function careerSection(model: CareerModel, careerNotes: number, programs: Readonly<Record<string, Program>> = {}): CareerSection {
  const asOf = model.asOf;
  // The first day of the last 8 years, as the model counts them (8 years to 2026-11-30 start 2018-12-01).
  const windowStart = experienceWindowStart(asOf, EXPERIENCE_WINDOW_YEARS);
  const jobs = model.experience.jobs.map((j): TimelineJob => {
    // A job written to end after the as-of date counts (and is drawn) only up to it.
    const end = compareDates(j.end, asOf) > 0 ? asOf : j.end;
    return { file: j.file, line: j.line, employer: j.employer, role: j.role, setting: j.setting, start: j.start, end, current: j.current, years: experienceYears([{ ...j, end }], asOf) };
  });
  const earliest = jobs.reduce<CalendarDate>((min, j) => (compareDates(j.start, min) < 0 ? j.start : min), windowStart);
  const { steps, laterCertificates } = ladder(model, programs);
  return {
    careerNotes,
    ladder: steps,
    laterCertificates,
    experience: {
      years: model.experience.years,
      yearsWithinLast8: model.experience.yearsWithinLast8,
      bySetting: model.experience.bySetting.map((s) => ({ ...s })),
      jobs,
      from: earliest,
      to: asOf,
      windowStart,
    },
    renewals: renewals(model),
    suggestions: model.suggestions.map((s) => ({ ...s })),
    nextSteps: model.nextSteps.map((s) => ({ ...s })),
  };
}

function ladder(model: CareerModel, programs: Readonly<Record<string, Program>>): { steps: LadderStep[]; laterCertificates: number } {
  const held: LadderStep[] = model.held.map((h) => ({ id: h.program, name: h.name, shortName: shortNameOf(h.program, h.name, programs), stage: 'held', expires: h.expires, active: h.active }));
  const heldIds = new Set(held.map((h) => h.id));
  const eligible: LadderStep[] = [];
  const next: LadderStep[] = [];
  let laterCertificates = 0;
  for (const s of model.eligibility) {
    const step: LadderStep = {
      id: s.id,
      name: s.name,
      shortName: shortNameOf(s.id, s.name, programs),
      stage: s.held ? 'held' : s.met ? 'eligible' : 'next',
      requirements: s.requirements.map((r) => ({ ...r })),
      ...(s.verify ? { verify: s.verify } : {}),
      ...(s.caveats.length ? { caveats: [...s.caveats] } : {}),
    };
    if (step.stage === 'held') {
      // Held: the requirements and their notes are about earning it ("add it as an earned certificate note"),
      // which only confuses on a card that says Held.
      if (!heldIds.has(s.id)) held.push({ id: step.id, name: step.name, shortName: step.shortName, stage: 'held' });
    } else if (step.stage === 'eligible') eligible.push(step);
    // A certificate not yet open to the user stays off the ladder (there are eleven): the Career view lists them.
    else if (programOf(programs, s.id)?.kind === 'certificate') laterCertificates++;
    else next.push(step);
  }
  return { steps: [...held, ...eligible, ...next], laterCertificates };
}

function renewals(model: CareerModel): CareerRenewal[] {
  const out: CareerRenewal[] = [];
  for (const m of model.network.memberships) {
    if (m.renews && m.daysLeft !== null && m.daysLeft <= MEMBERSHIP_RENEWAL_DAYS) out.push({ kind: 'membership', name: m.organization, date: m.renews, daysLeft: m.daysLeft, file: m.file });
  }
  // Credentials from `.pharmacy-ce.json` have their CE cycle on the credential cards above; a credential known
  // only from a certificate note has its expiry here.
  for (const h of model.held) {
    if (h.from !== 'note' || !h.expires) continue;
    const daysLeft = daysBetween(model.asOf, h.expires);
    const file = model.certificates.find((c) => c.program === h.program && c.status === 'earned')?.file;
    if (daysLeft <= MEMBERSHIP_RENEWAL_DAYS) out.push({ kind: 'credential', name: h.name, date: h.expires, daysLeft, ...(file ? { file } : {}) });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name));
}
