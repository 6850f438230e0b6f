// CONTRACT STUB (lead, session 5): the helper owning plans and readiness replaces this file.
import type { StudyCard, StudyPlan } from './types';

/** A tab-separated text file Anki imports as is (Basic and Cloze note types, deck from exam and domain). */
export function ankiExport(cards: readonly StudyCard[], plans: Record<string, StudyPlan>): string {
  void cards;
  void plans;
  return '';
}
