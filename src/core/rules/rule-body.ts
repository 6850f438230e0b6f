// Who sets a rule set's rules, so "verify" advice names them: PTCB and NHA are certifying bodies, not
// boards, and Washington's rules come from a commission. A rule set of the user's own names no one, even one
// that takes a built-in id in .pharmacy-ce.json: its source tells (an employer's rules under "ptcb-cpht" are
// not PTCB's to verify).
import * as l10n from '@vscode/l10n';
import { builtInRuleSets } from './rules';

/** What names a rule set: its id, and the source its values come from. */
export type RuleSetSource = { id: string; source: string };

/** The body that sets the rules of a built-in rule set ("PTCB", "the Texas State Board of Pharmacy"). */
export function ruleBody(ruleSet: RuleSetSource): string | undefined {
  if (builtInRuleSets().find((r) => r.id === ruleSet.id)?.source !== ruleSet.source) return undefined;
  switch (ruleSet.id) {
    case 'ptcb-cpht':
    case 'ptcb-cpht-adv':
    case 'ptcb-cspt':
      return 'PTCB';
    case 'nha-excpt':
      return 'NHA';
    case 'tx-technician':
      return l10n.t('the Texas State Board of Pharmacy');
    case 'fl-technician':
      return l10n.t('the Florida Board of Pharmacy');
    case 'oh-technician':
      return l10n.t('the Ohio Board of Pharmacy');
    case 'wa-technician':
      return l10n.t('the Washington Pharmacy Quality Assurance Commission');
    case 'ca-technician':
      return l10n.t('the California State Board of Pharmacy');
    default:
      return undefined;
  }
}

/** "verify with PTCB", or with whoever sets the rules when the rule set is the user's own. */
export function verifyWith(ruleSet: RuleSetSource): string {
  const body = ruleBody(ruleSet);
  return body ? l10n.t('verify with {0}', body) : l10n.t('verify with the body that sets these rules');
}
