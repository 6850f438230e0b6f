// The project's topic vocabulary (see the domain facts) and the ACPE topic codes that map onto it.
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
const BY_CODE = new Map(TOPICS.filter((t) => t.acpeCode).map((t) => [t.acpeCode as string, t]));

export function isTopicKey(key: string): boolean {
  return BY_KEY.has(key);
}

export function topicInfo(key: TopicKey): TopicInfo | undefined {
  return BY_KEY.get(key);
}

/** Human label of a topic key; unknown keys are shown as written. */
export function topicLabel(key: TopicKey): string {
  return BY_KEY.get(key)?.label ?? key;
}

export function topicForAcpeCode(code: string): TopicKey | undefined {
  return BY_CODE.get(code)?.key;
}

/** The known key nearest to `input` by edit distance (case-insensitive), if reasonably close. */
export function nearestTopic(input: string): TopicKey | undefined {
  const text = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (BY_KEY.has(text)) return text;
  let best: TopicKey | undefined;
  let bestDistance = Infinity;
  for (const { key, label } of TOPICS) {
    // The distance is at least the difference in length: a candidate that cannot beat the best is skipped.
    const d = Math.min(
      Math.abs(text.length - key.length) < bestDistance ? editDistance(text, key) : Infinity,
      Math.abs(text.length - label.length) < bestDistance ? editDistance(text, label.toLowerCase()) : Infinity,
    );
    if (d < bestDistance) [best, bestDistance] = [key, d];
  }
  // Accept a suggestion only when fewer than half the characters differ; otherwise it would be a guess.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(text.length / 2)) ? best : undefined;
}

/** Levenshtein distance with a two-row table. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
