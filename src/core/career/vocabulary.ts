// The words career notes use for `type`, `status`, `setting`, `event` and `responsibilities`: ids, with the
// labels shown in views, completion and the portfolio. An unknown word is a warning with the nearest id (like
// topics), never silently kept.
import type { CareerNoteType, CertificateStatus, EventKind, WorkSetting } from './types';

export interface Word<T extends string = string> {
  id: T;
  label: string;
}

export const CAREER_NOTE_TYPES: readonly Word<CareerNoteType>[] = [
  { id: 'certificate', label: 'Certificate or credential' },
  { id: 'experience', label: 'Job' },
  { id: 'event', label: 'Event' },
  { id: 'membership', label: 'Membership' },
];

export const CERTIFICATE_STATUSES: readonly Word<CertificateStatus>[] = [
  { id: 'planned', label: 'Planned' },
  { id: 'in-progress', label: 'In progress' },
  { id: 'earned', label: 'Earned' },
];

export const WORK_SETTINGS: readonly Word<WorkSetting>[] = [
  { id: 'community', label: 'Community pharmacy' },
  { id: 'hospital', label: 'Hospital / health system' },
  { id: 'long-term-care', label: 'Long-term care' },
  { id: 'compounding', label: 'Compounding pharmacy' },
  { id: 'specialty', label: 'Specialty pharmacy' },
  { id: 'mail-order', label: 'Mail-order pharmacy' },
  { id: 'clinic', label: 'Clinic' },
  { id: 'industry', label: 'Industry' },
  { id: 'other', label: 'Other setting' },
];

export const EVENT_KINDS: readonly Word<EventKind>[] = [
  { id: 'conference', label: 'Conference' },
  { id: 'meeting', label: 'Meeting' },
  { id: 'webinar', label: 'Webinar' },
  { id: 'volunteering', label: 'Volunteering' },
];

/** What a technician does at a job (`responsibilities`); the suggestions read these. */
export const RESPONSIBILITIES: readonly Word[] = [
  { id: 'dispensing', label: 'Dispensing and order entry' },
  { id: 'training', label: 'Training staff' },
  { id: 'inventory', label: 'Inventory and purchasing' },
  { id: 'quality-improvement', label: 'Quality improvement' },
  { id: 'sterile-compounding', label: 'Sterile compounding' },
  { id: 'nonsterile-compounding', label: 'Nonsterile compounding' },
  { id: 'hazardous-drugs', label: 'Hazardous drugs' },
  { id: 'billing', label: 'Billing and reimbursement' },
  { id: 'prior-authorization', label: 'Prior authorizations' },
  { id: 'immunizations', label: 'Immunizations' },
  { id: 'product-verification', label: 'Product verification (tech-check-tech)' },
  { id: 'medication-history', label: 'Medication histories' },
  { id: 'medication-therapy-management', label: 'Medication therapy management' },
  { id: 'controlled-substances', label: 'Controlled substances' },
  { id: 'point-of-care-testing', label: 'Point-of-care testing' },
  { id: 'regulatory-compliance', label: 'Regulatory compliance' },
  { id: 'patient-counseling-support', label: 'Patient communication' },
  { id: 'automation', label: 'Pharmacy automation' },
  { id: 'supervision', label: 'Supervising technicians' },
];

export const ids = <T extends string>(words: readonly Word<T>[]): readonly T[] => words.map((w) => w.id);
export const labelOf = (words: readonly Word[], id: string): string => words.find((w) => w.id === id)?.label ?? id;

/** Full-time work, for the eligibility rules that ask for it (PTCB, CSPT: 30 hours a week or more). */
export const FULL_TIME_HOURS_PER_WEEK = 30;
