// The built-in renewal rule sets, from the project's domain facts. Every one names its source and the
// date it was checked against it; values without a primary source are marked `verify` and explained in
// `caveats`, so the UI can say "verify with PTCB" (rule-body.ts) instead of presenting a guess as a rule.
// `source` is one address when there is one (the UI makes it a link); further references are kept here:
// PTCB CPhT also ptcb.zendesk.com 206222598 and ptcb.org/news/recertification-updates; CSPT also
// ptcb.zendesk.com 360013094012; Texas 22 TAC 297.8.
// Every rule set was checked again on 2026-11-30 (shared/domain/rules-check-2026-11-30.md, part 1): each
// change below names the row it comes from ("row: <rule set> / <field>", with the row's address).
import * as l10n from '@vscode/l10n';
import { addDays, addMonths, endOfMonth } from '../common/dates';
import { typoDistance } from '../common/typo';
import type { CalendarDate, Limit, Requirement, RuleSet, RuleSetOptions } from '../types';

/** When the facts behind the built-in rule sets were gathered. */
export const RULES_AS_OF: CalendarDate = '2026-11-30';

/** PTCB's yearly sterile-compounding hours for CSPT could not be verified; this is the editable default. */
export const DEFAULT_CSPT_STERILE_HOURS = 2;

export const BUILT_IN_RULE_SET_IDS = [
  'ptcb-cpht',
  'ptcb-cpht-adv',
  'ptcb-cspt',
  'nha-excpt',
  'tx-technician',
  'fl-technician',
  'oh-technician',
  'wa-technician',
  'ca-technician',
] as const;

const LAW = (): Requirement => ({ id: 'law', label: l10n.t('Pharmacy law'), topic: 'law', minHours: 1 });
const PATIENT_SAFETY = (): Requirement => ({ id: 'patient-safety', label: l10n.t('Patient safety'), topic: 'patient-safety', minHours: 1 });

// PTCB's ">= 15 h technician-specific" is NOT a separate requirement: every note is either technician or
// pharmacist CE, so with at most 5 pharmacist hours reaching the total, a met 20 h total already holds
// >= 15 technician hours. A requirement row would repeat the total's shortfall and, unlike the limits,
// would also count college hours beyond their 10 h cap. The caveat says it in the user's words.
const PTCB_LIMITS = (): Limit[] => [
  { id: 'pharmacist', label: l10n.t('Pharmacist CE'), audience: 'pharmacist', maxHours: 5 },
  { id: 'college', label: l10n.t('College courses'), category: 'college', maxHours: 10 },
  { id: 'in-service', label: l10n.t('In-service training'), category: 'in-service', maxHours: 0 },
];

const PTCB_CAVEATS = (): string[] => [
  l10n.t('A college course counts only with at least 3 academic credits and a grade of C or better; the tool cannot check that.'),
  l10n.t('PTCB checks ACPE credit against NABP CPE Monitor: make sure each activity appears there.'),
  l10n.t('The renewal application opens 60 days before expiry; the deadline is the first day of the expiry month (a late fee applies after it).'),
  // row: ptcb-cpht / ACPE-only? (ptcb.zendesk.com 206222598; 206924377)
  l10n.t('CE that is not ACPE-accredited is accepted when it covers the PTCB exam content outline: you enter it by hand on your PTCB account and upload proof.'),
  // row: ptcb-cpht / records (ptcb.zendesk.com 360028036232)
  l10n.t('Keep your CE records for at least one year after the cycle: PTCB re-checks CPE Monitor up to 60 days after you apply.'),
];

/** PTCB's CPhT limit on pharmacist CE: 5 h of the 20, so at least 15 h are technician-specific. */
const PTCB_CPHT_CAVEAT = (): string => l10n.t('At least 15 h must be technician-specific (ACPE "T"): this follows from the 5 h limit on pharmacist ("P") CE.');

/** Every built-in rule set, in a stable order (PTCB, NHA, then the state examples). */
export function builtInRuleSets(options: RuleSetOptions = {}): RuleSet[] {
  const sterileHours = validHours(options.csptSterileHours) ?? DEFAULT_CSPT_STERILE_HOURS;
  const builtIn = { asOf: RULES_AS_OF, builtIn: true } as const;
  return [
    {
      ...builtIn,
      id: 'ptcb-cpht',
      name: 'PTCB CPhT',
      shortName: 'CPhT',
      source: 'https://ptcb.zendesk.com/hc/en-us/articles/206879047',
      cycleMonths: 24,
      totalHours: 20,
      requirements: [LAW(), PATIENT_SAFETY()],
      limits: PTCB_LIMITS().map((l) => ({ ...l })),
      caveats: [PTCB_CPHT_CAVEAT(), ...PTCB_CAVEATS()],
      verify: false,
      // row: ptcb-cpht / deadline (ptcb.zendesk.com 207090057; 206879047)
      applicationDeadline: 'first-of-end-month',
    },
    {
      ...builtIn,
      id: 'ptcb-cpht-adv',
      name: 'PTCB CPhT-Adv',
      shortName: 'CPhT-Adv',
      source: 'PTCB Guidebook, CPhT-Adv program (ptcb.org)',
      cycleMonths: 24,
      totalHours: 25,
      requirements: [LAW(), PATIENT_SAFETY()],
      // row: ptcb-cpht-adv / P cap (ptcb.zendesk.com 360052874032): the extra 5 h may be technician or
      // pharmacist CE, so pharmacist CE is capped at 10 h. The table's figure is blank in the stored copy.
      limits: PTCB_LIMITS().map((l) => (l.id === 'pharmacist' ? { ...l, maxHours: 10 } : { ...l })),
      caveats: [
        l10n.t("The CPhT-Adv follows your CPhT's dates: give both credentials the same cycleEnd."),
        l10n.t("The 25 h are the CPhT's 20 plus 5 in any pharmacy topic."),
        l10n.t('Up to 10 h may be pharmacist ("P") CE: the CPhT\'s 5 plus the extra 5, which may be technician or pharmacist CE. PTCB\'s table shows no figure for it: verify with PTCB.'),
        ...PTCB_CAVEATS(),
      ],
      // The 10 h pharmacist cap is inferred, not read from PTCB's table (blank in the stored copy).
      verify: true,
      applicationDeadline: 'first-of-end-month',
    },
    {
      ...builtIn,
      id: 'ptcb-cspt',
      name: 'PTCB CSPT',
      shortName: 'CSPT',
      source: 'https://ptcb.zendesk.com/hc/en-us/articles/115003222812',
      cycleMonths: 12,
      totalHours: sterileHours,
      requirements: [{ id: 'sterile-compounding', label: l10n.t('Sterile compounding'), topic: 'sterile-compounding', minHours: sterileHours }],
      limits: [],
      caveats: [
        l10n.t('The yearly sterile-compounding hours ({0} h here) could not be verified with PTCB: check them and set "pharmacyCe.csptSterileHours".', String(sterileHours)),
        l10n.t('A yearly competency attestation signed by your supervisor is also required; the tool cannot check it.'),
        l10n.t('The CSPT needs an active CPhT.'),
        // row: ptcb-cspt / cycle (ptcb.zendesk.com 115003222812; 360013093672)
        l10n.t("The CSPT renews every year in the month your CPhT expires; earned less than 6 months before the CPhT expires, its first renewal is one year after the CPhT's expiry."),
      ],
      verify: true,
    },
    {
      ...builtIn,
      id: 'nha-excpt',
      name: 'NHA ExCPT',
      shortName: 'ExCPT',
      source: 'https://www.nhanow.com/certifications/pharmacy-technician/renew',
      cycleMonths: 24,
      totalHours: 20,
      requirements: [LAW(), PATIENT_SAFETY()],
      limits: [],
      caveats: [l10n.t('NHA shows 2 contact hours as 1 "credit": 20 h here are 10 NHA credits.')],
      // row: nha-excpt / cycle/total/topics (nhanow.com/certifications/pharmacy-technician/renew): the
      // current page confirms 20 h with at least 1 h law and 1 h patient safety.
      verify: false,
    },
    {
      ...builtIn,
      id: 'tx-technician',
      name: l10n.t('Texas pharmacy technician registration'),
      shortName: 'TX',
      source: 'https://www.pharmacy.texas.gov/licensees/ce-tech-faq.asp',
      cycleMonths: 24,
      totalHours: 20,
      requirements: [
        { id: 'state-law', label: l10n.t('Texas pharmacy law'), topic: 'state-law', minHours: 1 },
        // row: tx-technician / human trafficking (pharmacy.texas.gov/licensees/ce-tech-faq.asp): "may or may
        // not count toward your total ... dependent upon the course accreditation".
        { id: 'human-trafficking', label: l10n.t('Human-trafficking prevention'), topic: 'human-trafficking', minHours: 1, countsTowardTotal: 'acpe' },
      ],
      limits: [{ id: 'in-service', label: l10n.t('In-service training'), category: 'in-service', maxHours: 5 }],
      caveats: [
        l10n.t('Federal law CE does not count for the Texas law hour: give Texas law courses the topic "state-law".'),
        l10n.t('The human-trafficking course is required every renewal. It counts toward the 20 h when it is ACPE-accredited (it has a UAN); otherwise it is required but outside the 20 h.'),
        // row: tx-technician / alternatives (22 TAC 297.8(b)(3), texreg.sos.state.tx.us)
        l10n.t('Instead of CE, a college course (1 credit hour for each year of the period) or passing a board-approved certification exam in the period meets the whole requirement; the tool cannot check that.'),
        l10n.t('The first renewal is exempt from CE except the human-trafficking course; the tool cannot tell a first renewal.'),
        l10n.t('Sterile compounders need 2 h (low/medium risk) or 4 h (high risk) of sterile-compounding CE: add a requirement in .pharmacy-ce.json if that is you.'),
      ],
      verify: true,
    },
    {
      ...builtIn,
      id: 'fl-technician',
      name: l10n.t('Florida pharmacy technician registration'),
      shortName: 'FL',
      source: 'floridaspharmacy.gov help center, CE requirements',
      cycleMonths: 24,
      totalHours: 20,
      requirements: [
        { id: 'live', label: l10n.t('Live CE'), format: 'live', minHours: 4 },
        { id: 'medication-errors', label: l10n.t('Prevention of medication errors'), topic: 'medication-errors', minHours: 2 },
      ],
      limits: [],
      caveats: [
        l10n.t('1 h of HIV/AIDS CE is required at the first renewal only; the tool cannot tell a first renewal.'),
        // row: fl-technician / first renewal (floridaspharmacy.gov help center)
        l10n.t('Registered less than 12 months before the registration expires: only the 1 h HIV/AIDS course is required.'),
        // row: fl-technician / human trafficking (floridapharmacy.org/have-you-completed-your-human-trafficking-ce/)
        l10n.t('A 1 h human-trafficking course is required once (not every renewal); it counts within the 20 h.'),
        // row: fl-technician / med errors (floridapharmacy.org/licensure-requirements/technician-requirements/)
        l10n.t('The 2 h on preventing medication errors must be approved by the Florida Board of Pharmacy.'),
        l10n.t('Florida tracks CE in CE Broker: make sure each course is reported there.'),
      ],
      verify: true,
    },
    {
      ...builtIn,
      id: 'oh-technician',
      name: l10n.t('Ohio registered pharmacy technician'),
      shortName: 'OH',
      source: 'https://codes.ohio.gov/ohio-administrative-code/rule-4729:3-5-02',
      cycleMonths: 24,
      totalHours: 10,
      requirements: [
        { id: 'law', label: l10n.t('Pharmacy law'), topic: 'law', minHours: 2 },
        { id: 'patient-safety', label: l10n.t('Patient or medication safety'), topic: 'patient-safety', minHours: 2 },
      ],
      // One third of the 10 h, rounded to the hundredth the evaluation works in.
      limits: [{ id: 'volunteering', label: l10n.t('Approved volunteering'), category: 'volunteering', maxHours: 3.33 }],
      caveats: [
        l10n.t('Ohio asks for technician-specific CE; the tool does not check the audience of each course.'),
        l10n.t('Medication-safety courses count for the safety hours only with the topic "patient-safety".'),
        l10n.t('Volunteering counts only when approved by the board, for at most one third of the hours.'),
        // row: oh-technician / exemption/records (codes.ohio.gov/ohio-administrative-code/rule-4729:3-5-02)
        l10n.t('No CE is required when your first registration came within 6 months of its expiry.'),
        l10n.t('Keep certificates of CE that is not ACPE-accredited for one year after the renewal year.'),
      ],
      verify: true,
    },
    {
      ...builtIn,
      id: 'wa-technician',
      name: l10n.t('Washington pharmacy technician'),
      shortName: 'WA',
      source: 'WSR 23-05-010 (Washington State Register)',
      cycleMonths: 24,
      totalHours: 20,
      // row: wa-technician / health equity (doh.wa.gov ESSB 5229 page; WSR 22-23-167): model rule WAC
      // 246-12-820, at least 2 h once every 4 years, inside the existing hours, including implicit bias.
      requirements: [{ id: 'health-equity', label: l10n.t('Health equity'), topic: 'health-equity', minHours: 2, windowMonths: 48 }],
      limits: [],
      caveats: [
        l10n.t('Health equity: 2 h once every 4 years, part of the 20 h, and it must include implicit-bias training (the tool cannot check that part). Health-equity notes from the last 4 years count for it.'),
        l10n.t("This follows the state's model rule; the Pharmacy Commission's own final text was not found: verify with the Commission."),
        l10n.t('The 20 h (2.0 CEU) must be ACPE-accredited.'),
      ],
      verify: true,
    },
    {
      ...builtIn,
      id: 'ca-technician',
      name: l10n.t('California pharmacy technician license'),
      shortName: 'CA',
      source: 'https://www.pharmacy.ca.gov/licensees/personal/tch.shtml',
      cycleMonths: 24,
      totalHours: 1,
      requirements: [{ id: 'cultural-competency', label: l10n.t('Cultural competency'), topic: 'cultural-competency', minHours: 1 }],
      limits: [],
      caveats: [l10n.t('Keep your certificates for 4 years.')],
      verify: true,
    },
  ];
}

/**
 * The cycle of a credential: from `cycleStart` if given, else the day after `cycleEnd` minus `cycleMonths`
 * months, through `cycleEnd`, both inclusive (24 months ending 2027-03-31 start on 2025-04-01).
 * A cycle ending on the last day of a month starts on the first day of a month: certifications expire at
 * month ends, and plain clamping would start a cycle ending 2026-02-28 on 2024-02-29, a day after the
 * previous cycle (ending on the leap day) was over.
 */
export function cycleFor(cycleEnd: CalendarDate, cycleMonths: number, cycleStart?: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  if (cycleStart !== undefined) return { start: cycleStart, end: cycleEnd };
  const back = addMonths(cycleEnd, -cycleMonths);
  const monthEnd = endOfMonth(cycleEnd) === cycleEnd;
  return { start: addDays(monthEnd ? endOfMonth(back) : back, 1), end: cycleEnd };
}

/**
 * The CSPT's suggested cycle end when the CPhT's is known: the CSPT renews every year in the month the CPhT
 * expires (row: ptcb-cspt / cycle, ptcb.zendesk.com 360013093672), so the first end of that month on or after
 * `today` (2027-03-31 for a CPhT ending 2028-03-31, on 2026-11-30).
 */
export function csptCycleEndFor(cphtEnd: CalendarDate, today: CalendarDate): CalendarDate {
  let end = endOfMonth(cphtEnd);
  while (end < today) end = endOfMonth(addMonths(end, 12));
  while (endOfMonth(addMonths(end, -12)) >= today) end = endOfMonth(addMonths(end, -12));
  return end;
}

/** Longer inputs get no suggestion: no id is that long, and comparing them would cost the most. */
const MAX_SUGGESTION_INPUT = 100;

/**
 * The known id nearest to `input`, if reasonably close: by edit distance, else an id containing it (or
 * contained in it; the nearest in length first), else an id whose name has it as a word ("texas" ->
 * tx-technician, given `names`). Ties go to the earlier id. Each comparison is bounded (see typoDistance).
 */
export function nearestId(input: string, known: readonly string[], names: Readonly<Record<string, string>> = {}): string | undefined {
  const text = input.trim().toLowerCase();
  if (text === '' || text.length > MAX_SUGGESTION_INPUT) return undefined;
  const allowed = Math.max(2, Math.floor(text.length / 3));
  let nearest: string | undefined;
  let nearestDistance = allowed + 1;
  let containing: string | undefined;
  let containingGap = Infinity;
  for (const id of known) {
    if (id.length > MAX_SUGGESTION_INPUT) continue;
    const lower = id.toLowerCase();
    const distance = typoDistance(text, lower, nearestDistance - 1);
    if (distance < nearestDistance) [nearest, nearestDistance] = [id, distance];
    const gap = Math.abs(lower.length - text.length);
    if (gap < containingGap && (lower.includes(text) || text.includes(lower))) [containing, containingGap] = [id, gap];
  }
  if (nearest !== undefined) return nearest;
  if (containing !== undefined) return containing;
  if (text.length < 3) return undefined;
  return known.find((id) => Object.hasOwn(names, id) && names[id].toLowerCase().split(/[^a-z0-9-]+/).includes(text));
}

function validHours(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
