// The career model's data (issue #14): what career notes record, the catalogue of programs, the eligibility
// rules for the next credential, and what the model works out from them. Shared by the core, the extension and
// the CLI; no editor or Node imports here.
import type { CalendarDate, Problem } from '../types';

// ---- Career notes (keys of the one note format) ---------------------------------------------------------

/** The `type` key of a career note. */
export type CareerNoteType = 'certificate' | 'experience' | 'event' | 'membership';

export type CertificateStatus = 'planned' | 'in-progress' | 'earned';

/** Where a technician works (the `setting` key). */
export type WorkSetting = 'community' | 'hospital' | 'long-term-care' | 'compounding' | 'specialty' | 'mail-order' | 'clinic' | 'industry' | 'other';

/** The kinds of event (the `event` key). */
export type EventKind = 'conference' | 'meeting' | 'webinar' | 'volunteering';

/** A `type: certificate` note: a credential, an assessment-based certificate or a training program. */
export interface CertificateRecord {
  type: 'certificate';
  /** A program id of the catalogue (built-in or the user's); as written (trimmed) when unknown. */
  program: string;
  /** Whether `program` names a catalogue entry (an unknown one is a warning with the nearest id). */
  known: boolean;
  /** Where `program`'s value is written (1-based), for the unknown-program warning and its fix. */
  programAt?: { line: number; column: number; length: number };
  status: CertificateStatus;
  earned?: CalendarDate;
  credentialNumber?: string;
  expires?: CalendarDate;
  /** The certificate file as written, relative to the note (the CE notes' `certificate` key). */
  certificate?: string;
}

/** A `type: experience` note: one job. */
export interface ExperienceRecord {
  type: 'experience';
  employer?: string;
  role?: string;
  setting?: WorkSetting;
  start?: CalendarDate;
  /** Absent: the job is current (it runs to the as-of date). */
  end?: CalendarDate;
  hoursPerWeek?: number;
  /** Responsibility ids of the vocabulary (unknown ones are warned with the nearest and left out). */
  responsibilities: string[];
}

/** A `type: event` note: a conference, meeting, webinar or volunteering (with `ce_hours` it is also a CE note). */
export interface EventRecord {
  type: 'event';
  date?: CalendarDate;
  organization?: string;
  event?: EventKind;
  contacts: string[];
}

/** A `type: membership` note: a professional association. */
export interface MembershipRecord {
  type: 'membership';
  organization?: string;
  since?: CalendarDate;
  renews?: CalendarDate;
}

export type CareerRecord = CertificateRecord | ExperienceRecord | EventRecord | MembershipRecord;

// ---- The catalogue of programs -------------------------------------------------------------------------

/**
 * `certification`: a credential with its own CE cycle (CPhT, CSPT, CPhT-Adv, ExCPT: also rule-set ids);
 * `certificate`: a PTCB assessment-based certificate (counts toward the CPhT-Adv);
 * `training`: a PTCB-Recognized education/training program (some eligibility rules ask for one).
 */
export type ProgramKind = 'certification' | 'certificate' | 'training';

export interface Program {
  /** Stable id: `ptcb-cpht`, `ptcb-tpv`, `ptcb-cspt-training`, or the user's. */
  id: string;
  name: string;
  /** Short name for trees and the ladder (`CPhT`, `Billing`). */
  shortName?: string;
  kind: ProgramKind;
  /** Who awards it (`PTCB`, `NHA`, or the user's). */
  issuer: string;
  /** Where the facts come from (an address or a citation). */
  source: string;
  /** The date the entry was last checked against its source. */
  asOf: CalendarDate;
  /** Set when something about the entry is unverified: what to check. */
  verify?: string;
  /** The rule set of the same id's CE cycle, for a certification (`ptcb-cpht`). */
  ruleSet?: string;
  /** Months after earning it that it expires, when the program has a fixed term (none for PTCB's certificates: unverified). */
  renewalMonths?: number;
  /** The study plan (issue #13) that prepares for its exam, where one exists (`ptce`, `cspt`, `ptcb-billing-reimbursement`). */
  studyPlan?: string;
  /** For a training program: the program ids it is recognised for. */
  recognizedFor?: string[];
  /** Responsibilities and settings that make it a suggestion, each with why (shown to the user). */
  suggestedBy?: { responsibilities?: string[]; settings?: WorkSetting[]; reason: string };
  builtIn: boolean;
}

// ---- Eligibility rules (data, with source and as-of like rule sets) ------------------------------------

/**
 * One requirement of an eligibility rule. Kinds:
 * - `credential`: an active credential (`program`), held from `.pharmacy-ce.json` (cycle end on or after the
 *   as-of date) or an earned certificate note not expired;
 * - `certificates`: earned programs of kind `certificate` (issuer PTCB), `need` of them, or `needWith.need` when
 *   the credential `needWith.program` is held (CPhT-Adv: 4, or 3 with the CSPT);
 * - `experience`: years of work within the last `withinYears` years before the as-of date (all work without
 *   `withinYears`: PTCB names no window for some certificates), overlapping jobs once;
 *   `fullTime` counts only jobs of 30 hours a week or more; `responsibility` only jobs listing it; `need` is the
 *   years asked, `needWithProgram` the years asked when a training program recognised for the rule's credential
 *   is earned (CSPT: 3, or 1 with a recognised program);
 * - `training`: an earned training program recognised for the rule's credential (`optionalWithYears`: not needed
 *   when the experience requirement reaches that many years without it).
 */
export type EligibilityRequirementRule =
  | { id: string; kind: 'credential'; label: string; program: string }
  | { id: string; kind: 'certificates'; label: string; need: number; needWith?: { program: string; need: number } }
  | { id: string; kind: 'experience'; label: string; need: number; needWithProgram?: number; withinYears?: number; fullTime?: boolean; responsibility?: string }
  | { id: string; kind: 'training'; label: string; optionalWithYears?: number };

export interface EligibilityRule {
  /** The eligibility id: the program it leads to (`ptcb-cpht-adv`, `ptcb-cspt`, `ptcb-tpv`...). */
  id: string;
  name: string;
  requirements: EligibilityRequirementRule[];
  source: string;
  asOf: CalendarDate;
  /** Set when the rule (or a part) is unverified: what to check; every surface says so. */
  verify?: string;
  /** Notes shown with the rule (what the tool cannot check, e.g. PTCB may audit the experience claimed). */
  caveats?: string[];
}

// ---- What the model works out --------------------------------------------------------------------------

export interface CareerCertificate {
  program: string;
  /** The catalogue's name, or the id when unknown. */
  name: string;
  kind: ProgramKind | 'unknown';
  status: CertificateStatus;
  earned: CalendarDate | null;
  expires: CalendarDate | null;
  /** Earned and not expired at the as-of date. */
  active: boolean;
  credentialNumber: string | null;
  /** Folder-relative path of the note. */
  file: string;
  line: number;
  /** The study plan for a planned or in-progress certificate, where one exists. */
  studyPlan: string | null;
}

/** A credential held: from `.pharmacy-ce.json` (with its CE cycle) or an earned certificate note. */
export interface HeldCredential {
  program: string;
  name: string;
  from: 'config' | 'note';
  /** The credential id in `.pharmacy-ce.json` (links to the Progress view and its CE state). */
  credentialId: string | null;
  /** Cycle end (config) or `expires` (note); null when none is known. */
  expires: CalendarDate | null;
  active: boolean;
  credentialNumber: string | null;
}

export interface ExperienceSpan {
  file: string;
  line: number;
  employer: string | null;
  role: string | null;
  setting: WorkSetting | null;
  start: CalendarDate;
  /** The as-of date for a current job (`current` true). */
  end: CalendarDate;
  current: boolean;
  hoursPerWeek: number | null;
  responsibilities: string[];
}

export interface ExperienceSummary {
  /** All experience merged (overlapping jobs once, a current job to the as-of date), in days / 365.25. */
  years: number;
  /** The part of `years` within the 8 years before the as-of date. */
  yearsWithinLast8: number;
  bySetting: { setting: WorkSetting | 'unspecified'; years: number }[];
  /** Responsibility ids of every job, vocabulary order, each once. */
  responsibilities: string[];
  /** Each job, by start date (a note without a valid `start` is left out: its problem says why). */
  jobs: ExperienceSpan[];
}

export interface RequirementStanding {
  id: string;
  label: string;
  /** What the user has: a count, years (floored to 2 decimals), or 0/1 for a credential or a program. */
  have: number;
  need: number;
  met: boolean;
}

export interface EligibilityStanding {
  id: string;
  name: string;
  met: boolean;
  requirements: RequirementStanding[];
  /** Already held: shown as held, not as a next step. */
  held: boolean;
  verify?: string;
  caveats: string[];
  source: string;
  asOf: CalendarDate;
}

export interface CareerSuggestion {
  program: string;
  name: string;
  /** Why, in plain words (the responsibility or setting that fits). */
  reason: string;
  /** The study plan to prepare with, where one exists. */
  studyPlan: string | null;
}

export interface CareerEvent {
  file: string;
  line: number;
  title: string;
  date: CalendarDate;
  organization: string | null;
  event: EventKind | null;
  contacts: string[];
  /** With `ce_hours`: also a CE note. */
  ceHours: number | null;
}

export interface CareerMembership {
  file: string;
  line: number;
  organization: string;
  since: CalendarDate | null;
  renews: CalendarDate | null;
  /** Days from the as-of date to `renews` (negative once passed); null without `renews`. */
  daysLeft: number | null;
}

export interface CareerNextStep {
  kind: 'membership-renewal' | 'next-credential' | 'plan-study' | 'add-experience';
  text: string;
  file?: string;
  program?: string;
}

/** Memberships renewing within this many days are a next step. */
export const MEMBERSHIP_RENEWAL_DAYS = 60;

export interface CareerModel {
  asOf: CalendarDate;
  held: HeldCredential[];
  certificates: CareerCertificate[];
  experience: ExperienceSummary;
  eligibility: EligibilityStanding[];
  suggestions: CareerSuggestion[];
  network: {
    /** Events of the as-of year and the year before, newest first. */
    events: CareerEvent[];
    /** Organizations of events and memberships, each once. */
    organizations: string[];
    memberships: CareerMembership[];
  };
  nextSteps: CareerNextStep[];
  /** Problems of the career model (not of single notes): an unknown program in the config, duplicated certificates. */
  problems: Problem[];
}

/** The optional `profile` object of `.pharmacy-ce.json`: who the portfolio is for. */
export interface CareerProfile {
  name?: string;
  /** One line under the name (e.g. "Pharmacy technician, CPhT"). */
  headline?: string;
}
