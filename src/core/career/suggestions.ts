// Suggestions: programs of the catalogue the user has no note for and does not hold, whose `suggestedBy` fits a
// responsibility or a setting of their jobs, each with why (the catalogue's reason) and its study plan.
import type { CareerCertificate, CareerSuggestion, ExperienceSpan, HeldCredential, Program } from './types';

export interface SuggestionInput {
  /** The catalogue, in its order (built-in first, then the user's). */
  programs: Record<string, Program>;
  certificates: readonly CareerCertificate[];
  held: readonly HeldCredential[];
  jobs: readonly ExperienceSpan[];
  studyPlanIds: readonly string[];
}

/** In catalogue order; a program already earned, in progress, planned or held is never suggested. */
export function careerSuggestions(input: SuggestionInput): CareerSuggestion[] {
  const taken = new Set([...input.certificates.map((c) => c.program), ...input.held.map((h) => h.program)]);
  const responsibilities = new Set(input.jobs.flatMap((job) => job.responsibilities));
  const settings = new Set(input.jobs.map((job) => job.setting));
  const suggestions: CareerSuggestion[] = [];
  for (const program of Object.values(input.programs)) {
    const by = program.suggestedBy;
    if (!by || taken.has(program.id)) continue;
    const fits = (by.responsibilities ?? []).some((r) => responsibilities.has(r)) || (by.settings ?? []).some((s) => settings.has(s));
    if (!fits) continue;
    const plan = program.studyPlan;
    suggestions.push({
      program: program.id,
      name: program.name,
      reason: by.reason,
      studyPlan: plan !== undefined && input.studyPlanIds.includes(plan) ? plan : null,
    });
  }
  return suggestions;
}
