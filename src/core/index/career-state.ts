// The career side of a folder's index: the career model, kept until the notes, the config or the as-of date
// change. FolderIndex owns one and delegates to it.
import { buildCareerModel, type CareerModelInput } from '../career/model';
import type { CareerModel } from '../career/types';

export class CareerState {
  private built: { version: number; asOf: string; model: CareerModel } | undefined;

  /** The model for `input`, rebuilt only when `version` (the index's change count) or the as-of date moved. */
  model(input: CareerModelInput, version: number): CareerModel {
    if (this.built && this.built.version === version && this.built.asOf === input.asOf) return this.built.model;
    const model = buildCareerModel(input);
    this.built = { version, asOf: input.asOf, model };
    return model;
  }
}
