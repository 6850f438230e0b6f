// The text of a new career note (issue #14) and its title. Pure: the New Career Note command asks the
// questions and writes the file; this decides what goes in it. Every answer is written with the note
// template's YAML quoting, so the note reader reads back exactly what was typed.
import * as l10n from '@vscode/l10n';
import { formatHours } from '../common/numbers';
import { headingLine, yamlScalar } from '../notes/note-template';
import type { CalendarDate } from '../types';
import type { CertificateStatus, EventKind, WorkSetting } from './types';

export type CareerNoteFields =
  | { type: 'certificate'; title: string; program: string; status: CertificateStatus; earned?: CalendarDate }
  | {
      type: 'experience';
      title: string;
      employer: string;
      role: string;
      setting?: WorkSetting;
      start?: CalendarDate;
      /** Absent: the job is current. */
      end?: CalendarDate;
      hoursPerWeek?: number;
      responsibilities: readonly string[];
    }
  | { type: 'event'; title: string; date?: CalendarDate; organization?: string; event?: EventKind }
  | { type: 'membership'; title: string; organization: string; renews?: CalendarDate };

/** A job's title when the user gives none: "Role at Employer", or whichever of the two is given. */
export function jobTitle(role: string, employer: string): string {
  const [r, e] = [role.trim(), employer.trim()];
  return r && e ? l10n.t('{0} at {1}', r, e) : r || e || l10n.t('Job');
}

/**
 * A new career note: `title` and `type` first (what it is), then the keys of that type in the order the
 * questions asked them, then a body with the title and a place for the user's own words.
 */
export function careerNoteTemplate(fields: CareerNoteFields, eol = '\n'): string {
  const title = fields.title.trim();
  const lines = ['---', `title: ${yamlScalar(title)}`, `type: ${fields.type}`];
  const text = (key: string, value: string | undefined) => {
    if (value?.trim()) lines.push(`${key}: ${yamlScalar(value.trim())}`);
  };
  // A calendar date is written as people write it (the failsafe reader keeps it as text either way).
  const date = (key: string, value: CalendarDate | undefined) => {
    if (value) lines.push(`${key}: ${/^\d{4}-\d\d-\d\d$/.test(value) ? value : yamlScalar(value)}`);
  };
  switch (fields.type) {
    case 'certificate':
      text('program', fields.program);
      lines.push(`status: ${fields.status}`);
      date('earned', fields.earned);
      break;
    case 'experience':
      text('employer', fields.employer);
      text('role', fields.role);
      text('setting', fields.setting);
      date('start', fields.start);
      date('end', fields.end);
      if (fields.hoursPerWeek !== undefined) lines.push(`hours_per_week: ${formatHours(fields.hoursPerWeek)}`);
      if (fields.responsibilities.length > 0) lines.push('responsibilities:', ...fields.responsibilities.map((r) => `  - ${yamlScalar(r)}`));
      break;
    case 'event':
      date('date', fields.date);
      text('organization', fields.organization);
      text('event', fields.event);
      break;
    case 'membership':
      text('organization', fields.organization);
      date('renews', fields.renews);
      break;
  }
  lines.push('---', headingLine(title), '', bodyPrompt(fields.type), '', '');
  return lines.join(eol);
}

/** The heading the note's body starts with, for the user's own words. */
function bodyPrompt(type: CareerNoteFields['type']): string {
  switch (type) {
    case 'certificate':
      return l10n.t('## What I learned');
    case 'experience':
      return l10n.t('## What I do there');
    case 'event':
      return l10n.t('## Who I met and what I took away');
    case 'membership':
      return l10n.t('## Why I joined');
  }
}

