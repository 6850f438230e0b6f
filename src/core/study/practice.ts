// The practice exam: cards drawn across an exam's domains in proportion to their weights, as the real exam
// spreads its questions, and the score per domain at the end.
import type { Rating, StudyCard, StudyPlan } from './types';

/**
 * How many of `count` questions each domain gets: in proportion to the weights, rounded by largest remainder
 * (so the counts add up to `count`; ties go to the larger weight, then the earlier domain). A domain with
 * fewer cards than its share gives the rest to the others, in proportion to theirs. Never more than
 * `available` cards in all.
 */
export function practiceQuotas(plan: StudyPlan, available: ReadonlyMap<string, number>, count: number): Map<string, number> {
  const quotas = new Map(plan.domains.map((d) => [d.id, 0]));
  const spare = (id: string) => (available.get(id) ?? 0) - (quotas.get(id) ?? 0);
  let remaining = Math.min(Math.max(0, Math.floor(count)), plan.domains.reduce((sum, d) => sum + Math.max(0, available.get(d.id) ?? 0), 0));
  // Each round either places every remaining question or fills at least one domain, so it ends.
  while (remaining > 0) {
    const open = plan.domains.filter((d) => spare(d.id) > 0);
    if (open.length === 0) break;
    const weights = open.reduce((sum, d) => sum + d.weight, 0);
    // Domains of weight 0 only get questions once the weighted ones are out of cards: then they share equally.
    const weightOf = (w: number) => (weights > 0 ? w : 1);
    const totalWeight = weights > 0 ? weights : open.length;
    const shares = open.map((d, index) => {
      const exact = (remaining * weightOf(d.weight)) / totalWeight;
      return { d, index, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
    });
    let left = remaining - shares.reduce((sum, s) => sum + s.whole, 0);
    for (const s of [...shares].sort((a, b) => b.rest - a.rest || b.d.weight - a.d.weight || a.index - b.index)) {
      if (left <= 0) break;
      s.whole++;
      left--;
    }
    for (const s of shares) {
      const give = Math.min(s.whole, spare(s.d.id));
      quotas.set(s.d.id, (quotas.get(s.d.id) ?? 0) + give);
      remaining -= give;
    }
  }
  return quotas;
}

/**
 * `count` cards of one exam drawn across its domains in proportion to their weights (see practiceQuotas),
 * no card twice, in an order shuffled by `random` (values in [0, 1)): the same `random` sequence gives the
 * same exam. Cards of the exam without a domain of the plan are not drawn.
 */
export function practiceDraw(cards: readonly StudyCard[], plan: StudyPlan, count: number, random: () => number): StudyCard[] {
  const byDomain = new Map<string, StudyCard[]>(plan.domains.map((d) => [d.id, []]));
  const seen = new Set<string>();
  for (const card of cards) {
    if (card.exam !== plan.id || card.domain === undefined || seen.has(card.id)) continue;
    const pool = byDomain.get(card.domain);
    if (!pool) continue;
    seen.add(card.id);
    pool.push(card);
  }
  const quotas = practiceQuotas(plan, new Map([...byDomain].map(([id, pool]) => [id, pool.length])), count);
  const drawn: StudyCard[] = [];
  for (const d of plan.domains) drawn.push(...shuffle(byDomain.get(d.id) ?? [], random).slice(0, quotas.get(d.id) ?? 0));
  return shuffle(drawn, random);
}

/** A copy of `items` in Fisher-Yates order driven by `random`. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    // Clamped: a `random` returning 1 (or more) must not index past the end.
    const j = Math.min(i, Math.max(0, Math.floor(random() * (i + 1))));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface PracticeAnswer {
  card: StudyCard;
  rating: Rating;
}

export interface DomainScore {
  id: string;
  name: string;
  weight: number;
  asked: number;
  /** Answers graded Hard, Good or Easy (remembered); Again counts as wrong. */
  correct: number;
  /** correct / asked, 0 to 1 (0 when none was asked). */
  score: number;
}

export interface PracticeScore {
  asked: number;
  correct: number;
  score: number;
  /** Every domain of the plan, in its order. */
  domains: DomainScore[];
}

/** The end-of-exam summary: answers remembered, in all and per domain. */
export function practiceScore(answers: readonly PracticeAnswer[], plan: StudyPlan): PracticeScore {
  const domains = plan.domains.map((d) => ({ id: d.id, name: d.name, weight: d.weight, asked: 0, correct: 0, score: 0 }));
  let [asked, correct] = [0, 0];
  for (const { card, rating } of answers) {
    const remembered = rating >= 2;
    asked++;
    if (remembered) correct++;
    const domain = domains.find((d) => d.id === card.domain);
    if (!domain) continue;
    domain.asked++;
    if (remembered) domain.correct++;
  }
  for (const d of domains) d.score = d.asked > 0 ? d.correct / d.asked : 0;
  return { asked, correct, score: asked > 0 ? correct / asked : 0, domains };
}
