// The index of one CE folder: parsed notes keyed by path (re-parsed only when their content changes), the
// resolved config, every problem, and a memoized evaluation. It takes text, never reads files: the
// extension feeds it from vscode.workspace.fs and file events, the CLI from Node's fs.
import picomatch from 'picomatch';
import { CONFIG_FILE, parseConfig } from './config';
import { evaluateAll } from './evaluate';
import { parseNote } from './note';
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
} from './types';

export interface CeWorkspaceOptions {
  ruleSetOptions?: RuleSetOptions;
  /** Note globs used when the config names no `include` (the `pharmacyCe.notesGlobs` setting). */
  defaultInclude?: string[];
  /** Globs never read as notes, added to the config's `exclude`. */
  extraExclude?: string[];
}

interface Entry {
  hash: number;
  length: number;
  result: NoteParseResult;
  /** undefined: not checked (or no certificate); true/false: the file's existence as last reported. */
  certificateExists?: boolean;
}

const DEFAULT_INCLUDE = ['**/*.md'];
const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

export class CeWorkspace {
  private readonly entries = new Map<string, Entry>();
  private configResult: ConfigParseResult;
  private configText: string | undefined;
  private configAsOf: CalendarDate | undefined;
  private isIncluded: (path: string) => boolean = () => true;
  private changeCount = 0;
  private notesCache: { version: number; notes: ParsedNote[] } | undefined;
  private evalCache: { version: number; asOf: CalendarDate; value: CredentialProgress[] } | undefined;

  constructor(private readonly options: CeWorkspaceOptions = {}) {
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
    const inc = picomatch(includeGlobs, { dot: false });
    const exc = picomatch(excludeGlobs, { dot: true });
    this.isIncluded = (path) => inc(path) && !exc(path);
    this.touch();
    return true;
  }

  /** True when a folder-relative path is a note by the include/exclude globs. */
  isNotePath(path: string): boolean {
    return this.isIncluded(path);
  }

  /** Adds or updates a note from its text. Returns false when the content is unchanged (no re-parse). */
  setNote(path: string, text: string): boolean {
    const hash = fnv1a(text);
    const old = this.entries.get(path);
    if (old && old.hash === hash && old.length === text.length) return false;
    const result = parseNote(text, path);
    const keepCertificate = old && certificateOf(old.result.note) === certificateOf(result.note);
    this.entries.set(path, { hash, length: text.length, result, certificateExists: keepCertificate ? old.certificateExists : undefined });
    this.touch();
    return true;
  }

  deleteNote(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.touch();
    return true;
  }

  /** Drops every note (a full rebuild follows). */
  clearNotes(): void {
    this.entries.clear();
    this.touch();
  }

  hasNote(path: string): boolean {
    return this.entries.has(path);
  }

  getNote(path: string): ParsedNote | undefined {
    return this.entries.get(path)?.result.note;
  }

  /** Every indexed note, sorted by path. The array is shared until the next change: do not mutate it. */
  notes(): readonly ParsedNote[] {
    if (this.notesCache?.version !== this.changeCount) {
      const notes = [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e.result.note);
      this.notesCache = { version: this.changeCount, notes };
    }
    return this.notesCache.notes;
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

  /** Records whether a note's certificate file exists (the core cannot look). */
  setCertificateExists(path: string, exists: boolean): boolean {
    const entry = this.entries.get(path);
    if (!entry || entry.certificateExists === exists) return false;
    entry.certificateExists = exists;
    this.touch();
    return true;
  }

  /** Notes whose certificate was reported missing. */
  missingCertificates(): string[] {
    return [...this.entries].filter(([, e]) => e.certificateExists === false).map(([p]) => p);
  }

  configProblems(): readonly Problem[] {
    return this.configResult.problems;
  }

  /** Problems of one note: from its text, plus a missing certificate. */
  problemsFor(path: string): Problem[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    const problems = [...entry.result.problems];
    if (entry.certificateExists === false) {
      const note = entry.result.note;
      const line = note.keyLines['certificate'] ?? 1;
      problems.push({
        file: path,
        line,
        column: 1,
        severity: 'warning',
        code: 'certificate-missing',
        message: `Certificate file not found: ${certificateOf(note)}. An audit can ask for it years later; keep it next to the note.`,
      });
    }
    return problems;
  }

  /** Every problem: the config's, then each note's in path order. */
  problems(): Problem[] {
    const all: Problem[] = [...this.configResult.problems];
    for (const note of this.notes()) all.push(...this.problemsFor(note.path));
    return all;
  }

  /** Evaluates every credential at `asOf`; memoized until the next change. */
  evaluate(asOf: CalendarDate): CredentialProgress[] {
    if (this.evalCache && this.evalCache.version === this.changeCount && this.evalCache.asOf === asOf) return this.evalCache.value;
    const value = evaluateAll(this.config, this.notes(), asOf);
    this.evalCache = { version: this.changeCount, asOf, value };
    return value;
  }

  private touch(): void {
    this.changeCount++;
  }
}

function emptyConfig(): ResolvedConfig {
  return { credentials: [], ruleSets: {}, include: [], exclude: [], fromFile: false };
}

function certificateOf(note: ParsedNote): string | undefined {
  return note.kind === 'ce' ? note.certificate : undefined;
}

/** Resolves `target` relative to the folder of `notePath`, both `/`-separated and folder-relative. */
export function resolveRelative(notePath: string, target: string): { path: string; outside: boolean } {
  const parts = target.startsWith('/') ? [] : notePath.split('/').slice(0, -1);
  let outside = false;
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) outside = true;
      else parts.pop();
    } else parts.push(segment);
  }
  return { path: parts.join('/'), outside: outside || target.startsWith('/') };
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and with the length it tells a changed note from an unchanged one. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
