// CONTRACT STUB (lead, session 5): the helper owning plans replaces this file.
import type { StudyPlan } from './types';

/** The built-in study plans by id (a fresh object each call; no prototype, so any id is an ordinary key). */
export function builtInStudyPlans(): Record<string, StudyPlan> {
  return Object.create(null) as Record<string, StudyPlan>;
}
