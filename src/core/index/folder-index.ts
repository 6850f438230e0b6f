// The index of one CE folder: parsed notes keyed by path (re-parsed only when their content changes), the
// resolved config, every problem, and a memoized evaluation. It takes text, never reads files: the
// extension feeds it from vscode.workspace.fs and file events, the CLI from Node's fs.
import * as l10n from '@vscode/l10n';
import { CONFIG_FILE, parseConfig } from '../rules/config';
import { EvaluationMemo, evaluateAllFacts, noteFacts, type NoteFacts } from '../rules/evaluate';
import { parseNote, unreadableNote } from '../notes/note';
import { resolveRelative } from '../common/paths';
import { sameData } from '../common/same-data';
import { defaultExtras } from '../rules/config-extras';
import type { StudyModel } from '../study/model';
import type { ScheduleOptions } from '../study/schedule';
import type { ReviewEntry } from '../study/types';
import { StudyState, type StudyInputs } from './study-state';
import { CareerState } from './career-state';
import type { CareerModel } from '../career/types';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globMatcher } from '../common/globs';
import type {
  CalendarDate,
  CeNote,
  ConfigParseResult,
  CredentialProgress,
  NoteParseResult,
  ParsedNote,
  Problem,
  ResolvedConfig,
  RuleSetOptions,
} from '../types';

export interface FolderIndexOptions {
  ruleSetOptions?: RuleSetOptions;
  /** Note globs used when the config names no `include` (the `pharmacyCe.notesGlobs` setting). */
  defaultInclude?: string[];
  /** Globs never read as notes, added to the config's `exclude`. */
  extraExclude?: string[];
}

/** One note of the index. Updated in place on an edit, so lists of entries stay valid until a path comes or goes. */
interface Entry {
  note: ParsedNote;
  /** Problems found in the text; one shared empty list for the many notes without any. */
  problems: readonly Problem[];
  /** undefined: not checked (or no certificate); true/false: the file's existence as last reported. */
  certificateExists: boolean | undefined;
  /** What the evaluation reads of a CE note, worked out on the first evaluation after a parse. */
  facts: NoteFacts | undefined;
}

export { resolveRelative };

export type StudyOptions = ScheduleOptions;

export class FolderIndex {
  private readonly entries = new Map<string, Entry>();
  private configResult: ConfigParseResult;
  /** Problems only the folder's reader can see (links it did not follow); see setFileProblems. */
  private fileProblemList: readonly Problem[] = [];
  private configText: string | undefined;
  private configAsOf: CalendarDate | undefined;
  private isIncluded: (path: string) => boolean = () => true;
  private changeCount = 0;
  /** Bumped only by changes that can alter an evaluation (see evaluationKey): a body edit leaves it alone. */
  private evalChangeCount = 0;
  /** Bumped when a path is added or removed; a content change keeps the sorted order. */
  private pathsChangeCount = 0;
  private sorted: { version: number; entries: Entry[] } | undefined;
  private readonly memo = new EvaluationMemo();
  private notesCache: { version: number; notes: ParsedNote[] } | undefined;
  private problemsCache: { version: number; problems: Problem[] } | undefined;
  private evalCache: { version: number; asOf: CalendarDate; value: CredentialProgress[] } | undefined;
  /** The review log, the schedules replayed from it and the study model. */
  private readonly studyState = new StudyState();
  private readonly careerState = new CareerState();

  constructor(private readonly options: FolderIndexOptions = {}) {
    this.configResult = { config: emptyConfig(), problems: [] };
  }

  /** Increments on every change that can alter notes, problems or evaluation. */
  get version(): number {
    return this.changeCount;
  }

  get config(): ResolvedConfig {
    return this.configResult.config;
  }

  /**
   * Sets the `.pharmacy-ce.json` text (`undefined`: no file, the built-in default applies). `asOf` is today,
   * which places the default credential's cycle. Returns false when nothing changed.
   */
  setConfig(text: string | undefined, asOf: CalendarDate): boolean {
    if (this.configAsOf !== undefined && text === this.configText && asOf === this.configAsOf) return false;
    this.configText = text;
    this.configAsOf = asOf;
    this.configResult = parseConfig(text, { asOf, ruleSetOptions: this.options.ruleSetOptions, file: CONFIG_FILE });
    const { include, exclude } = this.configResult.config;
    const includeGlobs = include.length > 0 ? include : (this.options.defaultInclude ?? DEFAULT_INCLUDE);
    const excludeGlobs = [...DEFAULT_EXCLUDE, ...exclude, ...(this.options.extraExclude ?? [])];
    const inc = globMatcher(includeGlobs, false);
    const exc = globMatcher(excludeGlobs, true);
    this.isIncluded = (path) => inc(path) && !exc(path);
    this.touch(true);
    return true;
  }

  /** True when a folder-relative path is a note by the include/exclude globs. */
  isNotePath(path: string): boolean {
    return this.isIncluded(path);
  }

  /** True when a folder at `relPath` could contain notes by the include/exclude globs (cheap: no file access). */
  mayHoldNotes(relPath: string): boolean {
    return this.isIncluded(`${relPath}/x.md`) || this.isIncluded(`${relPath}/x/x.md`);
  }

  /**
   * Adds or updates a note from its text. Returns false when nothing the index holds changes: the same text,
   * or an edit that leaves the parsed note and its problems as they were (a word deep in the body).
   */
  setNote(path: string, text: string): boolean {
    return this.setResult(path, withCertificateProblem(parseNote(text, path), text));
  }

  /** A note file that could not be read at all: listed as unreadable, with the reason, so it is never silently missing. */
  setUnreadable(path: string, reason: string): boolean {
    return this.setResult(path, unreadableNote(path, reason));
  }

  private setResult(path: string, result: NoteParseResult): boolean {
    const old = this.entries.get(path);
    if (!old) {
      this.entries.set(path, { note: result.note, problems: problemsOf(result), certificateExists: undefined, facts: undefined });
      this.pathsChangeCount++;
      this.touch(true);
      return true;
    }
    // Comparing parse results rather than hashing texts: a parse is needed for any change anyway, and the
    // cold index, which only adds notes, then reads each text once.
    if (sameData(old.note, result.note) && sameData(old.problems, result.problems)) return false;
    if (certificateOf(old.note) !== certificateOf(result.note)) old.certificateExists = undefined;
    // Typing in a note's body changes nothing an evaluation reads: the memoized one stays valid.
    const affectsEvaluation = evaluationKey(old.note) !== evaluationKey(result.note);
    old.note = result.note;
    old.problems = problemsOf(result);
    old.facts = undefined;
    this.touch(affectsEvaluation);
    return true;
  }

  deleteNote(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.pathsChangeCount++;
    this.touch(true);
    return true;
  }

  /** Drops every note (a full rebuild follows). */
  clearNotes(): void {
    this.entries.clear();
    this.pathsChangeCount++;
    this.touch(true);
  }

  hasNote(path: string): boolean {
    return this.entries.has(path);
  }

  getNote(path: string): ParsedNote | undefined {
    return this.entries.get(path)?.note;
  }

  /** Every indexed note, sorted by path. The array is shared until the next change: do not mutate it. */
  notes(): readonly ParsedNote[] {
    if (this.notesCache?.version !== this.changeCount) {
      const sorted = this.sortedEntries();
      const notes = new Array<ParsedNote>(sorted.length);
      for (let i = 0; i < sorted.length; i++) notes[i] = sorted[i].note;
      this.notesCache = { version: this.changeCount, notes };
    }
    return this.notesCache.notes;
  }

  /**
   * Entries in path order. Sorting 10,000 paths after every keystroke would dominate an edit: the order only
   * changes when a path comes or goes (an edit updates its entry in place).
   */
  private sortedEntries(): Entry[] {
    if (this.sorted?.version !== this.pathsChangeCount) {
      // The default sort orders strings by UTF-16 code units, as `<` does, and is faster than a comparator.
      const entries = [...this.entries.keys()].sort().map((path) => this.entries.get(path) as Entry);
      this.sorted = { version: this.pathsChangeCount, entries };
    }
    return this.sorted.entries;
  }

  ceNotes(): CeNote[] {
    return this.notes().filter((n): n is CeNote => n.kind === 'ce');
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The certificate of a note as a folder-relative path (resolving `..` against the note's folder), or
   * undefined when the note names none. `outside` is true when it points outside the folder.
   */
  certificateTarget(path: string): { path: string; outside: boolean } | undefined {
    const note = this.getNote(path);
    const certificate = note ? certificateOf(note) : undefined;
    if (!certificate) return undefined;
    return resolveRelative(path, certificate);
  }

  /** Records whether a note's certificate file exists (the core cannot look); ignored for one outside the folder. */
  setCertificateExists(path: string, exists: boolean): boolean {
    const entry = this.entries.get(path);
    if (!entry || entry.certificateExists === exists || this.certificateTarget(path)?.outside !== false) return false;
    entry.certificateExists = exists;
    this.touch(false); // a missing certificate is a warning; the note still counts
    return true;
  }

  /** Notes whose certificate was reported missing. */
  missingCertificates(): string[] {
    return [...this.entries].filter(([, e]) => e.certificateExists === false).map(([p]) => p);
  }

  /**
   * Sets the problems only whoever reads the files can see (symbolic links not followed). Replaces the
   * previous ones; false when nothing changed.
   */
  setFileProblems(problems: readonly Problem[]): boolean {
    if (sameData(this.fileProblemList, problems)) return false;
    this.fileProblemList = [...problems];
    this.touch(false);
    return true;
  }

  fileProblems(): readonly Problem[] {
    return this.fileProblemList;
  }

  configProblems(): readonly Problem[] {
    return this.configResult.problems;
  }

  /** Problems of one note: from its text, plus a missing certificate. */
  problemsFor(path: string): Problem[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    const problems = [...entry.problems];
    if (entry.certificateExists === false) {
      const note = entry.note;
      const line = note.keyLines['certificate'] ?? 1;
      problems.push({
        file: path,
        line,
        column: 1,
        severity: 'warning',
        code: 'certificate-missing',
        message: l10n.t('Certificate file not found: {0}. An audit can ask for it years later; keep it next to the note.', certificateOf(note) ?? ''),
      });
    }
    return problems;
  }

  /** Every problem: the config's, the files' (links not followed), the study's, the career's, then each note's in path order. A fresh array; memoized until the next change. */
  problems(): Problem[] {
    if (this.problemsCache?.version !== this.changeCount) {
      const all: Problem[] = [...this.configResult.problems, ...this.fileProblemList, ...this.studyProblems(), ...this.careerProblems()];
      for (const entry of this.sortedEntries()) {
        if (entry.problems.length > 0 || entry.certificateExists === false) all.push(...this.problemsFor(entry.note.path));
      }
      this.problemsCache = { version: this.changeCount, problems: all };
    }
    return [...this.problemsCache.problems];
  }

  /**
   * Evaluates every credential at `asOf`; memoized until a change that can alter it (a note's hours, dates,
   * topics... or the config), so an edit to a note's body costs no evaluation.
   */
  evaluate(asOf: CalendarDate): CredentialProgress[] {
    if (this.evalCache && this.evalCache.version === this.evalChangeCount && this.evalCache.asOf === asOf) return this.evalCache.value;
    const facts: NoteFacts[] = [];
    for (const entry of this.sortedEntries()) {
      const note = entry.note;
      if (note.kind === 'ce') facts.push((entry.facts ??= noteFacts(note)));
    }
    const value = evaluateAllFacts(this.config, facts, asOf, this.memo);
    this.evalCache = { version: this.evalChangeCount, asOf, value };
    return value;
  }

  /** Sets the text of `.pharmacy-ce/reviews.jsonl` (undefined: no log) and any problem reading it. False when nothing changed. */
  setReviewLog(text: string | undefined, readProblems: readonly Problem[] = []): boolean {
    if (!this.studyState.setLog(text, readProblems)) return false;
    this.touch(false); // the log's problems change; no credential reads it
    return true;
  }

  /** The study model at `now` (ms since the epoch): memoized until notes, config or log change, or `now` leaves its minute. */
  study(now: number, options: StudyOptions): StudyModel {
    return this.studyState.model(this.studyInputs(), this.changeCount, now, options);
  }

  /** The review log's reviews of one card, in log order (what previewRatings takes). */
  reviewsOf(card: string): readonly ReviewEntry[] {
    return this.studyState.reviewsOf(card);
  }

  /** Malformed review-log lines (at `.pharmacy-ce/reviews.jsonl`), then the study model's (unknown exam or domain ids, duplicate cards). */
  studyProblems(): Problem[] {
    return [...this.studyState.problems(), ...this.studyState.modelProblems(this.studyInputs(), this.changeCount)];
  }

  /** The career model at `asOf` (issue #14): memoized until notes or config change. */
  career(asOf: CalendarDate): CareerModel {
    const { credentials, careerPrograms: programs, studyPlans } = this.config;
    return this.careerState.model({ notes: this.notes(), credentials, programs, studyPlanIds: Object.keys(studyPlans), asOf }, this.changeCount);
  }

  /** Problems of the career model: certificate notes naming an unknown program, two notes for one program. */
  careerProblems(): readonly Problem[] {
    return this.careerState.problems(this.notes(), this.config.careerPrograms, this.changeCount);
  }

  private studyInputs(): StudyInputs {
    return { notes: this.notes(), plans: this.config.studyPlans, settings: this.config.study };
  }

  private touch(affectsEvaluation: boolean): void {
    this.changeCount++;
    if (affectsEvaluation) this.evalChangeCount++;
  }
}

/**
 * Everything of a note that an evaluation reads. Evaluation results hold note paths, never note objects,
 * so two notes with the same key evaluate alike. Keep this in step with evaluate.ts.
 */
function evaluationKey(note: ParsedNote): string {
  if (note.kind !== 'ce') return note.kind;
  return JSON.stringify([note.valid, note.hours, note.status, note.completed, note.format, note.audience, note.category, note.credentials, note.topics]);
}

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** What an entry keeps of a parse: a note without problems shares one empty list (one object less to keep per note). */
function problemsOf(result: NoteParseResult): readonly Problem[] {
  return result.problems.length === 0 ? NO_PROBLEMS : result.problems;
}

/**
 * Adds a warning for a `certificate:` that is absolute or leaves the folder (`../../etc/passwd`, `//host/x`,
 * `C:\x`): it is never looked up (a `//host` path would reach out to a network share on Windows), so the
 * user hears why it is not checked, at the value's line and column.
 */
function withCertificateProblem(result: NoteParseResult, text: string): NoteParseResult {
  const certificate = certificateOf(result.note);
  if (!certificate || !resolveRelative(result.note.path, certificate).outside) return result;
  const line = result.note.keyLines['certificate'] ?? 1;
  const lineText = text.split(/\r\n|\r|\n/, line)[line - 1] ?? '';
  // The value as written, else (quoted with escapes) where the value starts after the key's colon.
  const found = lineText.indexOf(certificate);
  const afterColon = lineText.indexOf(':') + 1;
  const start = found >= 0 ? found : afterColon > 0 ? afterColon + (lineText.slice(afterColon).length - lineText.slice(afterColon).trimStart().length) : -1;
  const problem: Problem = {
    file: result.note.path,
    line,
    column: start >= 0 ? start + 1 : 1,
    length: found >= 0 ? certificate.length : undefined,
    severity: 'warning',
    code: 'certificate-outside',
    message: l10n.t('Certificate path outside the notes folder: {0}. It is not checked; keep the certificate inside the folder and name it relative to the note.', certificate.length > 80 ? `${certificate.slice(0, 80)}…` : certificate),
  };
  return { ...result, problems: [...result.problems, problem] };
}

function emptyConfig(): ResolvedConfig {
  return { credentials: [], ruleSets: {}, include: [], exclude: [], fromFile: false, ...defaultExtras() };
}

function certificateOf(note: ParsedNote): string | undefined {
  return note.kind === 'ce' ? note.certificate : undefined;
}
