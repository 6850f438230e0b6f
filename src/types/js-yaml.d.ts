// The few js-yaml 3 APIs the note reader uses (the version gray-matter depends on; it ships no types).
declare module 'js-yaml' {
  export interface LoaderState {
    position: number;
    kind: string | null;
    result: unknown;
    tag: string | null;
    anchor: string | null;
  }
  export interface Mark {
    position: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  export class Type {
    constructor(tag: string, options: { kind: 'scalar'; resolve?: (data: unknown) => boolean; construct?: (data: unknown) => unknown });
  }
  export class Schema {
    static create(base: Schema, types: Type[]): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export function load(input: string, options?: { schema?: Schema; json?: boolean; listener?: (event: 'open' | 'close', state: LoaderState) => void }): unknown;
}
