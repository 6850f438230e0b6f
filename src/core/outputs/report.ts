// The CE report of one folder: a plain object (the CLI's `--json` output, stable keys) and its readable text.
// Pure: it takes what the workspace index computed, so the CLI, tests and any other caller print the same thing.
import type {
  CalendarDate,
  CredentialProgress,
  ParsedNote,
  Problem,
  ProblemCode,
  LimitProgress,
  ProgressState,
  RequirementProgress,
  Severity,
} from '../types';
import * as l10n from '@vscode/l10n';
import { formatHours, roundHours, roundTo } from '../common/numbers';
import { plural } from '../common/plural';
import { CONFIG_FILE } from '../rules/config';
import { credentialStanding, nextDeadline } from '../rules/standing';
import { verifyWith } from '../rules/rule-body';
import type { FolderIndex } from '../index/folder-index';

export interface ReportInput {
  asOf: CalendarDate;
  progress: readonly CredentialProgress[];
  problems: readonly Problem[];
  notes: readonly ParsedNote[];
  /** True when the folder's `.pharmacy-ce.json` was read (even a broken one reports its problems). */
  configFromFile: boolean;
  /** How the folder is named in the readable text. */
  folder?: string;
}

/** A requirement in the JSON report: the evaluation's figures and the counted note paths, as they are. */
export type RequirementReport = RequirementProgress;

/** A limit in the JSON report, as the evaluation gives it. */
export type LimitReport = LimitProgress;

export interface CredentialReport {
  id: string;
  name: string;
  ruleSet: { id: string; name: string; source: string; asOf: CalendarDate; verify: boolean; caveats: string[] };
  /** `applyBy`: the day the renewal application is due, when the rule set has such a deadline. */
  cycle: { start: CalendarDate; end: CalendarDate; daysLeft: number; daysTotal: number; elapsed: number; applyBy?: CalendarDate };
  hours: { earned: number; required: number; remaining: number };
  met: boolean;
  state: ProgressState;
  pacePerMonth: number;
  behindPace: boolean;
  requirements: RequirementReport[];
  limits: LimitReport[];
  /** Paths of the notes counted toward this credential. */
  notes: string[];
  /** CE notes considered but not counted, with the reason in plain words. */
  notCounted: { path: string; reason: string }[];
}

export interface ProblemReport {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  code?: ProblemCode;
}

export interface CeReport {
  asOf: CalendarDate;
  folder?: string;
  configFile: boolean;
  credentials: CredentialReport[];
  notes: { total: number; ce: number; study: number; broken: number; planned: number; inProgress: number };
  problems: ProblemReport[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Collects a report input from a workspace index. `extraProblems`: found outside the core (unreadable files). */
export function reportInputOf(workspace: FolderIndex, asOf: CalendarDate, extraProblems: readonly Problem[] = [], folder?: string): ReportInput {
  return {
    asOf,
    progress: workspace.evaluate(asOf),
    problems: [...workspace.problems(), ...extraProblems],
    notes: workspace.notes(),
    configFromFile: workspace.config.fromFile,
    folder,
  };
}

export function buildReport(input: ReportInput): CeReport {
  const notes = { total: input.notes.length, ce: 0, study: 0, broken: 0, planned: 0, inProgress: 0 };
  for (const note of input.notes) {
    if (note.kind === 'ce') {
      notes.ce++;
      if (note.status === 'planned') notes.planned++;
      else if (note.status === 'in-progress') notes.inProgress++;
    } else if (note.kind === 'study') notes.study++;
    else notes.broken++;
  }
  const problems = sortProblems(input.problems).map(toProblemReport);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const p of problems) {
    if (p.severity === 'error') summary.errors++;
    else if (p.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return {
    asOf: input.asOf,
    ...(input.folder !== undefined ? { folder: input.folder } : {}),
    configFile: input.configFromFile,
    credentials: input.progress.map(toCredentialReport),
    notes,
    problems,
    summary,
  };
}

function toCredentialReport(p: CredentialProgress): CredentialReport {
  return {
    id: p.credential.id,
    name: p.credential.label,
    ruleSet: {
      id: p.ruleSet.id,
      name: p.ruleSet.name,
      source: p.ruleSet.source,
      asOf: p.ruleSet.asOf,
      verify: p.ruleSet.verify === true,
      caveats: [...(p.ruleSet.caveats ?? [])],
    },
    cycle: {
      start: p.cycle.start,
      end: p.cycle.end,
      daysLeft: p.cycle.daysLeft,
      daysTotal: p.cycle.daysTotal,
      elapsed: roundTo(p.cycle.elapsed, 4),
      ...(p.cycle.applyBy !== undefined ? { applyBy: p.cycle.applyBy } : {}),
    },
    hours: { earned: roundHours(p.hours.earned), required: roundHours(p.hours.required), remaining: roundHours(p.hours.remaining) },
    met: p.met,
    state: p.state,
    pacePerMonth: roundHours(p.pacePerMonth),
    behindPace: p.behindPace,
    requirements: p.requirements.map((r) => ({
      id: r.id,
      label: r.label,
      earned: roundHours(r.earned),
      required: roundHours(r.required),
      remaining: roundHours(r.remaining),
      met: r.met,
      countsTowardTotal: r.countsTowardTotal,
      notes: [...r.notes],
    })),
    limits: p.limits.map((l) => ({
      id: l.id,
      label: l.label,
      maxHours: roundHours(l.maxHours),
      matched: roundHours(l.matched),
      applied: roundHours(l.applied),
      notes: [...l.notes],
    })),
    notes: [...p.countedNotes],
    notCounted: p.verdicts.filter((v) => !v.counted).map((v) => ({ path: v.path, reason: v.reason ?? '' })),
  };
}

function toProblemReport(p: Problem): ProblemReport {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    severity: p.severity,
    message: p.message,
    ...(p.code ? { code: p.code } : {}),
  };
}

/** By file, then line and column; stable, so a file's problems keep the core's order within one position. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compare(a.p.file, b.p.file) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}

export function hasErrors(problems: readonly { severity: Severity }[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

// ---- Readable text -------------------------------------------------------------------------------------

export interface TextOptions {
  /** ANSI colours (the CLI enables them on a TTY without NO_COLOR). */
  color?: boolean;
  /** Most "not counted" notes listed per credential (the JSON has them all). */
  maxNotCounted?: number;
  /** Most errors listed under the problem counts (`check` lists them all). */
  maxErrors?: number;
}

/** `file:line:column: severity: message`, one problem per line (compiler style, for editors and grep). */
export function formatProblemLines(problems: readonly ProblemReport[]): string {
  return problems.map((p) => `${terminalSafe(p.file)}:${p.line}:${p.column}: ${p.severity}: ${oneLine(p.message)}`).join('\n');
}

export function formatReport(report: CeReport, options: TextOptions = {}): string {
  const c = palette(options.color === true);
  const maxNotCounted = options.maxNotCounted ?? 5;
  const maxErrors = options.maxErrors ?? 5;
  const out: string[] = [];
  const heading = report.folder !== undefined ? l10n.t('Pharmacy CE report for {0}', terminalSafe(report.folder)) : l10n.t('Pharmacy CE report');
  out.push(c.bold(heading) + c.dim(` · ${l10n.t('as of {0}', report.asOf)}`));
  if (!report.configFile) {
    const broken = report.problems.some((p) => p.file === CONFIG_FILE && p.severity === 'error');
    out.push(
      broken
        ? c.yellow(l10n.t('{0} has errors: showing the default PTCB CPhT two-year cycle until they are fixed (see `pharmacy-ce check`).', CONFIG_FILE))
        : c.dim(l10n.t('No {0} here: showing the default PTCB CPhT two-year cycle. Add the file to set your credentials.', CONFIG_FILE)),
    );
  }
  if (report.credentials.length === 0) out.push('', l10n.t('No credentials to check.'));

  for (const cred of report.credentials) {
    out.push('');
    const title = `${terminalSafe(cred.name)} ${c.dim(`(${terminalSafe(cred.id)}${cred.id !== cred.ruleSet.id ? ` · ${terminalSafe(cred.ruleSet.id)}` : ''})`)}`;
    out.push(`${c.bold(title)}  ${stateText(cred, c)}`);

    const rows: [string, string][] = [];
    const days = cred.cycle.daysLeft;
    const deadline = nextDeadline(cred.cycle);
    const daysText = deadline.apply ? `${l10n.t('apply by {0}', deadline.date)} · ${applyDaysPhrase(deadline.daysLeft)}` : cycleDaysPhrase(days);
    rows.push([l10n.t('Cycle'), `${cred.cycle.start} – ${cred.cycle.end} · ${daysText}`]);

    // The bar fills from the core's percent: full only when met, never with a requirement still missing.
    let hoursText = `${bar(credentialStanding(cred).percent / 100, c)} ${formatHours(cred.hours.earned)} / ${formatHours(cred.hours.required)} h`;
    if (cred.hours.remaining > 0) hoursText += ` · ${l10n.t('{0} h to go', formatHours(cred.hours.remaining))}`;
    if (!cred.met && days >= 0 && cred.pacePerMonth > 0) {
      hoursText += ` · ${l10n.t('needs {0} h/month', formatHours(cred.pacePerMonth))}`;
      if (cred.behindPace) hoursText += ` ${c.yellow(l10n.t('(behind pace)'))}`;
    }
    rows.push([l10n.t('Hours'), hoursText]);
    pushRows(out, rows);

    const labelWidth = Math.max(0, ...cred.requirements.map((r) => terminalSafe(r.label).length));
    for (const r of cred.requirements) {
      const mark = r.met ? c.green('✓') : c.red('✗');
      const extra = r.countsTowardTotal ? '' : c.dim(` ${l10n.t('(not part of the total)')}`);
      const figures = `${formatHours(r.earned)} / ${formatHours(r.required)} h`;
      out.push(`  ${mark} ${terminalSafe(r.label).padEnd(labelWidth)}  ${r.met ? figures : c.red(figures)}${extra}`);
    }

    const limitLines = cred.limits
      .filter((l) => l.matched > 0)
      .map((l) =>
        l.maxHours === 0
          ? l10n.t('{0}: {1} h not accepted', terminalSafe(l.label), formatHours(l.matched))
          : l10n.t('{0}: {1} of {2} h count (at most {3} h)', terminalSafe(l.label), formatHours(l.applied), formatHours(l.matched), formatHours(l.maxHours)),
      );
    const tail: [string, string][] = [];
    limitLines.forEach((line, i) => tail.push([i === 0 ? l10n.t('Limits') : '', line]));
    const counted = cred.notes.length;
    tail.push([l10n.t('Counted'), plural(counted, l10n.t('{0} note', counted), l10n.t('{0} notes', counted))]);
    const shown = cred.notCounted.slice(0, maxNotCounted);
    shown.forEach((n, i) => tail.push([i === 0 ? l10n.t('Not counted') : '', `${terminalSafe(n.path)}${n.reason ? c.dim(` — ${oneLine(n.reason)}`) : ''}`]));
    if (cred.notCounted.length > shown.length) tail.push(['', c.dim(l10n.t('… and {0} more (--json lists them all)', cred.notCounted.length - shown.length))]);
    const rule = l10n.t('{0}, as of {1}', terminalSafe(cred.ruleSet.name), cred.ruleSet.asOf);
    tail.push([l10n.t('Rules'), cred.ruleSet.verify ? `${rule} ${c.yellow(`· ${verifyWith(cred.ruleSet)}`)}` : rule]);
    if (cred.ruleSet.source) tail.push(['', c.dim(terminalSafe(cred.ruleSet.source))]);
    pushRows(out, tail);
  }

  out.push('');
  const n = report.notes;
  const parts = [l10n.t('{0} CE', n.ce), l10n.t('{0} study', n.study)];
  if (n.planned > 0) parts.push(l10n.t('{0} planned', n.planned));
  if (n.inProgress > 0) parts.push(l10n.t('{0} in progress', n.inProgress));
  if (n.broken > 0) parts.push(l10n.t('{0} with unreadable frontmatter', n.broken));
  out.push(plural(n.total, l10n.t('Notes: {0} file ({1})', n.total, parts.join(', ')), l10n.t('Notes: {0} files ({1})', n.total, parts.join(', '))));
  const s = report.summary;
  const counts = [
    s.errors ? c.red(plural(s.errors, l10n.t('{0} error', s.errors), l10n.t('{0} errors', s.errors))) : l10n.t('{0} errors', 0),
    s.warnings ? c.yellow(plural(s.warnings, l10n.t('{0} warning', s.warnings), l10n.t('{0} warnings', s.warnings))) : l10n.t('{0} warnings', 0),
  ];
  if (s.infos) counts.push(l10n.t('{0} info', s.infos));
  const hint = s.errors + s.warnings + s.infos > 0 ? c.dim(` — ${l10n.t('run `pharmacy-ce check` to list them')}`) : '';
  out.push(`${l10n.t('Problems: {0}', counts.join(', '))}${hint}`);
  // Errors are shown here too: a note with an error does not count, which changes the figures above.
  const errors = report.problems.filter((p) => p.severity === 'error');
  for (const p of errors.slice(0, maxErrors)) out.push(`  ${c.red('✗')} ${terminalSafe(p.file)}:${p.line}:${p.column} ${oneLine(p.message)}`);
  if (errors.length > maxErrors) out.push(c.dim(`  ${l10n.t('… and {0} more errors', errors.length - maxErrors)}`));
  return out.join('\n') + '\n';
}

function pushRows(out: string[], rows: [string, string][]): void {
  for (const [label, text] of rows) out.push(`  ${label.padEnd(12)}${text}`);
}

/** `12 days left`, `ended 3 days ago`. */
function cycleDaysPhrase(days: number): string {
  if (days < 0) return plural(-days, l10n.t('ended {0} day ago', -days), l10n.t('ended {0} days ago', -days));
  return plural(days, l10n.t('{0} day left', days), l10n.t('{0} days left', days));
}

/** `12 days left to apply`, `the deadline to apply passed 3 days ago`. */
function applyDaysPhrase(days: number): string {
  if (days < 0) return plural(-days, l10n.t('the deadline to apply passed {0} day ago', -days), l10n.t('the deadline to apply passed {0} days ago', -days));
  return plural(days, l10n.t('{0} day left to apply', days), l10n.t('{0} days left to apply', days));
}

function stateText(cred: CredentialReport, c: Palette): string {
  const { state, text } = credentialStanding(cred);
  const lower = text.toLowerCase();
  switch (state) {
    case 'met':
      return c.green(`✓ ${lower}`);
    case 'on-track':
      return c.green(lower);
    case 'at-risk':
      return c.yellow(lower);
    case 'unmet':
      return c.red(`✗ ${lower}`);
  }
}

function bar(ratio: number, c: Palette, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.floor(ratio * width)));
  const body = '█'.repeat(filled) + c.dim('░'.repeat(width - filled));
  return ratio >= 1 ? c.green(body) : body;
}

interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One line of text: problem messages (a YAML error quotes a code frame) must not break `file:line:` output. */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * Notes are untrusted: a title, path or message could carry terminal escape sequences or bidirectional
 * overrides that make text read differently than it is. Those (C0 except tab, DEL, C1, bidi controls) are
 * shown as `?` so nothing from a note can drive the terminal or disguise a line.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}
