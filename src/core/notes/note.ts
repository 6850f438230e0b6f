// Turns one note's text into a CE activity, a study note or a broken note, plus the problems found in it.
// Notes are untrusted: nothing here throws on bad input, every problem points at the offending value, and a
// wrong value makes only that note invalid. The frontmatter is read once (frontmatter.ts); the values are
// checked here against the note format (format.ts), from the text as written.
import * as l10n from '@vscode/l10n';
import { positionAt } from '../common/lines';
import { fileTitle } from '../common/paths';
import { careerKeysOf } from '../career/career-format';
import { attachCareer, careerTypeOf, eventDateCompletes } from '../career/note-career';
import { attachStudy } from '../study/note-study';
import { bodyHeading, summarizeBody } from './excerpt';
import { AUDIENCES, CATEGORIES, FORMATS, keyMeant, noteKeysFor } from './format';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import { errorSummary, quoteExcerpt } from './problems';
import { NoteValues } from './values';
import { isTopicKey } from './topics';
import type { BrokenNote, CeNote, NoteParseResult, ParsedNote, StudyNote } from '../types';

const SEPARATORS = /[\s_]+/g;

/** Parses one Markdown note. `path` is folder-relative and only used for messages and the title fallback. */
export function parseNote(input: string, path: string): NoteParseResult {
  try {
    return readNote(input, path);
  } catch (error) {
    // A bug here must not take the index down with it: the note is shown as unreadable, the rest still counts.
    return unreadableNote(path, l10n.t('This note could not be read ({0}).', error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The Markdown excerpt of a note's body (its `## Key points` section, else its first paragraph, shortened),
 * for a preview. The index keeps none: the dashboard reads the few it shows.
 */
export function noteExcerpt(input: string): string {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\0') !== -1) return '';
  return summarizeBody(bodyOf(text, readFrontmatter(text))).excerpt;
}

function readNote(input: string, path: string): NoteParseResult {
  // The editor hides a BOM, so columns are counted without it; lines are unaffected.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\0') !== -1) {
    return unreadableNote(path, l10n.t('This file is not a text file (it contains NUL bytes), so it cannot be read as a note.'));
  }
  const read = readFrontmatter(text);
  const fm = read.kind === 'read' ? read.fm : undefined;
  // The body is only read for a title when the frontmatter gives none (most CE notes have one).
  const fallbackTitle = (): string => bodyHeading(bodyOf(text, read)) || fileTitle(path);
  const keyLines: Record<string, number> = {};
  if (fm) {
    for (const [key, entry] of fm.entries) if (key !== '__proto__') keyLines[key] = positionAt(fm.lineStarts, entry.key.start).line;
  }
  const base = fm ? { path, keyLines, frontmatter: { startLine: 1, endLine: fm.endLine } } : { path, keyLines };
  if (fm?.error) {
    const { error } = fm;
    const values = new NoteValues(path, fm);
    // The title line usually survives a YAML error elsewhere; showing it beats showing the file name.
    const title = values.text('title')?.trim() || fallbackTitle();
    const note: BrokenNote = { kind: 'broken', ...base, title, topics: [], tags: [], reason: error.message };
    return { note, problems: [{ file: path, line: error.line, column: error.column, severity: 'error', code: error.code, message: error.message, ...(error.length ? { length: error.length } : {}) }] };
  }
  const values = new NoteValues(path, fm);
  const isCe = values.has('ce_hours') || values.has('ceu');
  checkKeys(values, fm, isCe);
  const note: ParsedNote = isCe ? ceNote(values, base, fallbackTitle) : studyNote(values, base, fallbackTitle);
  attachStudy(note, fm, bodyOf(text, read), values.problems);
  attachCareer(note, fm, values);
  return { note, problems: values.problems.sorted() };
}

type Base = Pick<ParsedNote, 'path' | 'keyLines' | 'frontmatter'>;

function studyNote(values: NoteValues, base: Base, fallbackTitle: () => string): StudyNote {
  // A study note's frontmatter is the user's business: no value checks, only keys that look like a misspelt
  // `ce_hours` or `ceu` (which would have made it a CE note).
  return {
    kind: 'study',
    ...base,
    title: values.text('title')?.trim() || fallbackTitle(),
    topics: [...new Set(values.readList('topics', true).map(normalizeTopic))],
    tags: values.readList('tags', true),
  };
}

function ceNote(values: NoteValues, base: Base, fallbackTitle: () => string): CeNote {
  const title = values.readText('title');
  const uanResult = values.readUan();
  const uan = uanResult?.uan;
  const written = values.readTopics();
  const topics = uan?.topic && !written.includes(uan.topic) ? [...written, uan.topic] : written;
  const hours = values.readHours();
  // An event note's `date` is when its CE credit was earned, unless it says `completed` too.
  const completed = values.readDate(eventDateCompletes(values) ? 'date' : 'completed', l10n.t('the date the credit was earned'));
  const status = values.readStatus(completed);
  if (hours.empty && status === 'completed') {
    const key = values.has('ce_hours') ? 'ce_hours' : 'ceu';
    values.error(key, l10n.t('{0} is empty: a completed activity needs its hours to count.', key));
  }
  const format = values.readEnum('format', FORMATS);
  const audience = values.readEnum('audience', AUDIENCES);
  if (uan && format && uan.format && format !== uan.format) {
    values.warn('format', 'uan-mismatch', l10n.t("format is {0} but the UAN's format letter {1} means {2}. Check the certificate.", format, uan.formatLetter, uan.format), uan.format);
  }
  if (uan && audience && audience !== uan.audience) {
    values.warn('audience', 'uan-mismatch', l10n.t('audience is {0} but the UAN ends in {1} ({2} CE). Check the certificate: rules limit pharmacist CE.', audience, uan.audienceLetter, uan.audience), uan.audience);
  }
  const category = values.readEnum('category', CATEGORIES) ?? 'ce';
  const credentials = values.readCredentials();
  const certificate = values.readText('certificate');
  const provider = values.readText('provider');
  const cpeMonitor = values.readBoolean('cpe_monitor');
  const tags = values.readList('tags');
  const valid = !values.problems.hasError();
  const note: CeNote = {
    kind: 'ce',
    ...base,
    title: title || fallbackTitle(),
    topics,
    tags,
    // Invalid notes keep hours 0 so nothing downstream can count them by accident.
    hours: valid ? (hours.value ?? 0) : 0,
    status,
    format: format ?? uan?.format ?? 'home-study',
    audience: audience ?? uan?.audience ?? 'technician',
    category,
    valid,
  };
  if (completed.date) note.completed = completed.date;
  if (credentials) note.credentials = credentials;
  if (uan) note.uan = uan;
  if (uanResult) note.uanText = uanResult.text;
  if (certificate) note.certificate = certificate;
  if (provider) note.provider = provider;
  if (cpeMonitor !== undefined) note.cpeMonitor = cpeMonitor;
  if (!valid) {
    // It counts for nothing, but every view can say what was written and why it does not count.
    if (hours.value !== undefined) note.writtenHours = hours.value;
    note.errors = errorSummary(values.problems.sorted());
  }
  return note;
}

/** Keys that look like typos of the note's keys (a career type's only in its notes): a warning with the fix. */
function checkKeys(values: NoteValues, fm: Frontmatter | undefined, ce: boolean): void {
  if (!fm) return;
  const hasHours = values.has('ce_hours') || values.has('ceu');
  const career = careerTypeOf(values);
  const keys = noteKeysFor(career);
  for (const key of fm.entries.keys()) {
    if (key === 'type' || keys.includes(key)) continue;
    const meant = keyMeant(key, keys);
    // An alias is only worth a word when the key it stands for is missing (`date` is common in other notes).
    const needless = meant?.alias && (meant.key === 'ce_hours' ? hasHours : !ce || values.has('completed'));
    const suggestion = needless ? undefined : meant?.key;
    // In a study note only a misspelt hours key matters (it is why the note is not CE), and in a career note a
    // misspelt key of its type; other keys are its own.
    const careerKey = career !== undefined && suggestion !== undefined && careerKeysOf(career).includes(suggestion);
    if (!suggestion || (!ce && !careerKey && suggestion !== 'ce_hours' && suggestion !== 'ceu')) continue;
    const written = quoteExcerpt(key);
    const message =
      suggestion === 'ce_hours' && !hasHours
        ? l10n.t('Unknown key "{0}": did you mean "{1}"? Without ce_hours (or ceu) this note is a study note and counts toward nothing.', written, suggestion)
        : suggestion === 'completed' && !values.has('completed')
          ? l10n.t('Unknown key "{0}": did you mean "{1}"? Without a completed date the activity counts as planned.', written, suggestion)
          : l10n.t('Unknown key "{0}": did you mean "{1}"?', written, suggestion);
    values.keyWarning(key, 'unknown-key', message, suggestion);
  }
}

/** The body: after a closed block, the whole text without one; nothing after a block that is not read. */
function bodyOf(text: string, read: ReturnType<typeof readFrontmatter>): string {
  if (read.kind === 'none') return text;
  return read.fm.fence.closeLine === -1 ? '' : text.slice(read.fm.fence.bodyStart);
}

export function unreadableNote(path: string, reason: string): NoteParseResult {
  const note: BrokenNote = { kind: 'broken', path, title: fileTitle(path), topics: [], tags: [], keyLines: {}, reason };
  return { note, problems: [{ file: path, line: 1, column: 1, severity: 'error', code: 'unreadable', message: reason }] };
}

function normalizeTopic(text: string): string {
  const key = text.toLowerCase().replace(SEPARATORS, '-');
  return isTopicKey(key) ? key : text;
}
