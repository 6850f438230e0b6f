// Reads `.pharmacy-ce.json`: the credentials a technician holds, their own rule sets and the note globs.
// The text is parsed into a tree (jsonc-parser) rather than with JSON.parse, so that every problem can point
// at the exact line and column of the value at fault. Nothing here throws on bad input.
//
// What applies when the file is wrong:
// - invalid JSON, or not an object: the built-in default (below) applies, `fromFile` false;
// - a credential with an error is left out and the others still count (a credential counted against wrong
//   dates or rules would mislead more than a missing one); a user rule set with an error is left out too,
//   and credentials using it report that instead of silently falling back to a built-in of the same id;
// - a bad `include`/`exclude` is ignored (the defaults apply);
// - no usable credential left: the default credential applies, `fromFile` false.
// The ESM build: the package's `main` is a UMD bundle whose runtime `require('./impl/format')` esbuild
// cannot follow, so a bundle importing plain 'jsonc-parser' fails at load time.
import * as l10n from '@vscode/l10n';
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main';
import { globProblem } from '../common/globs';
import { builtInRuleSets, cycleFor, nearestId } from './rules';
import { JsonValueReader, definedOnly, short, syntaxErrorWords } from './json-values';
import { isTopicKey, nearestTopic } from '../notes/topics';
import { type ConfigExtras, defaultExtras, readConfigExtras } from './config-extras';
import type {
  Audience,
  CalendarDate,
  Category,
  ConfigParseResult,
  Credential,
  Format,
  Limit,
  Requirement,
  ResolvedConfig,
  RuleSet,
  RuleSetOptions,
} from '../types';

export const CONFIG_FILE = '.pharmacy-ce.json';

/** The rule set of the credential assumed when a folder has no (usable) config. */
export const DEFAULT_RULE_SET_ID = 'ptcb-cpht';

export interface ConfigOptions {
  /** Today, for the default credential's cycle. */
  asOf: CalendarDate;
  ruleSetOptions?: RuleSetOptions;
  /** File name used in problems. */
  file?: string;
}

/** Keys each object of the file may have; the JSON schema in media/ describes the same set. */
export const CONFIG_KEYS = {
  root: ['$schema', 'credentials', 'ruleSets', 'include', 'exclude', 'studyPlans', 'study', 'careerPrograms', 'profile'],
  credential: ['id', 'ruleSet', 'cycleEnd', 'cycleStart', 'label'],
  ruleSet: ['id', 'name', 'shortName', 'source', 'asOf', 'cycleMonths', 'totalHours', 'requirements', 'limits', 'caveats', 'verify', 'applicationDeadline'],
  requirement: ['id', 'label', 'topic', 'format', 'audience', 'category', 'minHours', 'countsTowardTotal', 'windowMonths'],
  limit: ['id', 'label', 'audience', 'category', 'maxHours'],
} as const;

/** Known rule-set ids listed in one problem. */
const MAX_KNOWN_SHOWN = 20;

const FORMATS: readonly Format[] = ['live', 'home-study'];
const AUDIENCES: readonly Audience[] = ['technician', 'pharmacist'];
const CATEGORIES: readonly Category[] = ['ce', 'college', 'in-service', 'volunteering'];
const DEADLINES: readonly NonNullable<RuleSet['applicationDeadline']>[] = ['first-of-end-month'];

/**
 * The end of the default credential's cycle. PTCB cycles run from each person's own certification date,
 * which the tool cannot know; without a config it assumes two-year windows aligned to even calendar years
 * (2026-01-01..2027-12-31 for any day of 2026 or 2027), and says so with a `config-missing` problem.
 */
export function defaultCycleEnd(asOf: CalendarDate): CalendarDate {
  const year = Number(asOf.slice(0, 4));
  const startYear = year - (((year % 2) + 2) % 2);
  return `${String(startYear + 1).padStart(4, '0')}-12-31`;
}

/** Parses `.pharmacy-ce.json` text; `undefined` text means no file (the built-in default applies). */
export function parseConfig(text: string | undefined, options: ConfigOptions): ConfigParseResult {
  const file = options.file ?? CONFIG_FILE;
  const ruleSets = ruleSetTable();
  for (const r of builtInRuleSets(options.ruleSetOptions)) ruleSets[r.id] = r;

  if (text === undefined) {
    const config = defaultConfig(ruleSets, options.asOf, [], []);
    const cycle = config.credentials[0].cycle;
    return {
      config,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'info',
          code: 'config-missing',
          message: l10n.t('No {0} in this folder: the default {1} credential applies, with a cycle {2}..{3} (two-year windows starting in even years). Run "Pharmacy CE: Set Up Credentials" to enter your own.', CONFIG_FILE, ruleSets[DEFAULT_RULE_SET_ID].name, cycle.start, cycle.end),
        },
      ],
    };
  }
  return new ConfigReader(text, file, options.asOf).read(ruleSets);
}

/**
 * The rule sets by id, with no prototype: an id from the file such as "constructor" or "__proto__" is an
 * ordinary key, never a property every object inherits.
 */
function ruleSetTable(): Record<string, RuleSet> {
  return Object.create(null) as Record<string, RuleSet>;
}

function defaultConfig(ruleSets: Record<string, RuleSet>, asOf: CalendarDate, include: string[], exclude: string[], extras: ConfigExtras = defaultExtras()): ResolvedConfig {
  const ruleSet = ruleSets[DEFAULT_RULE_SET_ID];
  const credential: Credential = {
    id: ruleSet.id,
    label: ruleSet.name,
    ruleSetId: ruleSet.id,
    cycle: cycleFor(defaultCycleEnd(asOf), ruleSet.cycleMonths),
  };
  return { credentials: [credential], ruleSets, include, exclude, fromFile: false, ...extras };
}

/** One pass over one file's text: collects problems with positions while building the config. */
class ConfigReader extends JsonValueReader {
  private knownShown: string | undefined;

  constructor(
    text: string,
    file: string,
    private readonly asOf: CalendarDate,
  ) {
    super(text, file);
  }

  read(builtIns: Record<string, RuleSet>): ConfigParseResult {
    const errors: ParseError[] = [];
    let root: Node | undefined;
    try {
      root = parseTree(this.body, errors, { allowTrailingComma: true, disallowComments: false });
    } catch {
      // The parser recurses per nesting level: thousands of nested brackets exhaust the stack.
      this.report(0, 0, 'error', 'config-syntax', l10n.t('The file is nested too deeply to read.'));
      return this.fallBack(builtIns, [], [], l10n.t('The file could not be read'));
    }
    if (errors.length > 0 || !root) {
      for (const e of errors.slice(0, 10)) this.report(e.offset, e.length, 'error', 'config-syntax', this.syntaxMessage(e));
      return this.fallBack(builtIns, [], [], l10n.t('The file is not valid JSON'));
    }
    if (root.type !== 'object') {
      this.at(root, 'error', 'config-value', l10n.t('The file must hold one JSON object: { "credentials": [ ... ] }.'));
      return this.fallBack(builtIns, [], [], l10n.t('The file is not a JSON object'));
    }

    const props = this.properties(root, CONFIG_KEYS.root, l10n.t('the file'));
    const ruleSets = Object.assign(ruleSetTable(), builtIns);
    const brokenRuleSets = new Set<string>();
    const ruleSetsNode = props.get('ruleSets')?.value;
    if (ruleSetsNode && this.isArray(ruleSetsNode, 'ruleSets')) {
      const seen = new Set<string>();
      for (const node of ruleSetsNode.children ?? []) {
        const result = this.ruleSet(node);
        if (!result.id) continue;
        if (seen.has(result.id)) {
          this.at(result.idNode ?? node, 'error', 'config-value', l10n.t('Duplicate rule set id "{0}": this one is ignored.', short(result.id)));
          continue;
        }
        seen.add(result.id);
        if (result.ruleSet) ruleSets[result.id] = result.ruleSet;
        else brokenRuleSets.add(result.id);
      }
    }

    const include = this.globs(props.get('include')?.value, 'include');
    const exclude = this.globs(props.get('exclude')?.value, 'exclude');
    const extras = readConfigExtras(this.body, this.file, props, this.problems);

    const credentials: Credential[] = [];
    const credentialsProp = props.get('credentials');
    if (!credentialsProp) {
      this.at(root, 'warning', 'config-value', l10n.t('No "credentials" listed: add the credentials you hold, e.g. { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" }.'), 1);
    } else if (this.isArray(credentialsProp.value, 'credentials')) {
      const ids = new Set<string>();
      for (const node of credentialsProp.value.children ?? []) {
        const credential = this.credential(node, ruleSets, brokenRuleSets);
        if (!credential) continue;
        if (ids.has(credential.value.id)) {
          this.at(credential.idNode, 'error', 'config-value', l10n.t('Duplicate credential id "{0}": give each credential its own "id". This one is left out.', short(credential.value.id)));
          continue;
        }
        ids.add(credential.value.id);
        credentials.push(credential.value);
      }
      if ((credentialsProp.value.children ?? []).length === 0) {
        this.at(credentialsProp.value, 'warning', 'config-value', l10n.t('The credentials list is empty: add the credentials you hold.'));
      }
    }

    if (credentials.length === 0) return this.fallBack(ruleSets, include, exclude, l10n.t('No credential could be read from the file'), extras);
    return { config: { credentials, ruleSets, include, exclude, fromFile: true, ...extras }, problems: this.sorted() };
  }

  private fallBack(ruleSets: Record<string, RuleSet>, include: string[], exclude: string[], why: string, extras?: ConfigExtras): ConfigParseResult {
    const config = defaultConfig(ruleSets, this.asOf, include, exclude, extras);
    const { start, end } = config.credentials[0].cycle;
    this.problems.push({
      file: this.file,
      line: 1,
      column: 1,
      severity: 'info',
      code: 'config-value',
      message: l10n.t('{0}: until it is fixed, the default {1} credential applies (cycle {2}..{3}).', why, ruleSets[DEFAULT_RULE_SET_ID].name, start, end),
    });
    return { config, problems: this.sorted() };
  }

  // ---- Credentials ------------------------------------------------------------------------------------

  private credential(
    node: Node,
    ruleSets: Record<string, RuleSet>,
    brokenRuleSets: ReadonlySet<string>,
  ): { value: Credential; idNode: Node } | undefined {
    if (!this.isObject(node, l10n.t('A credential'))) return undefined;
    const props = this.properties(node, CONFIG_KEYS.credential, l10n.t('a credential'));
    const before = this.errorCount();

    const ruleSetNode = props.get('ruleSet')?.value;
    let ruleSet: RuleSet | undefined;
    if (!ruleSetNode) this.at(node, 'error', 'config-value', l10n.t('This credential has no "ruleSet" (e.g. "ptcb-cpht"): it is left out.'), 1);
    else {
      const id = this.string(ruleSetNode, 'ruleSet');
      if (id !== undefined) {
        ruleSet = ruleSets[id];
        if (brokenRuleSets.has(id)) {
          this.at(ruleSetNode, 'error', 'config-value', l10n.t('The rule set "{0}" has errors (see its problems): this credential is left out until they are fixed.', short(id)));
          ruleSet = undefined;
        } else if (!ruleSet) {
          const suggestion = this.suggestRuleSet(id, ruleSets);
          this.at(
            ruleSetNode,
            'error',
            'config-unknown-rule-set',
            suggestion
              ? l10n.t('Unknown rule set "{0}": did you mean "{1}"? This credential is left out.', short(id), suggestion)
              : l10n.t('Unknown rule set "{0}". Known: {1}. This credential is left out.', short(id), this.knownRuleSets(ruleSets)),
            undefined,
            suggestion === undefined ? undefined : JSON.stringify(suggestion),
          );
        }
      }
    }

    const endNode = props.get('cycleEnd')?.value;
    const cycleEnd = endNode ? this.date(endNode, 'cycleEnd') : undefined;
    if (!endNode) this.at(node, 'error', 'config-value', l10n.t('This credential has no "cycleEnd" (the date the cycle ends, YYYY-MM-DD): it is left out.'), 1);
    const startNode = props.get('cycleStart')?.value;
    const cycleStart = startNode ? this.date(startNode, 'cycleStart') : undefined;
    if (startNode && cycleStart && cycleEnd && cycleStart > cycleEnd) {
      this.at(startNode, 'error', 'config-value', l10n.t('cycleStart {0} is after cycleEnd {1}.', cycleStart, cycleEnd));
    }

    const idNode = props.get('id')?.value;
    const id = idNode ? this.string(idNode, 'id', true) : undefined;
    const labelNode = props.get('label')?.value;
    const label = labelNode ? this.string(labelNode, 'label') : undefined;

    if (this.errorCount() > before || !ruleSet || !cycleEnd) return undefined;
    return {
      value: {
        id: id ?? ruleSet.id,
        label: label?.trim() || ruleSet.name,
        ruleSetId: ruleSet.id,
        cycle: cycleFor(cycleEnd, ruleSet.cycleMonths, cycleStart),
      },
      idNode: idNode ?? ruleSetNode ?? node,
    };
  }

  private suggestRuleSet(id: string, ruleSets: Record<string, RuleSet>): string | undefined {
    return this.suggest(() => {
      const known = Object.keys(ruleSets);
      return nearestId(id, known, Object.fromEntries(known.map((k) => [k, ruleSets[k].name])));
    });
  }

  /** The first known rule-set ids, for a problem; worked out once (the rule sets are all read by then). */
  private knownRuleSets(ruleSets: Record<string, RuleSet>): string {
    if (this.knownShown === undefined) {
      const known = Object.keys(ruleSets);
      const more = known.length - MAX_KNOWN_SHOWN;
      const shown = known.slice(0, MAX_KNOWN_SHOWN).map(short).join(', ');
      this.knownShown = more > 0 ? l10n.t('{0} and {1} more', shown, String(more)) : shown;
    }
    return this.knownShown;
  }

  // ---- Rule sets --------------------------------------------------------------------------------------

  private ruleSet(node: Node): { id?: string; idNode?: Node; ruleSet?: RuleSet } {
    if (!this.isObject(node, l10n.t('A rule set'))) return {};
    const where = l10n.t('a rule set');
    const props = this.properties(node, CONFIG_KEYS.ruleSet, where);
    const before = this.errorCount();
    const idNode = props.get('id')?.value;
    const id = idNode ? this.string(idNode, 'id', true) : undefined;
    const name = this.required(props, node, 'name', where, (n) => this.string(n, 'name', true));
    const source = this.required(props, node, 'source', where, (n) => this.string(n, 'source', true));
    const asOf = this.required(props, node, 'asOf', where, (n) => this.date(n, 'asOf'));
    const cycleMonths = this.required(props, node, 'cycleMonths', where, (n) => this.number(n, 'cycleMonths', { integer: true, min: 1, max: 120 }));
    const totalHours = this.required(props, node, 'totalHours', where, (n) => this.number(n, 'totalHours', { min: 0 }));
    const shortName = this.optional(props, 'shortName', (n) => this.string(n, 'shortName', true));
    const verify = this.optional(props, 'verify', (n) => this.boolean(n, 'verify'));
    const caveats = this.optional(props, 'caveats', (n) => this.stringArray(n, 'caveats'));
    const applicationDeadline = this.optional(props, 'applicationDeadline', (n) => this.oneOf(n, 'applicationDeadline', DEADLINES));
    const requirements = this.list(props.get('requirements')?.value, 'requirements', (n) => this.requirement(n));
    const limits = this.list(props.get('limits')?.value, 'limits', (n) => this.limit(n));

    if (!idNode) this.at(node, 'error', 'config-value', l10n.t('This rule set has no "id".'), 1);
    if (id === undefined) return {};
    if (this.errorCount() > before || !name || !source || !asOf || cycleMonths === undefined || totalHours === undefined) {
      return { id, idNode };
    }
    const ruleSet: RuleSet = { id, name, source, asOf, cycleMonths, totalHours, requirements, limits, ...definedOnly({ shortName, caveats, verify, applicationDeadline }) };
    return { id, idNode, ruleSet };
  }

  private requirement(node: Node): Requirement | undefined {
    if (!this.isObject(node, l10n.t('A requirement'))) return undefined;
    const where = l10n.t('a requirement');
    const props = this.properties(node, CONFIG_KEYS.requirement, where);
    const id = this.required(props, node, 'id', where, (n) => this.string(n, 'id', true));
    const minHours = this.required(props, node, 'minHours', where, (n) => this.number(n, 'minHours', { min: 0 }));
    const label = this.optional(props, 'label', (n) => this.string(n, 'label', true));
    const topic = this.optional(props, 'topic', (n) => this.topic(n));
    const format = this.optional(props, 'format', (n) => this.oneOf(n, 'format', FORMATS));
    const audience = this.optional(props, 'audience', (n) => this.oneOf(n, 'audience', AUDIENCES));
    const category = this.optional(props, 'category', (n) => this.oneOf(n, 'category', CATEGORIES));
    // `"acpe"`: only ACPE-accredited notes (with a UAN) count toward the total.
    const countsTowardTotal = this.optional(props, 'countsTowardTotal', (n) =>
      n.type === 'string' ? this.oneOf(n, 'countsTowardTotal', ['acpe'] as const) : this.boolean(n, 'countsTowardTotal'),
    );
    const windowMonths = this.optional(props, 'windowMonths', (n) => this.number(n, 'windowMonths', { integer: true, min: 1, max: 120 }));
    if (id === undefined || minHours === undefined) return undefined;
    return { id, label: label ?? id, minHours, ...definedOnly({ topic, format, audience, category, countsTowardTotal, windowMonths }) };
  }

  private limit(node: Node): Limit | undefined {
    if (!this.isObject(node, l10n.t('A limit'))) return undefined;
    const where = l10n.t('a limit');
    const props = this.properties(node, CONFIG_KEYS.limit, where);
    const id = this.required(props, node, 'id', where, (n) => this.string(n, 'id', true));
    const maxHours = this.required(props, node, 'maxHours', where, (n) => this.number(n, 'maxHours', { min: 0 }));
    const label = this.optional(props, 'label', (n) => this.string(n, 'label', true));
    const audience = this.optional(props, 'audience', (n) => this.oneOf(n, 'audience', AUDIENCES));
    const category = this.optional(props, 'category', (n) => this.oneOf(n, 'category', CATEGORIES));
    if (!props.has('audience') && !props.has('category')) {
      this.at(node, 'error', 'config-value', l10n.t('A limit needs an "audience" or a "category" to say which notes it limits.'), 1);
      return undefined;
    }
    if (id === undefined || maxHours === undefined) return undefined;
    const limit: Limit = { id, label: label ?? id, maxHours };
    if (audience !== undefined) limit.audience = audience;
    if (category !== undefined) limit.category = category;
    return limit;
  }

  private globs(node: Node | undefined, name: string): string[] {
    if (!node) return [];
    const before = this.errorCount();
    const globs = this.stringArray(node, name);
    for (const child of globs ? (node.children ?? []) : []) {
      const problem = typeof child.value === 'string' ? globProblem(child.value) : undefined;
      if (problem) this.at(child, 'error', 'config-value', l10n.t('This glob is not used: {0}, so that matching stays fast. The "{1}" list is ignored until it is fixed.', problem, name));
    }
    return globs && this.errorCount() === before ? globs.filter((g) => g.trim() !== '') : [];
  }

  /** A topic key; an unknown one is kept (it matches notes with that topic) but warned about. */
  private topic(node: Node): string | undefined {
    const value = this.string(node, 'topic', true);
    if (value === undefined || isTopicKey(value)) return value;
    // No topic is that long; nearestTopic's cost grows with the length.
    const suggestion = value.length <= 100 ? this.suggest(() => nearestTopic(value)) : undefined;
    this.at(
      node,
      'warning',
      'unknown-topic',
      suggestion ? l10n.t('Unknown topic "{0}": did you mean "{1}"? Only notes with exactly this topic will match.', short(value), suggestion) : l10n.t('Unknown topic "{0}". Only notes with exactly this topic will match.', short(value)),
      undefined,
      suggestion === undefined ? undefined : JSON.stringify(suggestion),
    );
    return value;
  }

  private syntaxMessage(error: ParseError): string {
    if (this.body.trim() === '') {
      return l10n.t('The file is empty: it should hold { "credentials": [ { "ruleSet": "ptcb-cpht", "cycleEnd": "YYYY-MM-DD" } ] }.');
    }
    return l10n.t('Invalid JSON: {0}.', syntaxErrorWords(printParseErrorCode(error.error)));
  }
}
