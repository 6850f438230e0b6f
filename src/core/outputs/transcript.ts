// An audit-ready transcript of one credential's cycle: the rows, a CSV (RFC 4180) and a printable HTML page.
// Pure: the export command reads the index, these functions only write text.
import { formatHours } from '../common/numbers';
import { resolveRelative } from '../common/paths';
import { escapeHtml } from '../common/text';
import { topicLabel } from '../notes/topics';
import type { CalendarDate, CredentialProgress, Format, ParsedNote } from '../types';

export interface TranscriptRow {
  completed?: CalendarDate;
  title: string;
  provider?: string;
  uan?: string;
  format: Format;
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
}

export interface Transcript {
  learnerName: string;
  credential: { id: string; label: string; ruleSetName: string };
  cycle: { start: CalendarDate; end: CalendarDate };
  totals: { earned: number; required: number; met: boolean };
  requirements: { label: string; earned: number; required: number; met: boolean }[];
  /** Activities completed in the cycle, counted or not. */
  rows: TranscriptRow[];
  /** CE notes left out of the rows, so the exporter can say why they are missing. */
  leftOut: { errors: number; notCompleted: number; outsideCycle: number };
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
  const rows: TranscriptRow[] = [];
  const leftOut = { errors: 0, notCompleted: 0, outsideCycle: 0 };
  for (const verdict of progress.verdicts) {
    const note = byPath.get(verdict.path);
    if (!note || note.kind !== 'ce') continue;
    if (!note.valid) {
      leftOut.errors++;
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
      topics: [...note.topics],
      hours: note.hours,
      ...certificateOf(note.path, note.certificate),
      certificateMissing: note.certificate ? missing.has(note.path) : undefined,
      counted: verdict.counted,
      reason: verdict.reason,
    });
  }
  rows.sort((a, b) => (a.completed ?? '9999').localeCompare(b.completed ?? '9999') || a.title.localeCompare(b.title));
  return {
    learnerName: options.learnerName,
    credential: { id: progress.credential.id, label: progress.credential.label, ruleSetName: progress.ruleSet.name },
    cycle: { start: progress.cycle.start, end: progress.cycle.end },
    totals: { earned: progress.hours.earned, required: progress.hours.required, met: progress.met },
    requirements: progress.requirements.map((r) => ({ label: r.label, earned: r.earned, required: r.required, met: r.met })),
    rows,
    leftOut,
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

/** The note after a row's certificate path, if any. */
function certificateRemark(r: TranscriptRow): string {
  if (r.certificateOutside) return '(outside the notes folder: not checked)';
  return r.certificateMissing ? '(file not found)' : '';
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

export const CSV_HEADER = ['Completion date', 'Title', 'Provider', 'UAN', 'Format', 'Topics', 'Hours', 'Certificate', 'Counted', 'Reason'];

const FORMAT_LABEL: Record<Format, string> = { live: 'Live', 'home-study': 'Home study' };

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
        csvText(FORMAT_LABEL[r.format] ?? r.format),
        csvText(r.topics.join('; ')),
        csvCell(formatHours(r.hours)),
        csvText(r.certificate ? [r.certificate, certificateRemark(r)].filter(Boolean).join(' ') : ''),
        csvCell(r.counted ? 'yes' : 'no'),
        csvText(r.reason ?? ''),
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

/** A standalone, printable HTML page. No script, a CSP that forbids any, and every value escaped. */
export function transcriptHtml(t: Transcript): string {
  const e = escapeHtml;
  const title = `CE transcript: ${t.credential.label}`;
  const requirementRows = t.requirements
    .map((r) => `<tr><td>${e(r.label)}</td><td class="num">${e(formatHours(r.earned))}</td><td class="num">${e(formatHours(r.required))}</td><td>${r.met ? 'met' : 'not met'}</td></tr>`)
    .join('\n');
  const activityRows = t.rows
    .map(
      (r) =>
        `<tr${r.counted ? '' : ' class="not-counted"'}><td class="date">${e(r.completed ?? '')}</td><td>${e(r.title)}</td><td>${e(r.provider ?? '')}</td>` +
        `<td class="uan">${e(r.uan ?? '')}</td><td>${e(FORMAT_LABEL[r.format] ?? r.format)}</td><td>${e(r.topics.map(topicLabel).join(', '))}</td>` +
        `<td class="num">${e(formatHours(r.hours))}</td><td>${e(r.certificate ?? '')}${r.certificate && certificateRemark(r) ? ` <strong>${e(certificateRemark(r))}</strong>` : ''}</td><td>${r.counted ? 'yes' : 'no'}</td><td>${e(r.reason ?? '')}</td></tr>`,
    )
    .join('\n');
  const caveats = t.caveats.map((c) => `<li>${e(c)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
  body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; background: #fff; margin: 2em; }
  h1 { font-size: 18pt; margin: 0 0 .5em; }
  h2 { font-size: 13pt; margin: 1.5em 0 .5em; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
  th, td { border: 1px solid #999; padding: .25em .4em; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num { text-align: right; white-space: nowrap; }
  td.date, td.uan { white-space: nowrap; }
  tr.not-counted td { color: #555; font-style: italic; }
  .verify { border: 1px solid #b60; padding: .5em; }
  footer { margin-top: 2em; font-size: 9pt; color: #333; }
  @page { size: letter landscape; margin: 1.5cm; }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
</style>
</head>
<body>
<header>
<h1>Continuing education transcript</h1>
<dl>
<dt>Learner</dt><dd>${e(t.learnerName || '(name not set)')}</dd>
<dt>Credential</dt><dd>${e(t.credential.label)}${t.credential.ruleSetName !== t.credential.label ? ` (${e(t.credential.ruleSetName)})` : ''}</dd>
<dt>Cycle</dt><dd>${e(t.cycle.start)} to ${e(t.cycle.end)}</dd>
<dt>Hours</dt><dd>${e(formatHours(t.totals.earned))} of ${e(formatHours(t.totals.required))} required (${t.totals.met ? 'met' : 'not met'}) as of ${e(t.asOf)}</dd>
</dl>
</header>
<section>
<h2>Totals per requirement</h2>
<table>
<thead><tr><th>Requirement</th><th>Earned (h)</th><th>Required (h)</th><th>Status</th></tr></thead>
<tbody>
<tr><td>Total</td><td class="num">${e(formatHours(t.totals.earned))}</td><td class="num">${e(formatHours(t.totals.required))}</td><td>${t.totals.met ? 'met' : 'not met'}</td></tr>
${requirementRows}
</tbody>
</table>
</section>
<section>
<h2>Activities</h2>
<table>
<thead><tr><th>Completed</th><th>Title</th><th>Provider</th><th>UAN</th><th>Format</th><th>Topics</th><th>Hours</th><th>Certificate</th><th>Counted</th><th>Reason</th></tr></thead>
<tbody>
${activityRows || '<tr><td colspan="10">No activities in this cycle.</td></tr>'}
</tbody>
</table>
</section>
<footer>
${t.verify ? `<p class="verify">Some values of this rule set could not be verified against a primary source: verify them with your board or certifying body.</p>` : ''}
<p>Rules: ${e(t.credential.ruleSetName)}, source ${e(t.source)}, as of ${e(t.ruleAsOf)}.</p>
${caveats ? `<ul>${caveats}</ul>` : ''}
<p>Generated ${e(t.generated)} by Pharmacy CE Notes from the learner's own notes. Keep each certificate: it is the evidence an audit asks for.</p>
</footer>
</body>
</html>
`;
}
