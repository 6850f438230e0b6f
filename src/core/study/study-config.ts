// The study part of `.pharmacy-ce.json`: `studyPlans` (the user's exam outlines, added or replacing a built-in
// one by id) and `study` (the exam prepared for and its date). Read from the config's tree with the same value
// reader as the rest of the file, so every problem points at its line and column.
//
// What applies when it is wrong:
// - a plan with an error (a missing field, weights not adding up to 100) is left out; a built-in plan of the
//   same id stays in use until it is fixed, and the problem says so;
// - an unknown `study.exam` is left out (with the nearest known id), a wrong `examDate` too.
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser/lib/esm/main';
import { JsonValueReader, type Property, definedOnly, short } from '../rules/json-values';
import type { Problem } from '../types';
import { builtInStudyPlans, nearestExamId, weightTotal } from './plans';
import type { StudyDomain, StudyPlan, StudySettings } from './types';

/** Keys each study object of the file may have; the JSON schema in media/ describes the same set. */
export const STUDY_CONFIG_KEYS = {
  studyPlan: ['id', 'name', 'questionCount', 'domains', 'source', 'asOf', 'verify'],
  studyDomain: ['id', 'name', 'weight', 'areas', 'verify'],
  study: ['exam', 'examDate'],
} as const;

/**
 * Most domains a plan may have, and most plans a file may add. A real outline has under ten domains; each
 * note naming an unknown domain is compared with every domain of its plan (for "did you mean"), so a file
 * with 10,000 of them kept the index busy for 20 s and more.
 */
export const MAX_STUDY_DOMAINS = 100;
export const MAX_STUDY_PLANS = 100;

/** How far a plan's weights may be from 100 (rounding of percentages such as 18.75). */
const WEIGHT_TOLERANCE = 0.01;

export interface StudyConfigRead {
  /** Built-in plans overlaid by the user's, by id (no prototype). */
  studyPlans: Record<string, StudyPlan>;
  study: StudySettings;
  problems: Problem[];
}

/**
 * Reads the `studyPlans` and `study` values of the config's root object. `text` is the text the nodes were
 * parsed from; without either value nothing is read (the built-in plans, no exam).
 */
export function readStudyConfig(text: string, file: string, props: ReadonlyMap<string, Property>): StudyConfigRead {
  const plansNode = props.get('studyPlans')?.value;
  const studyNode = props.get('study')?.value;
  if (!plansNode && !studyNode) return { studyPlans: builtInStudyPlans(), study: {}, problems: [] };
  return new StudyConfigReader(text, file).read(plansNode, studyNode);
}

class StudyConfigReader extends JsonValueReader {
  read(plansNode: Node | undefined, studyNode: Node | undefined): StudyConfigRead {
    const studyPlans = builtInStudyPlans();
    const broken = new Set<string>();
    if (plansNode && this.isArray(plansNode, 'studyPlans')) {
      const seen = new Set<string>();
      const nodes = plansNode.children ?? [];
      if (nodes.length > MAX_STUDY_PLANS) {
        this.at(nodes[MAX_STUDY_PLANS], 'error', 'config-value', l10n.t('At most {0} study plans are read: this one and the ones after it are ignored.', MAX_STUDY_PLANS));
      }
      for (const node of nodes.slice(0, MAX_STUDY_PLANS)) {
        const { id, idNode, plan } = this.plan(node);
        if (id === undefined) continue;
        if (seen.has(id)) {
          this.at(idNode ?? node, 'error', 'config-value', l10n.t('Duplicate study plan id "{0}": this one is ignored.', short(id)));
          continue;
        }
        seen.add(id);
        if (plan) studyPlans[id] = plan;
        else broken.add(id);
      }
    }
    const study = studyNode ? this.study(studyNode, studyPlans, broken) : {};
    return { studyPlans, study, problems: this.sorted() };
  }

  private plan(node: Node): { id?: string; idNode?: Node; plan?: StudyPlan } {
    if (!this.isObject(node, l10n.t('A study plan'))) return {};
    const where = l10n.t('a study plan');
    const props = this.properties(node, STUDY_CONFIG_KEYS.studyPlan, where);
    const before = this.errorCount();
    const idNode = props.get('id')?.value;
    const id = idNode ? this.string(idNode, 'id', true) : undefined;
    const name = this.required(props, node, 'name', where, (n) => this.string(n, 'name', true));
    const questionCount = this.required(props, node, 'questionCount', where, (n) => this.number(n, 'questionCount', { integer: true, min: 1, max: 1000 }));
    const source = this.required(props, node, 'source', where, (n) => this.string(n, 'source', true));
    const asOf = this.required(props, node, 'asOf', where, (n) => this.date(n, 'asOf'));
    const verify = this.optional(props, 'verify', (n) => this.string(n, 'verify', true));
    const domainsNode = props.get('domains')?.value;
    const beforeDomains = this.errorCount();
    const domains = this.list(domainsNode, 'domains', (n) => this.domain(n));
    if (!domainsNode) this.at(node, 'error', 'config-value', l10n.t('Missing "domains" in a study plan: list the exam\'s domains with their weights.'), 1);
    else if (domainsNode.type === 'array' && this.errorCount() === beforeDomains) {
      const total = weightTotal(domains);
      if (domains.length === 0) this.at(domainsNode, 'error', 'config-value', l10n.t('A study plan needs at least one domain.'));
      else if (domains.length > MAX_STUDY_DOMAINS) this.at(domainsNode, 'error', 'config-value', l10n.t('A study plan has at most {0} domains; this one has {1}.', MAX_STUDY_DOMAINS, domains.length));
      else if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
        this.at(domainsNode, 'error', 'config-value', l10n.t('The domain weights add up to {0}, not 100: each weight is the percent of the exam.', total));
      }
    }

    if (!idNode) this.at(node, 'error', 'config-value', l10n.t('This study plan has no "id".'), 1);
    if (id === undefined) return {};
    if (this.errorCount() > before || !name || questionCount === undefined || !source || !asOf) {
      const builtIn = builtInStudyPlans()[id];
      if (builtIn) this.at(idNode ?? node, 'info', 'config-value', l10n.t('Until this plan is fixed, the built-in {0} plan is used for "{1}".', builtIn.name, short(id)));
      return { id, idNode };
    }
    return { id, idNode, plan: { id, name, questionCount, domains, source, asOf, ...definedOnly({ verify }), builtIn: false } };
  }

  private domain(node: Node): StudyDomain | undefined {
    if (!this.isObject(node, l10n.t('A domain'))) return undefined;
    const where = l10n.t('a domain');
    const props = this.properties(node, STUDY_CONFIG_KEYS.studyDomain, where);
    const id = this.required(props, node, 'id', where, (n) => this.string(n, 'id', true));
    const name = this.required(props, node, 'name', where, (n) => this.string(n, 'name', true));
    const weight = this.required(props, node, 'weight', where, (n) => this.number(n, 'weight', { min: 0, max: 100 }));
    const areas = this.optional(props, 'areas', (n) => this.stringArray(n, 'areas'));
    const verify = this.optional(props, 'verify', (n) => this.string(n, 'verify', true));
    if (id === undefined || name === undefined || weight === undefined) return undefined;
    return { id, name, weight, ...definedOnly({ areas, verify }) };
  }

  private study(node: Node, plans: Record<string, StudyPlan>, broken: ReadonlySet<string>): StudySettings {
    if (!this.isObject(node, '"study"')) return {};
    const props = this.properties(node, STUDY_CONFIG_KEYS.study, '"study"');
    const exam = this.optional(props, 'exam', (n) => this.exam(n, plans, broken));
    const examDate = this.optional(props, 'examDate', (n) => this.date(n, 'examDate'));
    return definedOnly({ exam, examDate });
  }

  private exam(node: Node, plans: Record<string, StudyPlan>, broken: ReadonlySet<string>): string | undefined {
    const id = this.string(node, 'exam', true);
    if (id === undefined || plans[id]) return id;
    if (broken.has(id)) {
      this.at(node, 'warning', 'unknown-exam', l10n.t('The study plan "{0}" has errors (see its problems): no exam is chosen until they are fixed.', short(id)));
      return undefined;
    }
    const known = Object.keys(plans);
    const suggestion = this.suggest(() => nearestExamId(id, plans));
    this.at(
      node,
      'warning',
      'unknown-exam',
      suggestion
        ? l10n.t('Unknown exam "{0}": did you mean "{1}"? It is ignored until it is fixed.', short(id), suggestion)
        : l10n.t('Unknown exam "{0}". Known: {1}. It is ignored until it is fixed.', short(id), known.slice(0, 20).join(', ')),

      undefined,
      suggestion === undefined ? undefined : JSON.stringify(suggestion),
    );
    return undefined;
  }
}
