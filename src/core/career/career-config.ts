// The career part of `.pharmacy-ce.json`: `careerPrograms` (the user's programs, added or replacing a built-in
// one by id) and `profile` (the name on the portfolio). Read like `studyPlans`, problems at line and column.
//
// What applies when it is wrong:
// - a program with an error is left out; a built-in program of the same id stays in use, and the problem says so;
// - a replacement gives only what it changes: the fields it leaves out keep the built-in program's values;
// - a new program needs `id` and `name`; it is a `certificate` of the user's own unless `kind` and `issuer` say
//   otherwise, and its `asOf` is empty when not given (nothing was checked);
// - a wrong `profile` field is left out.
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser/lib/esm/main';
import { JsonValueReader, type Property, definedOnly, short } from '../rules/json-values';
import type { Problem } from '../types';
import { builtInPrograms, nearestProgramId } from './programs';
import type { CareerProfile, Program, ProgramKind } from './types';

/** Keys each career object of the file may have; the JSON schema in media/ describes the same set. */
export const CAREER_CONFIG_KEYS = {
  program: ['id', 'name', 'shortName', 'kind', 'issuer', 'source', 'asOf', 'verify', 'renewalMonths', 'studyPlan', 'recognizedFor'],
  profile: ['name', 'headline'],
} as const;

/** Most programs a file may add, and most ids one training program may be recognised for. */
export const MAX_CAREER_PROGRAMS = 200;
export const MAX_RECOGNIZED_FOR = 50;
const KINDS: readonly ProgramKind[] = ['certification', 'certificate', 'training'];
/** Longest renewal term read (50 years): a longer one is a typo. */
const MAX_RENEWAL_MONTHS = 600;

export interface CareerConfigRead {
  /** Built-in programs overlaid by the user's, by id (no prototype). */
  programs: Record<string, Program>;
  profile: CareerProfile;
  problems: Problem[];
}

export function readCareerConfig(text: string, file: string, props: ReadonlyMap<string, Property>): CareerConfigRead {
  const programsNode = props.get('careerPrograms')?.value;
  const profileNode = props.get('profile')?.value;
  if (!programsNode && !profileNode) return { programs: builtInPrograms(), profile: {}, problems: [] };
  return new CareerConfigReader(text, file).read(programsNode, profileNode);
}

class CareerConfigReader extends JsonValueReader {
  read(programsNode: Node | undefined, profileNode: Node | undefined): CareerConfigRead {
    const builtIn = builtInPrograms();
    const programs = builtInPrograms();
    if (programsNode && this.isArray(programsNode, 'careerPrograms')) {
      const nodes = programsNode.children ?? [];
      if (nodes.length > MAX_CAREER_PROGRAMS) {
        this.at(nodes[MAX_CAREER_PROGRAMS], 'error', 'config-value', l10n.t('At most {0} career programs are read: this one and the ones after it are ignored.', MAX_CAREER_PROGRAMS));
      }
      const seen = new Set<string>();
      const read: { node: Node; idNode?: Node; id: string; program?: Program }[] = [];
      for (const node of nodes.slice(0, MAX_CAREER_PROGRAMS)) {
        const { id, idNode, program } = this.program(node, builtIn);
        if (id === undefined) continue;
        if (seen.has(id)) {
          this.at(idNode ?? node, 'error', 'config-value', l10n.t('Duplicate career program id "{0}": this one is ignored.', short(id)));
          continue;
        }
        seen.add(id);
        read.push({ node, idNode, id, program });
        if (program) programs[id] = program;
      }
      // `recognizedFor` may name a program given later in the file: checked once all are read.
      for (const { program, node } of read) if (program?.recognizedFor) this.checkRecognized(program, node, programs);
    }
    const profile = profileNode ? this.profile(profileNode) : {};
    return { programs, profile, problems: this.sorted() };
  }

  private program(node: Node, builtIn: Record<string, Program>): { id?: string; idNode?: Node; program?: Program } {
    if (!this.isObject(node, l10n.t('A career program'))) return {};
    const where = l10n.t('a career program');
    const props = this.properties(node, CAREER_CONFIG_KEYS.program, where);
    const before = this.errorCount();
    const idNode = props.get('id')?.value;
    if (!idNode) this.at(node, 'error', 'config-value', l10n.t('This career program has no "id": certificate notes name it by its id.'), 1);
    const id = idNode ? this.string(idNode, 'id', true)?.trim() : undefined;
    const base = id !== undefined && Object.hasOwn(builtIn, id) ? builtIn[id] : undefined;
    const text = (name: string) => this.optional(props, name, (n) => this.string(n, name, true));
    const name = base ? text('name') : this.required(props, node, 'name', where, (n) => this.string(n, 'name', true));
    const fields = {
      name,
      shortName: text('shortName'),
      kind: this.optional(props, 'kind', (n) => this.oneOf(n, 'kind', KINDS)),
      issuer: text('issuer'),
      source: text('source'),
      asOf: this.optional(props, 'asOf', (n) => this.date(n, 'asOf')),
      verify: text('verify'),
      renewalMonths: this.optional(props, 'renewalMonths', (n) => this.number(n, 'renewalMonths', { integer: true, min: 1, max: MAX_RENEWAL_MONTHS })),
      studyPlan: text('studyPlan'),
      recognizedFor: this.optional(props, 'recognizedFor', (n) => this.recognizedFor(n)),
    };
    if (id === undefined) return {};
    if (this.errorCount() > before) {
      if (base) this.at(idNode ?? node, 'info', 'config-value', l10n.t('Until this program is fixed, the built-in {0} is used for "{1}".', base.name, short(id)));
      return { id, idNode };
    }
    const defaults: Program = base ?? { id, name: name ?? id, kind: 'certificate', issuer: 'Your own program', source: '.pharmacy-ce.json', asOf: '', builtIn: false };
    return { id, idNode, program: { ...defaults, ...definedOnly(fields), id, builtIn: false } };
  }

  private recognizedFor(node: Node): string[] | undefined {
    const ids = this.stringArray(node, 'recognizedFor');
    if (ids && ids.length > MAX_RECOGNIZED_FOR) {
      this.at(node, 'error', 'config-value', l10n.t('"recognizedFor" lists at most {0} programs; this one lists {1}.', MAX_RECOGNIZED_FOR, ids.length));
      return undefined;
    }
    return ids;
  }

  /** An id in `recognizedFor` that names no program: a warning with the nearest (the program still counts). */
  private checkRecognized(program: Program, node: Node, programs: Record<string, Program>): void {
    const list = (node.children ?? []).find((p) => p.children?.[0]?.value === 'recognizedFor')?.children?.[1];
    (program.recognizedFor ?? []).forEach((id, i) => {
      if (Object.hasOwn(programs, id)) return;
      const suggestion = this.suggest(() => nearestProgramId(id, programs));
      const at = list?.children?.[i] ?? node;
      this.at(
        at,
        'warning',
        'unknown-program',
        suggestion ? l10n.t('Unknown program "{0}" in "recognizedFor": did you mean "{1}"?', short(id), suggestion) : l10n.t('Unknown program "{0}" in "recognizedFor".', short(id)),

        undefined,
        suggestion === undefined ? undefined : JSON.stringify(suggestion),
      );
    });
  }

  private profile(node: Node): CareerProfile {
    if (!this.isObject(node, '"profile"')) return {};
    const props = this.properties(node, CAREER_CONFIG_KEYS.profile, '"profile"');
    const name = this.optional(props, 'name', (n) => this.string(n, 'name', true)?.trim());
    const headline = this.optional(props, 'headline', (n) => this.string(n, 'headline', true)?.trim());
    return definedOnly({ name, headline });
  }
}
