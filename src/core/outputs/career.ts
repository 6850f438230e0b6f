// `pharmacy-ce career`: the career model as JSON (field names are a contract, issue #14) or as text for a person.
// CONTRACT (s6): helper s6-model builds this.
import type { CareerModel } from '../career/types';
import type { ProblemReport } from './report';

export interface CareerReport {
  certificates: { program: string; name: string; status: string; earned: string | null; file: string }[];
  experience: {
    years: number;
    yearsWithinLast8: number;
    bySetting: { setting: string; years: number }[];
    responsibilities: string[];
  };
  eligibility: { id: string; name: string; met: boolean; requirements: { id: string; label: string; have: number; need: number; met: boolean }[] }[];
  suggestions: { program: string; reason: string }[];
  network: {
    events: { file: string; date: string; organization: string | null }[];
    memberships: { organization: string; renews: string | null; daysLeft: number | null }[];
  };
  /** As in `report --json`. */
  problems: ProblemReport[];
}

export function buildCareerReport(_model: CareerModel, _problems: readonly ProblemReport[]): CareerReport {
  throw new Error('career report: built by s6-model');
}

export function formatCareer(_model: CareerModel, _problemCount: number): string {
  throw new Error('career text: built by s6-model');
}
