// The project's topic vocabulary (see the domain facts) and the ACPE topic codes that map onto it.
import * as l10n from '@vscode/l10n';
import { nearestWord } from '../common/typo';
import type { TopicKey } from '../types';

export interface TopicInfo {
  key: TopicKey;
  label: string;
  /** Two-digit ACPE topic code, when the topic has one. */
  acpeCode?: string;
}

export const TOPICS: readonly TopicInfo[] = [
  { key: 'disease-state', label: 'Disease-state management / drug therapy', acpeCode: '01' },
  { key: 'hiv-aids', label: 'HIV/AIDS therapy', acpeCode: '02' },
  { key: 'law', label: 'Pharmacy law', acpeCode: '03' },
  { key: 'general', label: 'General pharmacy', acpeCode: '04' },
  { key: 'patient-safety', label: 'Patient safety', acpeCode: '05' },
  { key: 'immunizations', label: 'Immunizations', acpeCode: '06' },
  { key: 'compounding', label: 'Compounding', acpeCode: '07' },
  { key: 'pain-management', label: 'Pain management / opioids', acpeCode: '08' },
  { key: 'sterile-compounding', label: 'Sterile compounding' },
  { key: 'state-law', label: "State pharmacy law (your state's own)" },
  { key: 'medication-errors', label: 'Prevention of medication errors' },
  { key: 'human-trafficking', label: 'Human-trafficking prevention' },
  { key: 'cultural-competency', label: 'Cultural competency' },
  { key: 'health-equity', label: 'Health equity' },
  { key: 'hazardous-drugs', label: 'Hazardous drug handling (USP <800>)' },
];

const BY_KEY = new Map(TOPICS.map((t) => [t.key, t]));
// Each topic is recognised by its key and by its label.
const BY_SPELLING = new Map(TOPICS.flatMap((t) => [[t.key, t.key] as const, [t.label.toLowerCase(), t.key] as const]));
const SPELLINGS = [...BY_SPELLING.keys()];
const BY_CODE = new Map(TOPICS.filter((t) => t.acpeCode).map((t) => [t.acpeCode as string, t]));

export function isTopicKey(key: string): boolean {
  return BY_KEY.has(key);
}

export function topicInfo(key: TopicKey): TopicInfo | undefined {
  return BY_KEY.get(key);
}

/**
 * Human label of a topic key in the user's language; unknown keys are shown as written. The English labels
 * in TOPICS are the spellings a note may use, so they stay; a test checks both say the same in English.
 */
export function topicLabel(key: TopicKey): string {
  switch (key) {
    case 'disease-state':
      return l10n.t('Disease-state management / drug therapy');
    case 'hiv-aids':
      return l10n.t('HIV/AIDS therapy');
    case 'law':
      return l10n.t('Pharmacy law');
    case 'general':
      return l10n.t('General pharmacy');
    case 'patient-safety':
      return l10n.t('Patient safety');
    case 'immunizations':
      return l10n.t('Immunizations');
    case 'compounding':
      return l10n.t('Compounding');
    case 'pain-management':
      return l10n.t('Pain management / opioids');
    case 'sterile-compounding':
      return l10n.t('Sterile compounding');
    case 'state-law':
      return l10n.t("State pharmacy law (your state's own)");
    case 'medication-errors':
      return l10n.t('Prevention of medication errors');
    case 'human-trafficking':
      return l10n.t('Human-trafficking prevention');
    case 'cultural-competency':
      return l10n.t('Cultural competency');
    case 'health-equity':
      return l10n.t('Health equity');
    case 'hazardous-drugs':
      return l10n.t('Hazardous drug handling (USP <800>)');
    default:
      return key;
  }
}

export function topicForAcpeCode(code: string): TopicKey | undefined {
  return BY_CODE.get(code)?.key;
}

/** The known key nearest to `input` (its key or its label, case-insensitive), when fewer than half its characters differ. */
export function nearestTopic(input: string): TopicKey | undefined {
  const text = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (BY_KEY.has(text)) return text;
  const near = nearestWord(text, SPELLINGS, Math.max(2, Math.floor(text.length / 2)));
  return near === undefined ? undefined : BY_SPELLING.get(near);
}
