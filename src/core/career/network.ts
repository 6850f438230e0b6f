// The network part of the career model: events of the as-of year and the year before (newest first), the
// organizations of events and memberships, and memberships with the days left to their renewal.
import { compareText } from '../common/text';
import { daysBetween } from '../common/dates';
import type { CalendarDate, ParsedNote } from '../types';
import type { CareerEvent, CareerMembership, CareerModel } from './types';

export function careerNetwork(notes: readonly ParsedNote[], asOf: CalendarDate): CareerModel['network'] {
  const firstDay = `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, '0')}-01-01`;
  const lastDay = `${asOf.slice(0, 4)}-12-31`;
  const events: CareerEvent[] = [];
  const memberships: CareerMembership[] = [];
  const organizations = new Map<string, string>(); // by lower case: each once, as first written
  const addOrganization = (name: string | undefined) => {
    const trimmed = name?.trim();
    if (trimmed && !organizations.has(trimmed.toLowerCase())) organizations.set(trimmed.toLowerCase(), trimmed);
  };
  for (const note of notes) {
    const record = note.career;
    if (record?.type === 'event') {
      addOrganization(record.organization);
      if (record.date === undefined || record.date < firstDay || record.date > lastDay) continue;
      events.push({
        file: note.path,
        line: note.keyLines['date'] ?? note.keyLines['type'] ?? 1,
        title: note.title,
        date: record.date,
        organization: record.organization ?? null,
        event: record.event ?? null,
        contacts: [...record.contacts],
        ceHours: note.kind === 'ce' ? note.hours : null,
      });
    } else if (record?.type === 'membership') {
      const organization = record.organization?.trim() || note.title;
      addOrganization(organization);
      memberships.push({
        file: note.path,
        line: note.keyLines['organization'] ?? note.keyLines['type'] ?? 1,
        organization,
        since: record.since ?? null,
        renews: record.renews ?? null,
        daysLeft: record.renews === undefined ? null : daysBetween(asOf, record.renews),
      });
    }
  }
  events.sort((a, b) => compareText(b.date, a.date) || compareText(a.file, b.file));
  // Soonest renewal first; those without a renewal date last.
  memberships.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || compareText(a.organization, b.organization) || compareText(a.file, b.file));
  const names = [...organizations.values()].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
  return { events, organizations: names, memberships };
}
