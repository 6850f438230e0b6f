// Requirement and limit filters in one fixed shape, matched against a note's facts (see evaluate.ts).
import type { Limit, NoteFilter } from '../types';
import type { NoteFacts } from './evaluate';

/** An empty list of indexes, shared. */
export const NONE: readonly number[] = [];

/** A requirement's or limit's filter in one fixed shape; null matches anything. */
export interface Filter {
  topic: string | null;
  format: string | null;
  audience: string | null;
  category: string | null;
}

export function toFilter(f: NoteFilter): Filter {
  return { topic: f.topic ?? null, format: f.format ?? null, audience: f.audience ?? null, category: f.category ?? null };
}

export function matches(f: Filter, n: NoteFacts): boolean {
  return (
    (f.topic === null || n.topics.includes(f.topic)) &&
    (f.format === null || n.format === f.format) &&
    (f.audience === null || n.audience === f.audience) &&
    (f.category === null || n.category === f.category)
  );
}

/** A limit's filter; one with neither audience nor category matches nothing (the config refuses it). */
export function limitFilter(limit: Limit): Filter | undefined {
  return limit.audience === undefined && limit.category === undefined ? undefined : toFilter({ audience: limit.audience, category: limit.category });
}

export function matchingIndexes(filters: readonly (Filter | undefined)[], note: NoteFacts): readonly number[] {
  let out: number[] | undefined;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    if (f !== undefined && matches(f, note)) (out ??= []).push(i);
  }
  return out ?? NONE;
}

