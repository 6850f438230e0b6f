// The career part of `.pharmacy-ce.json`: `careerPrograms` (the user's programs, added or replacing a built-in
// one by id) and `profile` (the name on the portfolio). Read like `studyPlans`, problems at line and column.
// CONTRACT (s6): helper s6-notes builds this.
import type { Property } from '../rules/json-values';
import type { Problem } from '../types';
import { builtInPrograms } from './programs';
import type { CareerProfile, Program } from './types';

/** Keys each career object of the file may have; the JSON schema in media/ describes the same set. */
export const CAREER_CONFIG_KEYS = {
  program: ['id', 'name', 'shortName', 'kind', 'issuer', 'source', 'asOf', 'verify', 'renewalMonths', 'studyPlan', 'recognizedFor'],
  profile: ['name', 'headline'],
} as const;

export interface CareerConfigRead {
  /** Built-in programs overlaid by the user's, by id (no prototype). */
  programs: Record<string, Program>;
  profile: CareerProfile;
  problems: Problem[];
}

export function readCareerConfig(_text: string, _file: string, _props: ReadonlyMap<string, Property>): CareerConfigRead {
  return { programs: builtInPrograms(), profile: {}, problems: [] };
}

