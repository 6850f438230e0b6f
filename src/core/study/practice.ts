// CONTRACT STUB (lead, session 5): the helper owning plans and readiness replaces this file.
import type { StudyCard, StudyPlan } from './types';

/** `count` cards of one exam drawn across its domains in proportion to their weights; `random` in [0, 1). */
export function practiceDraw(cards: readonly StudyCard[], plan: StudyPlan, count: number, random: () => number): StudyCard[] {
  void cards;
  void plan;
  void count;
  void random;
  return [];
}
