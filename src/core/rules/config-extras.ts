// The parts of `.pharmacy-ce.json` read by modules of their own: `studyPlans` and `study` (study/study-config.ts),
// `careerPrograms` and `profile` (career/career-config.ts). What applies without the file is here too.
import { readCareerConfig } from '../career/career-config';
import { builtInPrograms } from '../career/programs';
import { builtInStudyPlans } from '../study/plans';
import { readStudyConfig } from '../study/study-config';
import type { Problem, ResolvedConfig } from '../types';
import type { Property } from './json-values';

export type ConfigExtras = Pick<ResolvedConfig, 'studyPlans' | 'study' | 'careerPrograms' | 'profile'>;

/** The built-in study plans and programs, no exam, no profile: what applies without a file. */
export function defaultExtras(): ConfigExtras {
  return { studyPlans: builtInStudyPlans(), study: {}, careerPrograms: builtInPrograms(), profile: {} };
}

/** Reads the extras from the root object's properties; their problems are added to `problems`. */
export function readConfigExtras(text: string, file: string, props: ReadonlyMap<string, Property>, problems: Problem[]): ConfigExtras {
  const study = readStudyConfig(text, file, props);
  const career = readCareerConfig(text, file, props);
  problems.push(...study.problems, ...career.problems);
  return { studyPlans: study.studyPlans, study: study.study, careerPrograms: career.programs, profile: career.profile };
}
