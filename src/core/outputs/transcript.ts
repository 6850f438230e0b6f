// An audit-ready transcript of one credential's cycle: the rows and a CSV (RFC 4180); transcript-html.ts
// writes the printable page. Pure: the export command reads the index, these functions only write text.
import * as l10n from '@vscode/l10n';
import { formatHours } from '../common/numbers';
import { resolveRelative } from '../common/paths';
import type { Audience, CalendarDate, CeNote, CredentialProgress, Format, LimitProgress, ParsedNote, Problem } from '../types';

export interface TranscriptRow {
  completed?: CalendarDate;
  title: string;
  provider?: string;
  uan?: string;
  format: Format;
  audience: Audience;
  topics: string[];
  hours: number;
  /** Folder-relative path of the certificate; as the note wrote it when it points outside the folder. */
  certificate?: string;
  /** The certificate path is absolute or leaves the notes folder: it was not looked for. */
  certificateOutside?: boolean;
  /** The certificate file was looked for and not found. */
  certificateMissing?: boolean;
  counted: boolean;
  reason?: string;
  /** The limits of the rule set this activity falls under, as they stand for the cycle (`limitText`). */
  limits: string[];
  /** What an auditor would ask about, in words: a UAN that is not valid, a certificate missing. */
  flags: string[];
}

/** A CE note left out of the rows because it has an error, with the error in words. */
export interface TranscriptErrorNote {
  path: string;
  title: string;
  reason: string;
}

export interface Transcript {
  learnerName: string;
  credential: { id: string; label: string; ruleSetId: string; ruleSetName: string };
  cycle: { start: CalendarDate; end: CalendarDate };
  totals: { earned: number; required: number; met: boolean };
  requirements: { label: string; earned: number; required: number; met: boolean }[];
  /** The rule set's limits that some activity of the cycle fell under, as `limitText` words them. */
  limits: string[];
  /** Activities completed in the cycle, counted or not. */
  rows: TranscriptRow[];
  /** CE notes left out of the rows, so the exporter can say why they are missing. */
  leftOut: { errors: number; notCompleted: number; outsideCycle: number };
  /** The notes counted in `leftOut.errors`, each with its first error. */
  errorNotes: TranscriptErrorNote[];
  source: string;
  ruleAsOf: CalendarDate;
  verify: boolean;
  caveats: string[];
  /** The date the figures were evaluated at. */
  asOf: CalendarDate;
  generated: CalendarDate;
}

export interface TranscriptOptions {
  learnerName: string;
  /** Paths of notes whose certificate file was not found. */
  missingCertificates?: readonly string[];
  /** The folder's problems (FolderIndex.problems()): the reason of a note with an error, a malformed UAN. */
  problems?: readonly Problem[];
  asOf: CalendarDate;
  generated: CalendarDate;
}

/**
 * Builds the transcript of one evaluated credential: one row per activity completed in the cycle, counted
 * or not (and why). Notes with errors, planned or unfinished ones and those of other cycles are left out
 * (and counted in `leftOut`): an auditor reads this, so it lists what was done in the cycle.
 */
export function buildTranscript(progress: CredentialProgress, notes: readonly ParsedNote[], options: TranscriptOptions): Transcript {
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const missing = new Set(options.missingCertificates ?? []);
  const problems = problemsByPath(options.problems ?? []);
  const limitsOf = limitsByNote(progress.limits);
  const rows: TranscriptRow[] = [];
  const leftOut = { errors: 0, notCompleted: 0, outsideCycle: 0 };
  const errorNotes: TranscriptErrorNote[] = [];
  for (const verdict of progress.verdicts) {
    const note = byPath.get(verdict.path);
    if (!note || note.kind !== 'ce') continue;
    const own = problems.get(note.path) ?? [];
    if (!note.valid) {
      leftOut.errors++;
      const error = own.find((p) => p.severity === 'error');
      errorNotes.push({ path: note.path, title: note.title, reason: error?.message ?? verdict.reason ?? l10n.t('has errors') });
      continue;
    }
    if (note.status !== 'completed' || !note.completed) {
      leftOut.notCompleted++;
      continue;
    }
    if (note.completed < progress.cycle.start || note.completed > progress.cycle.end) {
      leftOut.outsideCycle++;
      continue;
    }
    rows.push({
      completed: note.completed,
      title: note.title,
      provider: note.provider,
      uan: note.uan?.normalized ?? note.uanText,
      format: note.format,
      audience: note.audience,
      topics: [...note.topics],
      hours: note.hours,
      ...certificateOf(note.path, note.certificate),
      certificateMissing: note.certificate ? missing.has(note.path) : undefined,
      counted: verdict.counted,
      reason: verdict.reason,
      limits: limitsOf.get(note.path) ?? [],
      flags: flagsOf(note, own, missing.has(note.path)),
    });
  }
  errorNotes.sort((a, b) => a.path.localeCompare(b.path));
  rows.sort((a, b) => (a.completed ?? '9999').localeCompare(b.completed ?? '9999') || a.title.localeCompare(b.title));
  return {
    learnerName: options.learnerName,
    credential: { id: progress.credential.id, label: progress.credential.label, ruleSetId: progress.ruleSet.id, ruleSetName: progress.ruleSet.name },
    cycle: { start: progress.cycle.start, end: progress.cycle.end },
    totals: { earned: progress.hours.earned, required: progress.hours.required, met: progress.met },
    requirements: progress.requirements.map((r) => ({ label: r.label, earned: r.earned, required: r.required, met: r.met })),
    limits: progress.limits.filter((l) => l.notes.length > 0).map(limitText),
    rows,
    leftOut,
    errorNotes,
    source: progress.ruleSet.source,
    ruleAsOf: progress.ruleSet.asOf,
    verify: progress.ruleSet.verify === true,
    caveats: [...(progress.ruleSet.caveats ?? [])],
    asOf: options.asOf,
    generated: options.generated,
  };
}

/** Where a row's certificate is: resolved inside the folder, or marked outside (never shown as if inside). */
function certificateOf(notePath: string, certificate: string | undefined): Pick<TranscriptRow, 'certificate' | 'certificateOutside'> {
  if (!certificate) return { certificate: undefined };
  const target = resolveRelative(notePath, certificate);
  return target.outside ? { certificate, certificateOutside: true } : { certificate: target.path };
}

/**
 * A limit as it stands for the cycle, e.g. "Pharmacist CE: 3 of max 5 h", "... 5 of max 5 h (6 h done)"
 * when it cut some hours, "In-service training: not accepted" for a limit of 0 h.
 */
export function limitText(limit: Pick<LimitProgress, 'label' | 'maxHours' | 'matched' | 'applied'>): string {
  if (limit.maxHours <= 0) return l10n.t('{0}: not accepted', limit.label);
  const [applied, max] = [formatHours(limit.applied), formatHours(limit.maxHours)];
  if (limit.matched > limit.applied) return l10n.t('{0}: {1} of max {2} h ({3} h done)', limit.label, applied, max, formatHours(limit.matched));
  return l10n.t('{0}: {1} of max {2} h', limit.label, applied, max);
}

function limitsByNote(limits: readonly LimitProgress[]): Map<string, string[]> {
  const byNote = new Map<string, string[]>();
  for (const limit of limits) {
    const text = limitText(limit);
    for (const path of limit.notes) byNote.set(path, [...(byNote.get(path) ?? []), text]);
  }
  return byNote;
}

function problemsByPath(problems: readonly Problem[]): Map<string, Problem[]> {
  const byPath = new Map<string, Problem[]>();
  for (const p of problems) byPath.set(p.file, [...(byPath.get(p.file) ?? []), p]);
  return byPath;
}

/** What an auditor would ask about an activity, in the user's words. */
function flagsOf(note: CeNote, problems: readonly Problem[], certificateMissing: boolean): string[] {
  const flags: string[] = [];
  // A UAN that could not be read is kept as written (uanText without uan), or reported when it is not text.
  if ((note.uanText && !note.uan) || problems.some((p) => p.code === 'uan-malformed')) flags.push(l10n.t('UAN is not valid: check it against the certificate'));
  if (!note.certificate) flags.push(l10n.t('no certificate recorded'));
  else if (resolveRelative(note.path, note.certificate).outside) flags.push(l10n.t('certificate outside the notes folder: not checked'));
  else if (certificateMissing) flags.push(l10n.t('certificate file not found'));
  return flags;
}

/** Transcripts are written to this folder of the notes folder (by the command and the CLI). */
export const TRANSCRIPT_DIR = 'transcripts';

/**
 * The file name (without extension) of a credential's transcript: `<credential id>-<cycle end>`. Ids come
 * from the user's config and may hold anything, so only letters, digits, `.`, `_` and `-` are kept and the
 * name never starts with a dot or names a folder.
 */
export function transcriptBaseName(credentialId: string, cycleEnd: CalendarDate): string {
  const safe = credentialId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  return `${safe || 'credential'}-${cycleEnd.replace(/[^0-9-]/g, '')}`;
}

export const CSV_HEADER = ['Completion date', 'Title', 'Provider', 'UAN', 'Format', 'Audience', 'Topics', 'Hours', 'Certificate', 'Counted', 'Reason', 'Limit', 'To check'];

/** A note's format in words (the transcript's Format column). */
export function formatLabel(format: Format): string {
  return format === 'live' ? l10n.t('Live') : format === 'home-study' ? l10n.t('Home study') : format;
}

/** A note's audience in words (the transcript's Audience column). */
export function audienceLabel(audience: Audience): string {
  return audience === 'technician' ? l10n.t('Technician') : audience === 'pharmacist' ? l10n.t('Pharmacist') : audience;
}

/** The CSV file's content: the byte-order mark lets spreadsheet programs read it as UTF-8 (accents, en dashes). */
export function transcriptCsvFile(transcript: Transcript): string {
  return `\ufeff${transcriptCsv(transcript)}`;
}

/** The CSV text: a header row, one row per activity, CRLF line ends (RFC 4180). No byte-order mark. */
export function transcriptCsv(transcript: Transcript): string {
  const lines = [CSV_HEADER.map(csvCell)];
  for (const r of transcript.rows) {
    lines.push(
      [
        csvText(r.completed ?? ''),
        csvText(r.title),
        csvText(r.provider ?? ''),
        csvText(r.uan ?? ''),
        csvText(formatLabel(r.format)),
        csvText(audienceLabel(r.audience)),
        csvText(r.topics.join('; ')),
        csvCell(formatHours(r.hours)),
        csvText(r.certificate ?? ''),
        csvCell(r.counted ? l10n.t('yes') : l10n.t('no')),
        csvText(r.reason ?? ''),
        csvText(r.limits.join('; ')),
        csvText(r.flags.join('; ')),
      ],
    );
  }
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** A cell of text from a note: defused against formula injection, then quoted. */
export function csvText(value: string): string {
  return csvCell(defuseFormula(value));
}

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (or a tab/CR) as a formula; a leading apostrophe
 * makes it text. Notes are untrusted, so every text cell gets this.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field with a comma, quote, CR or LF, doubling the quotes inside. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

