// The core's data model. No editor or Node imports here: the extension, the CLI and the tests share it.
import type { CareerProfile, CareerRecord, Program } from './career/types';
import type { NoteStudy, StudyPlan, StudySettings } from './study/types';

/** A calendar date as `YYYY-MM-DD`. Never a Date object: CE credit is earned on a day, not at an instant. */
export type CalendarDate = string;

export type Severity = 'error' | 'warning' | 'info';

/** Machine-readable problem kinds, so adapters can offer quick fixes. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'unsafe-engine'
  | 'unreadable'
  | 'bad-value'
  | 'unknown-topic'
  | 'unknown-key'
  | 'uan-malformed'
  | 'uan-variant'
  | 'uan-mismatch'
  | 'uan-topic'
  | 'ceu-mismatch'
  | 'certificate-missing'
  | 'certificate-outside'
  | 'link-skipped'
  | 'config-syntax'
  | 'config-value'
  | 'config-unknown-rule-set'
  | 'config-missing'
  | 'card-malformed'
  | 'review-log-line'
  | 'unknown-exam'
  | 'unknown-domain'
  | 'duplicate-card'
  | 'unknown-program'
  | 'unknown-career-word'
  | 'duplicate-certificate';

export interface Problem {
  /** Path relative to the workspace folder, `/`-separated. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Characters the problem spans on its line (0 or absent: to the end of the token/line, adapter's choice). */
  length?: number;
  severity: Severity;
  message: string;
  code?: ProblemCode;
  /** For quick fixes: the text that would replace the span (nearest topic, normalized UAN, computed hours). */
  replacement?: string;
}

export type NoteStatus = 'planned' | 'in-progress' | 'completed';
export type Format = 'live' | 'home-study';
export type Audience = 'technician' | 'pharmacist';
export type Category = 'ce' | 'college' | 'in-service' | 'volunteering';

/** A topic key of the project's vocabulary (see topics.ts). */
export type TopicKey = string;

/** A parsed ACPE Universal Activity Number `PPPP-JJJJ-YY-NNN-FTT-A`. */
export interface Uan {
  /** Canonical form, e.g. `0145-0000-24-101-H07-T`. */
  normalized: string;
  provider: string;
  /** `0000` single provider, `9999` joint providership. */
  joint: boolean;
  /** Two-digit release year, as written. */
  year: string;
  sequence: string;
  /** `L` live, `H` home study, `B` blended (unverified). */
  formatLetter: 'L' | 'H' | 'B';
  format?: Format;
  topicCode: string;
  /** Project topic key for the ACPE code, when known. */
  topic?: TopicKey;
  audienceLetter: 'P' | 'T';
  audience: Audience;
  /** Tolerated deviations found (dropped leading zero, missing hyphens). Empty for a canonical UAN. */
  variants: string[];
}

interface NoteBase {
  /** Path relative to the workspace folder, `/`-separated. */
  path: string;
  title: string;
  topics: TopicKey[];
  tags: string[];
  /** 1-based line of each top-level frontmatter key, for edits, diagnostics and completion. */
  keyLines: Record<string, number>;
  /** Lines of the frontmatter block: the opening and closing `---` (1-based); absent when there is none. */
  frontmatter?: { startLine: number; endLine: number };
  /** Cards in the body and the `exam`/`domain` keys; absent when the note has none of them. */
  study?: NoteStudy;
  /** What a career note (`type: certificate | experience | event | membership`) records; absent without `type`. */
  career?: CareerRecord;
}

/** A Markdown file with frontmatter giving `ce_hours` or `ceu`: a CE activity. */
export interface CeNote extends NoteBase {
  kind: 'ce';
  /** Contact hours (a `ceu` value is converted: 1 CEU = 10 h). 0 when invalid. */
  hours: number;
  status: NoteStatus;
  completed?: CalendarDate;
  format: Format;
  audience: Audience;
  category: Category;
  /** Credential ids this note may count toward; undefined means all. */
  credentials?: string[];
  uan?: Uan;
  /** The UAN exactly as written in the note. */
  uanText?: string;
  /** Certificate path as written, relative to the note. */
  certificate?: string;
  provider?: string;
  /** `cpe_monitor: true` once the user has seen the credit in NABP CPE Monitor. */
  cpeMonitor?: boolean;
  /** False when the note has an error: it is reported and does not count. */
  valid: boolean;
  /** Invalid notes only: the hours as written (a number, even a wrong one), for display; never counted. */
  writtenHours?: number;
  /** Invalid notes only: the error messages, in file order, so every surface can say why it does not count. */
  errors?: string[];
}

/** A Markdown file with no frontmatter, or frontmatter without hours: a study note, not a problem. */
export interface StudyNote extends NoteBase {
  kind: 'study';
}

/** A Markdown file whose frontmatter could not be read at all (YAML error, refused engine, binary). */
export interface BrokenNote extends NoteBase {
  kind: 'broken';
  reason: string;
}

export type ParsedNote = CeNote | StudyNote | BrokenNote;

export interface NoteParseResult {
  note: ParsedNote;
  /** Problems found in the text itself (not the certificate check, which needs the file system). */
  problems: Problem[];
}

// ---- Rules -------------------------------------------------------------------------------------------

export interface NoteFilter {
  topic?: TopicKey;
  format?: Format;
  audience?: Audience;
  category?: Category;
}

export interface Requirement extends NoteFilter {
  id: string;
  label: string;
  minHours: number;
  /**
   * false: notes matching this requirement are kept out of the credential's total. `'acpe'`: only
   * ACPE-accredited notes (those with a UAN) count toward the total, the others are kept out (Texas trafficking).
   */
  countsTowardTotal?: boolean | 'acpe';
  /**
   * Months the requirement looks back from the cycle end, when that differs from the cycle (Washington's
   * health-equity hours: once every 48 months). Notes in that window count toward the requirement; only
   * those inside the cycle count toward the total.
   */
  windowMonths?: number;
}

export interface Limit {
  id: string;
  label: string;
  audience?: Audience;
  category?: Category;
  /** Matching notes add at most this to the total; 0 means not accepted at all. */
  maxHours: number;
}

export interface RuleSet {
  id: string;
  name: string;
  /** Short label for the status bar (`CPhT`). */
  shortName?: string;
  /** Where the rule comes from (an address or a citation). */
  source: string;
  /** The date the rule was last checked against its source. */
  asOf: CalendarDate;
  cycleMonths: number;
  totalHours: number;
  requirements: Requirement[];
  limits: Limit[];
  /** Caveats shown to the user (unverified values, things the tool cannot check). */
  caveats?: string[];
  /** True for values not verified against a primary source: the UI says whom to verify with (rule-body.ts). */
  verify?: boolean;
  /**
   * When the renewal application is due, if before the cycle end: `'first-of-end-month'` is the first day
   * of the month the cycle ends in (PTCB). Shown beside the cycle end; "days left" counts to it.
   */
  applicationDeadline?: 'first-of-end-month';
  builtIn?: boolean;
}

/** A credential as written in `.pharmacy-ce.json`. */
export interface CredentialConfig {
  id?: string;
  ruleSet: string;
  cycleEnd: CalendarDate;
  cycleStart?: CalendarDate;
  label?: string;
}

/** A credential the user holds, resolved against its rule set. */
export interface Credential {
  id: string;
  label: string;
  ruleSetId: string;
  cycle: { start: CalendarDate; end: CalendarDate };
}

export interface ResolvedConfig {
  credentials: Credential[];
  /** Built-in rule sets overlaid by the user's (same id replaces). */
  /** By id; from parseConfig without a prototype, so any id from the file is an ordinary key. */
  ruleSets: Record<string, RuleSet>;
  include: string[];
  exclude: string[];
  /** False when no config file exists or it is broken and the built-in default applies. */
  fromFile: boolean;
  /** Built-in study plans overlaid by the user's `studyPlans` (same id replaces), by id. */
  studyPlans: Record<string, StudyPlan>;
  /** The `study` object: the exam prepared for and its date. */
  study: StudySettings;
  /** Built-in career programs overlaid by the user's `careerPrograms` (same id replaces), by id. */
  careerPrograms: Record<string, Program>;
  /** The `profile` object: who the portfolio is for. */
  profile: CareerProfile;
}

export interface ConfigParseResult {
  config: ResolvedConfig;
  problems: Problem[];
}

export interface RuleSetOptions {
  /** Hours of sterile-compounding CE per year for `ptcb-cspt` (unverified: a setting). */
  csptSterileHours?: number;
}

// ---- Evaluation ----------------------------------------------------------------------------------------

export type ProgressState = 'met' | 'on-track' | 'at-risk' | 'unmet';

export interface RequirementProgress {
  id: string;
  label: string;
  required: number;
  earned: number;
  remaining: number;
  met: boolean;
  countsTowardTotal: boolean;
  /** Paths of the counted notes that match this requirement. */
  notes: string[];
}

export interface LimitProgress {
  id: string;
  label: string;
  maxHours: number;
  /** Hours of counted notes that match the limit. */
  matched: number;
  /** Hours of those that reach the total (min(matched, maxHours)). */
  applied: number;
  notes: string[];
}

export interface NoteVerdict {
  path: string;
  counted: boolean;
  /** Why a note does not count (or counts only in part), in plain words. */
  reason?: string;
}

export interface CredentialProgress {
  credential: Credential;
  ruleSet: RuleSet;
  cycle: {
    start: CalendarDate;
    end: CalendarDate;
    /** Days from the as-of date to the cycle end, inclusive of neither; negative once it has passed. */
    daysLeft: number;
    daysTotal: number;
    /** 0..1: how much of the cycle has elapsed at the as-of date. */
    elapsed: number;
    /** The date the renewal application is due, when the rule set has one (see RuleSet.applicationDeadline). */
    applyBy?: CalendarDate;
  };
  hours: { earned: number; required: number; remaining: number };
  met: boolean;
  state: ProgressState;
  /** Hours per month still needed to finish on time (0 when met). */
  pacePerMonth: number;
  /** True when earned hours are below the straight line from cycle start to the required total. */
  behindPace: boolean;
  requirements: RequirementProgress[];
  limits: LimitProgress[];
  /** Paths of the notes counted toward this credential (before limits). */
  countedNotes: string[];
  /** Counted notes kept out of the total (they count toward a requirement only). */
  keptOut?: string[];
  /** Every CE note considered, with the verdict and reason. */
  verdicts: NoteVerdict[];
}
