// The career side of a folder's index: the career model and its problems, kept until the notes, the config or
// the as-of date change. FolderIndex owns one and delegates to it.
import { careerProblems } from '../career/career-problems';
import { buildCareerModel, type CareerModelInput } from '../career/model';
import type { CareerModel, Program } from '../career/types';
import type { ParsedNote, Problem } from '../types';

export class CareerState {
  private built: { version: number; asOf: string; model: CareerModel } | undefined;
  private problemsOnly: { version: number; problems: readonly Problem[] } | undefined;

  /** The model for `input`, rebuilt only when `version` (the index's change count) or the as-of date moved. */
  model(input: CareerModelInput, version: number): CareerModel {
    if (this.built && this.built.version === version && this.built.asOf === input.asOf) return this.built.model;
    const model = buildCareerModel(input);
    this.built = { version, asOf: input.asOf, model };
    return model;
  }

  /** The model's problems (they do not depend on the as-of date), without building the whole model. */
  problems(notes: readonly ParsedNote[], programs: Record<string, Program>, version: number): readonly Problem[] {
    if (this.built?.version === version) return this.built.model.problems;
    if (this.problemsOnly?.version !== version) this.problemsOnly = { version, problems: careerProblems(notes, programs) };
    return this.problemsOnly.problems;
  }
}
