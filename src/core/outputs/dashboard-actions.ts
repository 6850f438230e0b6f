// The dashboard's "Next steps": what each credential still needs and by when, CPE Monitor reminders, notes with
// errors and missing certificates, soonest first. Plain data; the dashboard feature words it.
import { addDays, compareDates, daysBetween } from '../common/dates';
import { nextDeadline } from '../rules/standing';
import type { CalendarDate, CeNote, ParsedNote, Problem } from '../types';
import type { ActionItem, DashboardFolderInput, DashboardSettings, NoteRef } from './dashboard-model';

/** NABP's window for a provider to report ACPE credit to CPE Monitor, in days after the activity. */
export const CPE_MONITOR_WINDOW_DAYS = 60;

export function actionsFor(
  input: DashboardFolderInput,
  notes: readonly ParsedNote[],
  byPath: Map<string, ParsedNote>,
  problems: Problem[],
  counted: Set<string>,
  asOf: CalendarDate,
  settings: DashboardSettings,
): ActionItem[] {
  const ref = (path: string): NoteRef => ({ path, title: byPath.get(path)?.title ?? path });
  const dated: (ActionItem & { deadline: CalendarDate })[] = [];
  for (const p of input.progress) {
    const credential = p.credential.label;
    // Hours are needed before applying: where a rule set has a deadline to apply, that is the date to meet.
    const deadline = nextDeadline(p.cycle);
    for (const r of p.requirements) {
      if (r.met || r.remaining <= 0) continue;
      dated.push({ kind: 'requirement', credentialId: p.credential.id, credential, requirement: r.label, hours: r.remaining, deadline: deadline.date, daysLeft: deadline.daysLeft });
    }
    if (p.hours.remaining > 0) {
      dated.push({ kind: 'total', credentialId: p.credential.id, credential, hours: p.hours.remaining, deadline: deadline.date, daysLeft: deadline.daysLeft, pacePerMonth: p.pacePerMonth });
    }
  }

  const reminderDays = Math.min(Math.max(1, settings.cpeMonitorReminderDays), CPE_MONITOR_WINDOW_DAYS);
  const inWindow: CeNote[] = [];
  const closed: CeNote[] = [];
  for (const note of notes) {
    if (note.kind !== 'ce' || !note.valid || note.status !== 'completed' || !note.completed || !note.uan || note.cpeMonitor === true) continue;
    const age = daysBetween(note.completed, asOf);
    if (age > reminderDays && age <= CPE_MONITOR_WINDOW_DAYS) inWindow.push(note);
    else if (age > CPE_MONITOR_WINDOW_DAYS && counted.has(note.path)) closed.push(note);
  }
  if (inWindow.length > 0) {
    inWindow.sort((a, b) => compareDates(a.completed as string, b.completed as string));
    const deadline = addDays(inWindow[0].completed as string, CPE_MONITOR_WINDOW_DAYS);
    dated.push({ kind: 'cpe-monitor', notes: inWindow.map((n) => ref(n.path)), reminderDays, deadline, daysLeft: daysBetween(asOf, deadline) });
  }
  const kindOrder = { requirement: 0, total: 1, 'cpe-monitor': 2 } as Record<string, number>;
  dated.sort((a, b) => compareDates(a.deadline, b.deadline) || kindOrder[a.kind] - kindOrder[b.kind]);

  const actions: ActionItem[] = [];
  // Without a config every figure is the built-in default's: setting up comes before anything else.
  if (!input.hasConfigFile) actions.push({ kind: 'set-up' });
  actions.push(...dated);
  const errorNotes = [...new Set(problems.filter((p) => p.severity === 'error' && byPath.has(p.file)).map((p) => p.file))];
  const configErrors = problems.filter((p) => p.severity === 'error' && !byPath.has(p.file)).length;
  if (errorNotes.length > 0 || configErrors > 0) actions.push({ kind: 'errors', notes: errorNotes.map(ref), configErrors });
  const missing = input.workspace.missingCertificates().filter((p) => byPath.has(p));
  if (missing.length > 0) actions.push({ kind: 'certificate-missing', notes: [...new Set(missing)].sort().map(ref) });
  if (closed.length > 0) actions.push({ kind: 'cpe-monitor-closed', notes: closed.map((n) => ref(n.path)) });
  return actions;
}
