// Turns one note's text into a CE activity, a study note or a broken note, plus the problems found in it.
// Notes are untrusted: nothing here throws on bad input, every problem points at the offending value, and a
// wrong value makes only that note invalid. Kept cheap (no Markdown parser, no per-call regex compilation)
// because a folder of thousands of notes is parsed on every cold start.
import { daysInMonth, fromDayNumber, toCalendarDate } from '../common/dates';
import { bodyHeading, flatCopy, summarizeBody } from './excerpt';
import {
  COMMON_INDEX_OF,
  commonValue,
  commonWordList,
  decimalAt,
  keySource,
  plainDateAt,
  plainEnd,
  plainNumberAt,
  readCommonBlock,
  splitNote,
  type CommonBlock,
  type Frontmatter,
  type SourceSpan,
} from './frontmatter';
import { isTopicKey, nearestTopic, topicInfo, TOPICS } from './topics';
import { parseUan } from './uan';
import type {
  Audience,
  BrokenNote,
  CalendarDate,
  Category,
  CeNote,
  Format,
  NoteParseResult,
  NoteStatus,
  ParsedNote,
  Problem,
  ProblemCode,
  Severity,
  StudyNote,
  TopicKey,
  Uan,
} from '../types';
import { NOTE_KEYS, type NoteKey } from './note-keys';


export const STATUSES: readonly NoteStatus[] = ['planned', 'in-progress', 'completed'];
export const FORMATS: readonly Format[] = ['live', 'home-study'];
export const AUDIENCES: readonly Audience[] = ['technician', 'pharmacist'];
export const CATEGORIES: readonly Category[] = ['ce', 'college', 'in-service', 'volunteering'];

const KNOWN_KEYS: ReadonlySet<string> = new Set(NOTE_KEYS);
/** Other names people give the hours key; without `ce_hours`/`ceu` the note silently becomes a study note. */
const HOURS_ALIASES: ReadonlySet<string> = new Set(['hours', 'contact_hours', 'credit_hours', 'credits', 'ce', 'cehrs']);
/** Names for the completion date; flagged only in CE notes (`date` is common in other notes). */
const DATE_ALIASES: ReadonlySet<string> = new Set(['date', 'completed_on', 'completion_date', 'date_completed', 'completed_date']);

const NUMBER = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])/;
const SEPARATORS = /[\s_]+/g;
const KEY_SEPARATORS = /[\s-]+/g;
/** Problems reported per list key at most: enough to fix, without flooding on a hostile note. */
const MAX_ITEM_PROBLEMS = 20;
const MIN_YEAR = 1950;
const MAX_YEAR = 2099;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses one Markdown note. `path` is folder-relative and only used for messages and the title fallback. */
export function parseNote(text: string, path: string): NoteParseResult {
  return parseWith(text, path, true);
}

/**
 * parseNote without the shortcut for clean notes of the common shape (cleanCeNote): every note read by the
 * general reader. The shortcut is tested against it; nothing else needs it.
 */
export function parseNoteInFull(text: string, path: string): NoteParseResult {
  return parseWith(text, path, false);
}

function parseWith(text: string, path: string, shortcut: boolean): NoteParseResult {
  try {
    return detach(readNote(text, path, shortcut));
  } catch (error) {
    // A bug here must not take the index down with it: the note is shown as unreadable, the rest still counts.
    const message = `This note could not be read (${error instanceof Error ? error.message : String(error)}).`;
    return {
      note: { kind: 'broken', path, title: fileTitle(path), topics: [], tags: [], keyLines: {}, reason: message },
      problems: [{ file: path, line: 1, column: 1, severity: 'error', code: 'unreadable', message }],
    };
  }
}

/**
 * The Markdown excerpt of a note's body (its `## Key points` section, else its first paragraph, shortened),
 * for a preview. The index keeps none: the dashboard reads the few it shows.
 */
export function noteExcerpt(input: string): string {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\0') !== -1) return '';
  return summarizeBody(splitNote(text).body).excerpt;
}

function readNote(input: string, path: string, shortcut: boolean): NoteParseResult {
  // The editor hides a BOM, so columns are counted without it; lines are unaffected.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\0') !== -1) {
    const reason = 'This file is not a text file (it contains NUL bytes), so it cannot be read as a note.';
    return {
      note: { kind: 'broken', path, title: fileTitle(path), topics: [], tags: [], keyLines: {}, reason },
      problems: [{ file: path, line: 1, column: 1, severity: 'error', code: 'unreadable', message: reason }],
    };
  }
  if (shortcut) {
    const note = cleanCeNote(text, path);
    if (note) return { note, problems: [] };
  }
  const parts = splitNote(text);
  const fm = parts.frontmatter;
  const keyLines: Record<string, number> = fm ? fm.keyLines : {};
  const base: Base = fm ? { path, keyLines, frontmatter: frontmatterSpan(fm.startLine, fm.endLine) } : { path, keyLines };
  // The body is only read for a title when the frontmatter gives none (most CE notes have one).
  const fallbackTitle = (): string => bodyHeading(parts.body) || fileTitle(path);
  if (fm?.error) {
    const { error } = fm;
    // The title line usually survives a YAML error elsewhere; showing it beats showing the file name.
    const title = keySource(fm, 'title')?.value?.text.trim() || fallbackTitle();
    const note: BrokenNote = { kind: 'broken', ...base, title, topics: [], tags: [], reason: error.message };
    const problem: Problem = { file: path, line: error.line, column: error.column, severity: 'error', code: error.code, message: error.message };
    if (error.length) problem.length = error.length;
    return { note, problems: [problem] };
  }
  const reader = new FrontmatterReader(path, fm, fm?.data ?? {});
  const isCe = reader.has('ce_hours') || reader.has('ceu');
  const note = isCe ? reader.ceNote(base, fallbackTitle) : reader.studyNote(base, fallbackTitle);
  return { note, problems: reader.sortedProblems() };
}

// ---- the shortcut for clean notes -----------------------------------------------------------------------

const K = COMMON_INDEX_OF;

/**
 * A CE note in the common shape (readCommonBlock) whose every value is one the reader accepts without a
 * problem, built straight from the block's values; undefined for any other note, which the reader below
 * then reads, problems and all. It gives exactly what FrontmatterReader.ceNote gives for such a note (a
 * property test compares the two): on anything it is not sure of, it steps aside rather than decide.
 * `text` comes without a BOM and without NUL bytes (readNote sees to both before it is called).
 */
export function cleanCeNote(text: string, path: string): CeNote | undefined {
  const block = readCommonBlock(text);
  if (!block) return undefined;
  const { starts, ends } = block;
  // The values the evaluation reads are read straight from the text, in the forms the plain reader takes
  // them (a number, a date, a word, a list of topic keys); anything else sends the note to the full reader.
  const hoursValue = plainNumber(block, K.ce_hours);
  const ceuValue = plainNumber(block, K.ceu);
  if (hoursValue === null || ceuValue === null) return undefined;
  if (hoursValue === undefined && ceuValue === undefined) return undefined; // a study note
  // `ceu` alone is converted as readHours does; with ce_hours, the two must agree.
  let hours: number;
  if (hoursValue !== undefined) {
    if (ceuValue !== undefined && Math.abs(hoursValue - Math.round(ceuValue * 1e5) / 1e4) > 1e-9) return undefined;
    hours = hoursValue;
  } else hours = Math.round(ceuValue! * 1e5) / 1e4;

  const titleValue = commonValue(block, K.title);
  if (titleValue !== undefined && titleValue !== null && typeof titleValue !== 'string') return undefined;
  const title = typeof titleValue === 'string' ? titleValue.trim() : '';

  // The UAN: the standard form, written plain (a variant is a warning).
  let uan: Uan | undefined;
  let uanText: string | undefined;
  if (starts[K.uan] !== -1 && starts[K.uan] !== ends[K.uan]) {
    const start = starts[K.uan];
    if (plainEnd(block, K.uan) !== start + 22) return undefined;
    uanText = text.slice(start, start + 22);
    uan = parseUan(uanText).uan;
    if (!uan || uan.variants.length > 0) return undefined;
    // Digits and hyphens with only B and T for letters could be a YAML number: the plain reader leaves it to js-yaml.
    if (uan.formatLetter === 'B' && uan.audienceLetter === 'T') return undefined;
  }

  // Topics: a list of topic keys as written (repeats dropped, as the reader does).
  let written: TopicKey[] = [];
  if (starts[K.topics] !== -1) {
    const list = commonWordList(block, K.topics, topicKeyAt);
    if (!list) return undefined;
    written = list.every((key, i) => list.indexOf(key) === i) ? list : list.filter((key, i) => list.indexOf(key) === i).slice();
  }
  const topics = uan?.topic && !written.includes(uan.topic) ? [...written, uan.topic] : written;

  // The completion date: written YYYY-MM-DD (the plain reader's Date, exactly the date written), in the usual years.
  let completed: CalendarDate | undefined;
  if (starts[K.completed] !== -1 && starts[K.completed] !== ends[K.completed]) {
    const start = starts[K.completed];
    if (plainEnd(block, K.completed) !== start + 10) return undefined;
    const time = plainDateAt(text, start);
    if (Number.isNaN(time)) return undefined;
    const year = decimalAt(text, start, start + 4);
    if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
    completed = sharedDate(time);
  }

  const status = plainChoice(block, K.status, STATUSES);
  if (status === null) return undefined;
  // A completed status needs its date, a date needs the completed status (both are problems otherwise).
  if (status !== undefined && (status === 'completed') !== (completed !== undefined)) return undefined;
  const format = plainChoice(block, K.format, FORMATS);
  const audience = plainChoice(block, K.audience, AUDIENCES);
  const category = plainChoice(block, K.category, CATEGORIES);
  if (format === null || audience === null || category === null) return undefined;
  if (uan && format && uan.format && format !== uan.format) return undefined;
  if (uan && audience && audience !== uan.audience) return undefined;

  const credentialsValue = commonValue(block, K.credentials);
  let credentials: string[] | undefined;
  if (credentialsValue !== undefined && credentialsValue !== null) {
    credentials = cleanTexts(credentialsValue);
    if (!credentials || credentials.length === 0) return undefined;
  }
  const tagsValue = commonValue(block, K.tags);
  const tags = tagsValue === undefined || tagsValue === null ? [] : cleanTexts(tagsValue);
  if (!tags) return undefined;
  const certificate = cleanText(commonValue(block, K.certificate));
  const provider = cleanText(commonValue(block, K.provider));
  if (certificate === null || provider === null) return undefined;
  const cpeMonitor = commonValue(block, K.cpe_monitor);
  if (cpeMonitor !== undefined && cpeMonitor !== null && typeof cpeMonitor !== 'boolean') return undefined;

  const base: Base = { path, keyLines: block.keyLines, frontmatter: frontmatterSpan(1, block.endLine) };
  return makeCeNote(base, {
    title: title || bodyHeading(text.slice(block.bodyStart)) || fileTitle(path),
    topics,
    tags,
    hours,
    status: status ?? (completed !== undefined ? 'completed' : 'planned'),
    format: format ?? uan?.format ?? 'home-study',
    audience: audience ?? uan?.audience ?? 'technician',
    category: category ?? 'ce',
    valid: true,
    completed,
    credentials,
    uan,
    uanText,
    certificate,
    provider,
    cpeMonitor: typeof cpeMonitor === 'boolean' ? cpeMonitor : undefined,
  });
}

/** What a CE note holds besides where it is; optional fields undefined when absent. */
type CeFields = Omit<CeNote, 'kind' | 'path' | 'keyLines' | 'frontmatter'>;

/**
 * The CeNote both readers build, one way: fields in one order (so the shortcut's notes equal the full
 * reader's, key order included), optional ones only when present. One literal per shape rather than a
 * spread of `base`: V8 then sizes the object for all its fields up front (the index keeps one per note).
 */
function makeCeNote(base: Base, f: CeFields): CeNote {
  const note: CeNote = base.frontmatter
    ? {
        kind: 'ce',
        path: base.path,
        keyLines: base.keyLines,
        frontmatter: base.frontmatter,
        title: f.title,
        topics: f.topics,
        tags: f.tags,
        hours: f.hours,
        status: f.status,
        format: f.format,
        audience: f.audience,
        category: f.category,
        valid: f.valid,
      }
    : {
        kind: 'ce',
        path: base.path,
        keyLines: base.keyLines,
        title: f.title,
        topics: f.topics,
        tags: f.tags,
        hours: f.hours,
        status: f.status,
        format: f.format,
        audience: f.audience,
        category: f.category,
        valid: f.valid,
      };
  if (f.completed) note.completed = f.completed;
  if (f.credentials) note.credentials = f.credentials;
  if (f.uan) note.uan = f.uan;
  if (f.uanText !== undefined) note.uanText = f.uanText;
  if (f.certificate) note.certificate = f.certificate;
  if (f.provider) note.provider = f.provider;
  if (f.cpeMonitor !== undefined) note.cpeMonitor = f.cpeMonitor;
  return note;
}

/** A key's value written as a plain number: undefined when absent, null for anything else (empty too). */
function plainNumber(block: CommonBlock, key: number): number | undefined | null {
  const start = block.starts[key];
  if (start === -1) return undefined;
  const end = plainEnd(block, key);
  return end !== -1 && plainNumberAt(block.text, start, end) ? Number(block.text.slice(start, end)) : null;
}

/** One of `allowed` written plain and exactly; undefined when absent or empty, null for anything else. */
function plainChoice<T extends string>(block: CommonBlock, key: number, allowed: readonly T[]): T | undefined | null {
  const start = block.starts[key];
  if (start === -1 || start === block.ends[key]) return undefined;
  const end = plainEnd(block, key);
  for (const choice of allowed) if (end - start === choice.length && block.text.startsWith(choice, start)) return choice;
  return null;
}

/** The topic key written at text[start, end), as the vocabulary's own string. */
function topicKeyAt(text: string, start: number, end: number): TopicKey | undefined {
  for (const { key } of TOPICS) if (key.length === end - start && text.startsWith(key, start)) return key;
  return undefined;
}


/** A text value as readText reads it (empty means none); null for a value it would question. */
function cleanText(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value.trim() || undefined : null;
}

/** A list as readList reads it without a problem (texts and whole numbers, repeats and blanks dropped); undefined otherwise. */
function cleanTexts(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitText(value);
  if (!Array.isArray(value)) return undefined;
  const out = new Distinct(value.length);
  for (const item of value) {
    const text = typeof item === 'string' ? item.trim() : Number.isInteger(item) ? String(item) : undefined;
    if (text === undefined) return undefined;
    if (text !== '') out.add(text);
  }
  return out.list();
}

type Base = Pick<ParsedNote, 'path' | 'keyLines' | 'frontmatter'>;
type Span = Pick<SourceSpan, 'line' | 'column' | 'length'>;

/** Reads the frontmatter mapping key by key, collecting problems at the values' positions. */
class FrontmatterReader {
  private readonly problems: Problem[] = [];
  private valid = true;

  constructor(
    private readonly path: string,
    private readonly fm: Frontmatter | undefined,
    private readonly data: Record<string, unknown>,
  ) {}

  /**
   * Only the note format's keys are asked for, and Object.prototype has none of them; YAML never yields
   * undefined. So a plain read tells whether a key is there (a hasOwnProperty call per read cost more).
   */
  has(key: NoteKey): boolean {
    return this.data[key] !== undefined;
  }

  private get(key: NoteKey): unknown {
    return this.data[key];
  }

  sortedProblems(): Problem[] {
    return this.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  studyNote(base: Base, fallbackTitle: () => string): StudyNote {
    // A study note's frontmatter is the user's business: no value checks, only keys that look like a
    // misspelt `ce_hours` or `ceu` (which would have made it a CE note).
    this.checkKeys(false);
    const title = this.plainTextOf('title');
    return {
      kind: 'study',
      ...base,
      title: title || fallbackTitle(),
      topics: this.lenientList('topics').map(normalizeTopic).map((t) => (isTopicKey(t.key) ? t.key : t.text)),
      tags: this.lenientList('tags'),
    };
  }

  ceNote(base: Base, fallbackTitle: () => string): CeNote {
    this.checkKeys(true);
    const title = this.readTitle();
    const uanResult = this.readUan();
    const uan = uanResult?.uan;
    const written = this.readTopics();
    // A new array rather than a push: a pushed-to array keeps spare slots for as long as the index holds it.
    const topics = uan?.topic && !written.includes(uan.topic) ? [...written, uan.topic] : written;
    const hours = this.readHours();
    const completed = this.readCompleted();
    const status = this.readStatus(completed);
    if (hours.empty && status === 'completed') {
      const key = this.has('ce_hours') ? 'ce_hours' : 'ceu';
      this.error(key, `${key} is empty: a completed activity needs its hours to count.`, 'bad-value');
    }
    const format = this.readEnum('format', FORMATS);
    const audience = this.readEnum('audience', AUDIENCES);
    if (uan && format && uan.format && format !== uan.format) {
      this.report('format', 'warning', 'uan-mismatch', `format is ${format} but the UAN's format letter ${uan.formatLetter} means ${uan.format}. Check the certificate.`, uan.format);
    }
    if (uan && audience && audience !== uan.audience) {
      this.report(
        'audience',
        'warning',
        'uan-mismatch',
        `audience is ${audience} but the UAN ends in ${uan.audienceLetter} (${uan.audience} CE). Check the certificate: rules limit pharmacist CE.`,
        uan.audience,
      );
    }
    const category = this.readEnum('category', CATEGORIES) ?? 'ce';
    const credentials = this.readCredentials();
    const certificate = this.readText('certificate');
    const provider = this.readText('provider');
    const cpeMonitor = this.readBoolean('cpe_monitor');
    const tags = this.readList('tags');
    const fallback = title ? '' : fallbackTitle();
    return makeCeNote(base, {
      title: title || fallback,
      topics,
      tags,
      // Invalid notes keep hours 0 so nothing downstream can count them by accident.
      hours: this.valid ? hours.value : 0,
      status,
      format: format ?? uan?.format ?? 'home-study',
      audience: audience ?? uan?.audience ?? 'technician',
      category,
      valid: this.valid,
      completed: completed.date,
      credentials,
      uan,
      uanText: uanResult?.text,
      certificate,
      provider,
      cpeMonitor,
    });
  }

  // ---- keys ----------------------------------------------------------------------------------------

  private checkKeys(ce: boolean): void {
    // The scanner saw only the format's keys (the usual note): nothing below could report.
    if (this.fm?.noteKeysOnly) return;
    const hasHours = this.has('ce_hours') || this.has('ceu');
    for (const key of Object.keys(this.data)) {
      if (KNOWN_KEYS.has(key)) continue;
      const normalized = key.trim().toLowerCase().replace(KEY_SEPARATORS, '_');
      let suggestion: string | undefined;
      if (KNOWN_KEYS.has(normalized)) suggestion = normalized;
      else if (HOURS_ALIASES.has(normalized)) suggestion = hasHours ? undefined : 'ce_hours';
      else if (DATE_ALIASES.has(normalized)) suggestion = ce && !this.has('completed') ? 'completed' : undefined;
      else suggestion = nearestKey(normalized);
      // In a study note only a misspelt hours key matters (it is why the note is not CE); other keys are its own.
      if (!suggestion || (!ce && suggestion !== 'ce_hours' && suggestion !== 'ceu')) continue;
      const why =
        suggestion === 'ce_hours' && !hasHours
          ? ' Without ce_hours (or ceu) this note is a study note and counts toward nothing.'
          : suggestion === 'completed' && !this.has('completed')
            ? ' Without a completed date the activity counts as planned.'
            : '';
      // The whole Map here (many keys can be asked for): keySource looks one key up by a linear scan.
      const span = this.fm?.keys.get(key)?.key ?? this.fallbackSpan();
      this.push(span, 'warning', 'unknown-key', `Unknown key "${key}": did you mean "${suggestion}"?${why}`, suggestion);
    }
  }

  // ---- values --------------------------------------------------------------------------------------

  private readTitle(): string | undefined {
    const v = this.get('title');
    if (v === null || v === undefined) return undefined;
    const text = this.plainTextOf('title');
    if (text === undefined) this.error('title', 'title must be text.', 'bad-value');
    return text;
  }

  private readHours(): { value: number; empty: boolean } {
    const hours = this.readAmount('ce_hours', 'a number of contact hours, e.g. ce_hours: 1.5');
    const ceu = this.readAmount('ceu', 'a number of CEUs, e.g. ceu: 0.15 (1 CEU = 10 contact hours)');
    // 0.3 CEU must be 3 h, not 3.0000000000000004 h: round away binary noise, keeping 4 decimals.
    const fromCeu = ceu.value === undefined ? undefined : Math.round(ceu.value * 1e5) / 1e4;
    if (hours.value !== undefined && fromCeu !== undefined && Math.abs(hours.value - fromCeu) > 1e-9) {
      this.report(
        'ce_hours',
        'warning',
        'ceu-mismatch',
        `ce_hours (${hours.value}) disagrees with ceu: ${ceu.value} (${fromCeu} contact hours). ce_hours is the one counted.`,
        String(fromCeu),
      );
    }
    if (hours.value !== undefined) return { value: hours.value, empty: false };
    if (fromCeu !== undefined) return { value: fromCeu, empty: false };
    return { value: 0, empty: hours.empty || ceu.empty };
  }

  /** A non-negative number (a numeric string is accepted). */
  private readAmount(key: NoteKey, expected: string): { value?: number; empty: boolean } {
    if (!this.has(key)) return { empty: false };
    const v = this.data[key];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { empty: true };
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && NUMBER.test(v.trim())) n = Number(v.trim());
    if (n === undefined || !Number.isFinite(n)) {
      this.error(key, `${key} must be ${expected} (found ${describe(v, this.rawValue(key))}).`, 'bad-value');
      return { empty: false };
    }
    if (n < 0) {
      this.error(key, `${key} cannot be negative (found ${n}).`, 'bad-value', String(-n));
      return { empty: false };
    }
    return { value: n, empty: false };
  }

  private readCompleted(): { date?: CalendarDate; present: boolean } {
    const v = this.get('completed');
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { present: false };
    // The plain scanner makes a Date only of a real date written YYYY-MM-DD (year 1000 on): the date as
    // written, so it is taken as it is, without going back to the text.
    if (v instanceof Date && this.fm?.parsedBy === 'plain') {
      const date = sharedDate(v.getTime());
      const year = v.getUTCFullYear();
      if (year < MIN_YEAR || year > MAX_YEAR) {
        this.error('completed', `completed: ${date} has an unlikely year; check for a typo.`, 'bad-value');
        return { present: true };
      }
      return { date, present: true };
    }
    let text: string | undefined;
    let m: RegExpExecArray | null = null;
    // js-yaml turns an unquoted date into a Date, and silently rolls 2026-04-31 over to May 1: read the text
    // as written whenever it is available.
    if (v instanceof Date) {
      const raw = this.rawValue('completed');
      if (raw !== undefined) m = DATE_PREFIX.exec(raw);
      text = m ? raw : toCalendarDate(v);
    } else if (typeof v === 'string') text = v.trim();
    if (m === null && text !== undefined) m = DATE_PREFIX.exec(text);
    if (!text || !m) {
      this.error('completed', `completed must be the date the credit was earned, written YYYY-MM-DD (found ${describe(v, this.rawValue('completed'))}).`, 'bad-value');
      return { present: true };
    }
    const date = text.slice(0, 10);
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!isRealDate(year, month, day)) {
      const why =
        month < 1 || month > 12
          ? `there is no month ${m[2]}`
          : `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
      this.error('completed', `completed: ${date} is not a real date (${why}).`, 'bad-value');
      return { present: true };
    }
    if (year < MIN_YEAR || year > MAX_YEAR || day < 1) {
      this.error('completed', `completed: ${date} has an unlikely year; check for a typo.`, 'bad-value');
      return { present: true };
    }
    return { date, present: true };
  }

  private readStatus(completed: { date?: CalendarDate; present: boolean }): NoteStatus {
    const explicit = this.readEnum('status', STATUSES);
    if (explicit === undefined) return completed.present ? 'completed' : 'planned';
    if (explicit === 'completed' && !completed.present) {
      this.error(
        'status',
        'status is completed but the note has no completed date: add "completed: YYYY-MM-DD" (the day the credit was earned). Until then it does not count.',
        'bad-value',
      );
    } else if (explicit !== 'completed' && completed.date) {
      this.report(
        'status',
        'warning',
        'bad-value',
        `status is ${explicit} but the note has a completed date (${completed.date}). It does not count until the status says completed (or the status line is removed).`,
        'completed',
      );
    }
    return explicit;
  }

  /** A value from a fixed list, read leniently (`Home Study` is home-study). Undefined when absent or wrong. */
  private readEnum<T extends string>(key: NoteKey, allowed: readonly T[]): T | undefined {
    const v = this.get(key);
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') {
      // The allowed value itself is returned, not the note's copy of it: one string for every note.
      const exact = (allowed as readonly string[]).indexOf(v);
      if (exact !== -1) return allowed[exact];
      const normalized = v.trim().toLowerCase().replace(SEPARATORS, '-');
      const found = (allowed as readonly string[]).indexOf(normalized);
      if (found !== -1) return allowed[found];
      if (normalized === 'homestudy' && key === 'format') return 'home-study' as T;
    }
    const suggestion = typeof v === 'string' ? nearestChoice(v.trim().toLowerCase().replace(SEPARATORS, '-'), allowed) : undefined;
    this.error(key, `${key} must be one of ${allowed.join(', ')} (found ${describe(v, this.rawValue(key))}).`, 'bad-value', suggestion);
    return undefined;
  }

  private readUan(): { text: string; uan?: Uan } | undefined {
    const v = this.get('uan');
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.report('uan', 'warning', 'uan-malformed', 'uan must be text such as 0145-0000-24-101-H07-T. The note still counts by its hours.');
      return undefined;
    }
    const text = typeof v === 'string' ? v.trim() : (this.rawValue('uan') ?? String(v));
    const { uan, error } = parseUan(text);
    if (!uan) {
      this.report('uan', 'warning', 'uan-malformed', `${error} The note still counts by its hours, but an audit asks for the exact UAN.`);
      return { text };
    }
    if (uan.variants.length > 0) {
      this.report('uan', 'warning', 'uan-variant', `This UAN is written with ${uan.variants.join(', ')}; the standard form is ${uan.normalized}.`, uan.normalized);
    }
    return { text, uan };
  }

  private readTopics(): TopicKey[] {
    const v = this.get('topics');
    if (v === null || v === undefined) return [];
    const topics = new Distinct(Array.isArray(v) ? v.length : 4);
    let warnings = 0;
    // Positions are worked out only for a topic that gets a warning.
    const add = (text: string, at: number): void => {
      const written = text.trim();
      // Most topics are written as their key already: skip the rewriting then.
      const known = isTopicKey(written);
      const key = known ? written : written.toLowerCase().replace(SEPARATORS, '-');
      if (key === '') return;
      const isKnown = known || isTopicKey(key);
      if (!topics.add(isKnown ? key : written)) return;
      // A hostile note with thousands of unknown topics must not cost thousands of suggestions.
      if (isKnown || ++warnings > MAX_ITEM_PROBLEMS) return;
      const near = nearestTopic(written);
      const message = near
        ? `Unknown topic "${written}": did you mean "${near}"? Requirements only match known topic keys.`
        : `Unknown topic "${written}". Requirements only match known topic keys (law, patient-safety, compounding, ...).`;
      this.push(typeof v === 'string' ? this.topicPartSpan(written, at) : this.topicItemSpan(at, (v as unknown[]).length), 'warning', 'unknown-topic', message, near);
    };
    if (typeof v === 'string') {
      // `topics: law, patient-safety` is one YAML string: split it, keeping each part's column.
      let from = 0;
      for (const part of v.split(',')) {
        const trimmed = part.trim();
        add(trimmed, from);
        const at = v.indexOf(trimmed, from);
        if (at !== -1) from = at + trimmed.length;
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'string' || typeof item === 'number') add(String(item), i);
        else {
          this.valid = false;
          if (++warnings <= MAX_ITEM_PROBLEMS) this.push(this.topicItemSpan(i, v.length), 'error', 'bad-value', `Each topic must be a topic key such as law or patient-safety (found ${describe(item)}).`, undefined, true);
        }
      }
    } else {
      this.error('topics', `topics must be a list of topic keys, e.g. topics: [law, patient-safety] (found ${describe(v, this.rawValue('topics'))}).`, 'bad-value');
    }
    return topics.list();
  }

  /** Where the topic `trimmed` sits in a `topics: a, b` line, searching from `searchFrom` in the value. */
  private topicPartSpan(trimmed: string, searchFrom: number): Span {
    const span = keySource(this.fm, 'topics')?.value;
    if (!span) return this.fallbackSpan();
    const at = span.text.indexOf(trimmed, searchFrom);
    const quoted = span.length !== span.text.length;
    return at === -1 ? span : { line: span.line, column: span.column + (quoted ? 1 : 0) + at, length: trimmed.length };
  }

  /** The span of item `i` of a topics list of `count` items. */
  private topicItemSpan(i: number, count: number): Span {
    const source = keySource(this.fm, 'topics');
    return source?.items.length === count ? source.items[i] : (source?.value ?? source?.key ?? this.fallbackSpan());
  }

  private readCredentials(): string[] | undefined {
    const v = this.get('credentials');
    if (v === null || v === undefined) return undefined;
    const list = this.readList('credentials');
    if (list.length === 0 && this.valid) {
      this.report('credentials', 'warning', 'bad-value', 'credentials is empty, so this note counts toward no credential. Remove the key to count it toward all of them.');
    }
    return list;
  }

  /** A list of texts, or one text (split at commas). Wrong items are errors at their position. */
  private readList(key: NoteKey): string[] {
    const v = this.get(key);
    if (v === null || v === undefined) return [];
    if (typeof v === 'string') return splitText(v);
    if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
    if (!Array.isArray(v)) {
      this.error(key, `${key} must be a list, e.g. ${key}: [a, b] (found ${describe(v, this.rawValue(key))}).`, 'bad-value');
      return [];
    }
    const itemSpan = (i: number): SourceSpan | undefined => {
      const source = keySource(this.fm, key);
      return source?.items.length === v.length ? source.items[i] : undefined;
    };
    const out = new Distinct(v.length);
    let errors = 0;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      // Texts and whole numbers read the same as written; only other values need the source text.
      const text = typeof item === 'string' ? item.trim() : Number.isInteger(item) ? String(item) : plainText(item, itemSpan(i)?.text);
      if (text === undefined) {
        this.valid = false;
        if (++errors <= MAX_ITEM_PROBLEMS) this.push(itemSpan(i) ?? this.spanOf(key), 'error', 'bad-value', `Each item of ${key} must be text (found ${describe(item)}).`, undefined, true);
      } else if (text !== '') out.add(text);
    }
    return out.list();
  }

  /** Without problems: study notes keep whatever list-of-text they have. */
  private lenientList(key: NoteKey): string[] {
    const v = this.get(key);
    if (typeof v === 'string') return splitText(v);
    if (!Array.isArray(v)) return [];
    return v.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim()).filter((t) => t !== '');
  }

  private readText(key: NoteKey): string | undefined {
    const v = this.get(key);
    if (v === null || v === undefined) return undefined;
    const text = this.plainTextOf(key);
    if (text === undefined) this.error(key, `${key} must be text (found ${describe(v)}).`, 'bad-value');
    return text || undefined;
  }

  private readBoolean(key: NoteKey): boolean | undefined {
    const v = this.get(key);
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      if (t === 'true' || t === 'yes') return true;
      if (t === 'false' || t === 'no') return false;
    }
    this.error(key, `${key} must be true or false (found ${describe(v, this.rawValue(key))}).`, 'bad-value', typeof v === 'string' ? undefined : 'true');
    return undefined;
  }

  // ---- positions and problems ------------------------------------------------------------------------

  /** plainText of a key's value, looking up the text as written only when the value needs it (most are strings). */
  private plainTextOf(key: NoteKey): string | undefined {
    const v = this.get(key);
    return typeof v === 'string' ? v.trim() : plainText(v, this.rawValue(key));
  }

  /** The value as written on the key's line, without quotes. */
  private rawValue(key: string): string | undefined {
    return keySource(this.fm, key)?.value?.text;
  }

  private spanOf(key: string): Span {
    const source = keySource(this.fm, key);
    return source?.value ?? source?.key ?? this.fallbackSpan();
  }

  private fallbackSpan(): Span {
    return { line: this.fm ? this.fm.startLine + 1 : 1, column: 1, length: 0 };
  }

  private error(key: string, message: string, code: ProblemCode, replacement?: string): void {
    this.push(this.spanOf(key), 'error', code, message, replacement, true);
  }

  private report(key: string, severity: Severity, code: ProblemCode, message: string, replacement?: string): void {
    this.push(this.spanOf(key), severity, code, message, replacement);
  }

  private push(span: Span, severity: Severity, code: ProblemCode, message: string, replacement?: string, invalidates = false): void {
    const problem: Problem = { file: this.path, line: span.line, column: span.column, severity, code, message };
    if (span.length > 0) problem.length = span.length;
    if (replacement !== undefined) problem.replacement = replacement;
    this.problems.push(problem);
    if (invalidates && severity === 'error') this.valid = false;
  }
}

// ---- memory ------------------------------------------------------------------------------------------

/**
 * V8 substrings point into their parent string, so a title sliced out of a note would keep the whole note
 * text alive for as long as the index holds the title. Copying the few kept strings frees the texts.
 */
function detach(result: NoteParseResult): NoteParseResult {
  const note = result.note;
  note.title = own(note.title);
  // Known topics become the vocabulary's own strings: nothing to copy, and one string for all notes.
  for (let i = 0; i < note.topics.length; i++) note.topics[i] = topicInfo(note.topics[i])?.key ?? own(note.topics[i]);
  sharedAll(note.tags);
  if (note.kind === 'broken') note.reason = own(note.reason);
  if (note.kind === 'ce') {
    if (note.credentials) sharedAll(note.credentials);
    if (note.certificate !== undefined) note.certificate = own(note.certificate);
    if (note.provider !== undefined) note.provider = shared(note.provider);
    if (note.uanText !== undefined) note.uanText = own(note.uanText);
    // Most UANs are written in the standard form: one string serves both.
    if (note.uan) note.uan.normalized = note.uan.normalized === note.uanText ? note.uanText : own(note.uan.normalized);
  }
  for (const problem of result.problems) {
    problem.message = own(problem.message);
    if (problem.replacement !== undefined) problem.replacement = own(problem.replacement);
  }
  return result;
}

/** shared() on every item, in place (the arrays are the parser's own, fresh ones). */
function sharedAll(items: string[]): void {
  for (let i = 0; i < items.length; i++) items[i] = shared(items[i]);
}

/**
 * Texts many notes repeat (providers, tags, credential ids): one string for every note, found by value
 * rather than copied for each. The table is emptied if a folder ever fills it.
 */
const SHARED_TEXTS = new Map<string, string>();
function shared(text: string): string {
  let kept = SHARED_TEXTS.get(text);
  if (kept === undefined) {
    if (SHARED_TEXTS.size >= 20_000) SHARED_TEXTS.clear();
    kept = own(text);
    SHARED_TEXTS.set(kept, kept);
  }
  return kept;
}

/**
 * Frontmatter spans shared between notes: nearly every note's block starts on line 1 and ends within a few
 * dozen lines, so the index need not keep one such object per note. Frozen, as several notes hold each.
 */
const FRONTMATTER_SPANS: { startLine: number; endLine: number }[] = [];
function frontmatterSpan(startLine: number, endLine: number): { startLine: number; endLine: number } {
  if (startLine !== 1 || endLine > 256) return { startLine, endLine };
  return (FRONTMATTER_SPANS[endLine] ??= Object.freeze({ startLine, endLine }));
}

/**
 * One string per completion date for the whole index (a few thousand days at most), by the Date's time. The
 * table is emptied if a hostile folder ever fills it.
 */
const DATES = new Map<number, CalendarDate>();
function sharedDate(time: number): CalendarDate {
  let date = DATES.get(time);
  if (date === undefined) {
    if (DATES.size >= 100_000) DATES.clear();
    date = fromDayNumber(time / 86_400_000);
    DATES.set(time, date);
  }
  return date;
}

/** A flat copy of a string (short strings are copies already). */
function own(text: string): string {
  return flatCopy(text);
}

// ---- small helpers -------------------------------------------------------------------------------------

/** isCalendarDate for the parts of a date already matched as YYYY-MM-DD (no Date object made). */
function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** File name without folder and extension: the last title fallback. */
function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A scalar as text (numbers and booleans as written; a YAML date as written). Undefined for lists/maps. */
function plainText(v: unknown, raw?: string): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return raw !== undefined && raw !== '' ? raw.trim() : String(v);
  if (v instanceof Date) return raw !== undefined && raw !== '' ? raw.trim() : toCalendarDate(v);
  return undefined;
}

function splitText(text: string): string[] {
  const parts = text.split(',');
  const out = new Distinct(parts.length);
  for (const part of parts) {
    const t = part.trim();
    if (t !== '') out.add(t);
  }
  return out.list();
}

/**
 * Distinct strings in first-seen order. Note lists are short (two tags, one topic), where a scan of the
 * array beats building a Set for each; a long (hostile) list switches to a Set to stay linear.
 */
class Distinct {
  private readonly items: string[];
  private count = 0;
  private set: Set<string> | undefined;

  /**
   * `capacity`: how many items may come (a list's length). The array is made at that size, so the usual
   * list, all distinct, is handed out as it is: one array per list, not a grown one and its copy.
   */
  constructor(capacity: number) {
    this.items = new Array<string>(Math.min(capacity, 256));
  }

  /** False when `item` was already there. */
  add(item: string): boolean {
    if (this.set) {
      if (this.set.has(item)) return false;
      this.set.add(item);
    } else {
      for (let i = 0; i < this.count; i++) if (this.items[i] === item) return false;
      if (this.count >= 16) this.set = new Set(this.items.slice(0, this.count)).add(item);
    }
    this.items[this.count++] = item;
    return true;
  }

  /** The strings, in an array of their exact size (the index keeps it; a grown one has spare slots). */
  list(): string[] {
    return this.count === this.items.length ? this.items : this.items.slice(0, this.count);
  }
}

function normalizeTopic(text: string): { key: string; text: string } {
  const written = text.trim();
  // Most topics are written as their key already: skip the rewriting then.
  return { key: isTopicKey(written) ? written : written.toLowerCase().replace(SEPARATORS, '-'), text: written };
}

/** How a wrong value is quoted in a message: as written when we know it, else by its kind. */
function describe(v: unknown, raw?: string): string {
  if (raw !== undefined && raw !== '') return `"${truncate(raw)}"`;
  if (typeof v === 'string') return `"${truncate(v)}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return 'a mapping';
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The known key a user's key is probably a typo of. Short keys allow a single edit (`tag`, `ceus`) so that
 * ordinary keys like `url` or `state` are not mistaken for `uan` or `status`; longer ones allow two.
 */
function nearestKey(key: string): string | undefined {
  const allowed = key.length >= 7 ? 2 : key.length >= 3 ? 1 : 0;
  if (allowed === 0) return undefined;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const known of NOTE_KEYS) {
    const d = typoDistance(key, known, allowed);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function nearestChoice(value: string, allowed: readonly string[]): string | undefined {
  if (value.length >= 3) {
    const prefixed = allowed.filter((a) => a.startsWith(value));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const choice of allowed) {
    const d = typoDistance(value, choice, 2);
    if (d < bestDistance) [best, bestDistance] = [choice, d];
  }
  return best;
}

/**
 * Edit distance counting a swap of two neighbours as one edit (`compelted`), with an early exit: anything
 * above `max` is reported as `max + 1`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length][b.length], max + 1);
}
