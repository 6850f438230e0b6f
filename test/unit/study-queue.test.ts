import assert from 'node:assert/strict';
import { builtInStudyPlans } from '../../src/core/study/plans';
import { practiceDraw, practiceQuotas, practiceScore } from '../../src/core/study/practice';
import { inScope, newCardsReviewedOn, reviewQueue } from '../../src/core/study/queue';
import type { StudyCard, StudyPlan } from '../../src/core/study/types';
import { local, reviewed, studyCard } from './study-helpers';

const plans = builtInStudyPlans();
const NOW = local(11, 30, 12);

describe('reviewQueue', () => {
  const cards: StudyCard[] = [
    studyCard('n1', 'a/one.md', { exam: 'ptce', domain: 'medications' }),
    studyCard('d-late', 'a/one.md', { exam: 'ptce', domain: 'medications' }, reviewed(local(11, 30, 9))),
    studyCard('future', 'a/one.md', { exam: 'ptce', domain: 'medications' }, reviewed(local(12, 2))),
    studyCard('n2', 'a/two.md', { exam: 'ptce', domain: 'order-entry' }),
    studyCard('d-early', 'b/three.md', { exam: 'cspt', domain: 'facilities-equipment' }, reviewed(local(11, 20))),
    studyCard('d-tie', 'b/three.md', { exam: 'cspt' }, reviewed(local(11, 30, 9))),
    studyCard('n3', 'b/sub/four.md'),
    studyCard('d-now', 'ab/five.md', {}, reviewed(NOW)),
  ];
  const ids = (queue: StudyCard[]) => queue.map((c) => c.id);

  it('takes the cards due later today too, as the status bar and the dashboard count them as due today', () => {
    // The status bar said "12 cards due"; clicking it said "Nothing to review right now" (they were due in 10 min).
    const later = [...cards, studyCard('d-tonight', 'c/six.md', {}, reviewed(local(11, 30, 20))), studyCard('d-tomorrow', 'c/six.md', {}, reviewed(local(12, 1, 8)))];
    assert.deepEqual(ids(reviewQueue(later, { now: NOW, newLimit: 0 })), ['d-early', 'd-late', 'd-tie', 'd-now', 'd-tonight']);
  });

  it('due cards most overdue first (ties in note order), then new cards in note order up to the limit', () => {
    assert.deepEqual(ids(reviewQueue(cards, { now: NOW, newLimit: 2 })), ['d-early', 'd-late', 'd-tie', 'd-now', 'n1', 'n2']);
    assert.deepEqual(ids(reviewQueue(cards, { now: NOW, newLimit: 10 })).slice(4), ['n1', 'n2', 'n3']);
    assert.deepEqual(ids(reviewQueue(cards, { now: NOW, newLimit: 0 })), ['d-early', 'd-late', 'd-tie', 'd-now']);
    assert.deepEqual(ids(reviewQueue(cards, { now: NOW, newLimit: -3 })), ['d-early', 'd-late', 'd-tie', 'd-now']);
  });

  it('limits to a note, a folder (not a folder whose name merely starts the same), an exam or a domain', () => {
    const scoped = (scope: object) => ids(reviewQueue(cards, { now: NOW, newLimit: 10, scope }));
    assert.deepEqual(scoped({ note: 'a/one.md' }), ['d-late', 'n1']);
    assert.deepEqual(scoped({ folder: 'a' }), ['d-late', 'n1', 'n2']);
    assert.deepEqual(scoped({ folder: 'a/' }), ['d-late', 'n1', 'n2']);
    assert.deepEqual(scoped({ folder: 'b' }), ['d-early', 'd-tie', 'n3']);
    assert.deepEqual(scoped({ folder: '' }).length, 7);
    assert.deepEqual(scoped({ exam: 'cspt' }), ['d-early', 'd-tie']);
    assert.deepEqual(scoped({ domain: 'medications' }), ['d-late', 'n1']);
    assert.deepEqual(scoped({ exam: 'ptce', domain: 'order-entry' }), ['n2']);
    assert.deepEqual(scoped({ exam: 'cspt', domain: 'order-entry' }), []);
    assert.equal(inScope(cards[0]), true);
  });

  it('shows a card written in two places once', () => {
    const twice = [studyCard('same', 'a.md'), studyCard('same', 'b.md'), studyCard('other', 'c.md')];
    assert.deepEqual(
      reviewQueue(twice, { now: NOW, newLimit: 5 }).map((c) => c.file),
      ['a.md', 'c.md'],
    );
  });
});

describe('newCardsReviewedOn', () => {
  it('counts the cards whose first review falls on that local day', () => {
    const entries = [
      { card: 'old', at: local(11, 29, 22) },
      { card: 'old', at: local(11, 30, 8) },
      { card: 'fresh', at: local(11, 30, 0, 0) },
      { card: 'fresh', at: local(11, 30, 9) },
      { card: 'late', at: local(11, 30, 23, 59) },
      { card: 'tomorrow', at: local(12, 1, 0, 0) },
    ];
    assert.equal(newCardsReviewedOn(entries, '2026-11-30'), 2);
    assert.equal(newCardsReviewedOn(entries, '2026-11-29'), 1);
    assert.equal(newCardsReviewedOn([], '2026-11-30'), 0);
    // Out of order: the earliest entry decides.
    assert.equal(newCardsReviewedOn([...entries].reverse(), '2026-11-30'), 2);
  });
});

describe('practiceQuotas', () => {
  const plenty = (plan: StudyPlan, n = 1000) => new Map(plan.domains.map((d) => [d.id, n]));

  it('splits by weight with largest remainder: PTCE 90 questions -> 31.5 / 16.875 / 21.375 / 20.25 -> 32 / 17 / 21 / 20', () => {
    assert.deepEqual([...practiceQuotas(plans.ptce, plenty(plans.ptce), 90).values()], [32, 17, 21, 20]);
    assert.deepEqual([...practiceQuotas(plans.excpt, plenty(plans.excpt), 100).values()], [15, 15, 13, 43, 14]);
    // 10 ExCPT questions: 1.5 1.5 1.3 4.3 1.4 -> 1 1 1 4 1 and two more to the largest remainders (1.5, 1.5).
    assert.deepEqual([...practiceQuotas(plans.excpt, plenty(plans.excpt), 10).values()], [2, 2, 1, 4, 1]);
  });

  it('a domain with too few cards gives its share to the others, in proportion to their weights', () => {
    const available = new Map([
      ['medications', 1000],
      ['federal-requirements', 2],
      ['patient-safety-qa', 1000],
      ['order-entry', 0],
    ]);
    const quotas = practiceQuotas(plans.ptce, available, 90);
    // Order entry (0 cards) is out from the start: 90 over 35 : 18.75 : 23.75 -> 41, 22 (only 2 cards), 27;
    // the 20 left over 35 : 23.75 -> 12, 8.
    assert.deepEqual([...quotas.values()], [53, 2, 35, 0]);
    assert.equal([...quotas.values()].reduce((a, b) => a + b), 90);
    // Fewer cards than questions: every card.
    assert.deepEqual([...practiceQuotas(plans.ptce, new Map([['medications', 3], ['order-entry', 4]]), 90).values()], [3, 0, 0, 4]);
    assert.deepEqual([...practiceQuotas(plans.ptce, plenty(plans.ptce), 0).values()], [0, 0, 0, 0]);
  });
});

describe('practiceDraw', () => {
  /** A seeded generator (mulberry32), so a draw can be repeated. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool: StudyCard[] = plans.ptce.domains.flatMap((d) => Array.from({ length: 40 }, (_, i) => studyCard(`${d.id}-${i}`, `${d.id}.md`, { exam: 'ptce', domain: d.id })));
  const extra = [studyCard('cspt-1', 'c.md', { exam: 'cspt', domain: 'facilities-equipment' }), studyCard('no-domain', 'x.md', { exam: 'ptce' }), pool[0]];

  it('draws in proportion to the weights, no card twice, only cards of the exam with a domain of it', () => {
    const drawn = practiceDraw([...pool, ...extra], plans.ptce, 90, seeded(1));
    assert.equal(drawn.length, 90);
    assert.equal(new Set(drawn.map((c) => c.id)).size, 90);
    const per = (id: string) => drawn.filter((c) => c.domain === id).length;
    assert.deepEqual(plans.ptce.domains.map((d) => per(d.id)), [32, 17, 21, 20]);
    assert.ok(drawn.every((c) => c.exam === 'ptce' && c.domain !== undefined));
  });

  it('is the same for the same random sequence, and mixes the domains', () => {
    const a = practiceDraw(pool, plans.ptce, 20, seeded(7)).map((c) => c.id);
    assert.deepEqual(practiceDraw(pool, plans.ptce, 20, seeded(7)).map((c) => c.id), a);
    assert.notDeepEqual(practiceDraw(pool, plans.ptce, 20, seeded(8)).map((c) => c.id), a);
    assert.notDeepEqual(a, [...a].sort((x, y) => plans.ptce.domains.findIndex((d) => x.startsWith(d.id)) - plans.ptce.domains.findIndex((d) => y.startsWith(d.id))));
  });

  it('survives a random function returning 1', () => {
    assert.equal(practiceDraw(pool, plans.ptce, 10, () => 1).length, 10);
    assert.deepEqual(practiceDraw([], plans.ptce, 10, Math.random), []);
  });
});

describe('practiceScore', () => {
  it('counts Hard, Good and Easy as remembered, Again as not, per domain in plan order', () => {
    const card = (domain: string) => studyCard(domain, 'x.md', { exam: 'ptce', domain });
    const score = practiceScore(
      [
        { card: card('medications'), rating: 1 },
        { card: card('medications'), rating: 2 },
        { card: card('medications'), rating: 4 },
        { card: card('order-entry'), rating: 3 },
      ],
      plans.ptce,
    );
    assert.deepEqual([score.asked, score.correct, score.score], [4, 3, 0.75]);
    assert.deepEqual(
      score.domains.map((d) => [d.id, d.asked, d.correct, d.score]),
      [
        ['medications', 3, 2, 2 / 3],
        ['federal-requirements', 0, 0, 0],
        ['patient-safety-qa', 0, 0, 0],
        ['order-entry', 1, 1, 1],
      ],
    );
    assert.equal(practiceScore([], plans.ptce).score, 0);
  });
});
