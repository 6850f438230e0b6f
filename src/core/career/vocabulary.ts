// The words career notes use for `type`, `status`, `setting`, `event` and `responsibilities`: ids, with the
// labels shown in views, completion and the portfolio. An unknown word is a warning with the nearest id (like
// topics), never silently kept. Each label is a getter, so it is translated when it is read (the bundle is
// loaded at activation, after this module), and every reader of `.label` gets the user's language.
import * as l10n from '@vscode/l10n';
import type { CareerNoteType, CertificateStatus, EventKind, WorkSetting } from './types';

export interface Word<T extends string = string> {
  id: T;
  label: string;
}

/** A word whose label is read in the user's language each time (see the header). */
function word<T extends string>(id: T, label: () => string): Word<T> {
  return {
    id,
    get label() {
      return label();
    },
  };
}

export const CAREER_NOTE_TYPES: readonly Word<CareerNoteType>[] = [
  word('certificate', () => l10n.t('Certificate or credential')),
  word('experience', () => l10n.t('Job')),
  word('event', () => l10n.t('Event')),
  word('membership', () => l10n.t('Membership')),
];

export const CERTIFICATE_STATUSES: readonly Word<CertificateStatus>[] = [
  word('planned', () => l10n.t('Planned')),
  word('in-progress', () => l10n.t('In progress')),
  word('earned', () => l10n.t('Earned')),
];

export const WORK_SETTINGS: readonly Word<WorkSetting>[] = [
  word('community', () => l10n.t('Community pharmacy')),
  word('hospital', () => l10n.t('Hospital / health system')),
  word('long-term-care', () => l10n.t('Long-term care')),
  word('compounding', () => l10n.t('Compounding pharmacy')),
  word('specialty', () => l10n.t('Specialty pharmacy')),
  word('mail-order', () => l10n.t('Mail-order pharmacy')),
  word('clinic', () => l10n.t('Clinic')),
  word('industry', () => l10n.t('Industry')),
  word('other', () => l10n.t('Other setting')),
];

export const EVENT_KINDS: readonly Word<EventKind>[] = [
  word('conference', () => l10n.t('Conference')),
  word('meeting', () => l10n.t('Meeting')),
  word('webinar', () => l10n.t('Webinar')),
  word('volunteering', () => l10n.t('Volunteering')),
];

/** What a technician does at a job (`responsibilities`); the suggestions read these. */
export const RESPONSIBILITIES: readonly Word[] = [
  word('dispensing', () => l10n.t('Dispensing and order entry')),
  word('training', () => l10n.t('Training staff')),
  word('inventory', () => l10n.t('Inventory and purchasing')),
  word('quality-improvement', () => l10n.t('Quality improvement')),
  word('sterile-compounding', () => l10n.t('Sterile compounding')),
  word('nonsterile-compounding', () => l10n.t('Nonsterile compounding')),
  word('hazardous-drugs', () => l10n.t('Hazardous drugs')),
  word('billing', () => l10n.t('Billing and reimbursement')),
  word('prior-authorization', () => l10n.t('Prior authorizations')),
  word('immunizations', () => l10n.t('Immunizations')),
  word('product-verification', () => l10n.t('Product verification (tech-check-tech)')),
  word('medication-history', () => l10n.t('Medication histories')),
  word('medication-therapy-management', () => l10n.t('Medication therapy management')),
  word('controlled-substances', () => l10n.t('Controlled substances')),
  word('point-of-care-testing', () => l10n.t('Point-of-care testing')),
  word('regulatory-compliance', () => l10n.t('Regulatory compliance')),
  word('patient-counseling-support', () => l10n.t('Patient communication')),
  word('automation', () => l10n.t('Pharmacy automation')),
  word('supervision', () => l10n.t('Supervising technicians')),
];

export const ids = <T extends string>(words: readonly Word<T>[]): readonly T[] => words.map((w) => w.id);
export const labelOf = (words: readonly Word[], id: string): string => words.find((w) => w.id === id)?.label ?? id;

/** Full-time work, for the eligibility rules that ask for it (PTCB, CSPT: 30 hours a week or more). */
export const FULL_TIME_HOURS_PER_WEEK = 30;
