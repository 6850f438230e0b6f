import assert from 'node:assert/strict';
import { studySection } from '../../src/core/outputs/dashboard-study';
import { buildFolderModel } from '../../src/core/outputs/dashboard-model';
import { parseConfig } from '../../src/core/rules/config';
import type { StudyPlan } from '../../src/core/study/types';
import { renderDashboard, type RenderContext } from '../../src/features/dashboard/render';
import { renderStudySection, type StudyRenderContext } from '../../src/features/dashboard/render-study';
import { parseWebviewMessage } from '../../src/features/dashboard/messages';
import { domain, exam, summary } from './study-fixtures';

const ctx: StudyRenderContext = { formatDate: (d) => d, trusted: true, multiRoot: false, asOf: '2026-11-30' };
const folder = { key: 'file:///w', name: 'w' };
const PLANS = Object.assign(Object.create(null) as Record<string, StudyPlan>, {
  ptce: { id: 'ptce', name: 'PTCE', questionCount: 90, source: 's', asOf: '2026-11-30', builtIn: true, domains: [{ id: 'order-entry', name: 'Order Entry and Processing', weight: 22.5, verify: 'full wording unverified' }] },
});

describe('dashboard Study section: the model', () => {
  it('gives readiness per exam and domain as whole percents, with the plan\'s verify notes', () => {
    const s = studySection(summary(), PLANS, '2026-11-30');
    assert.deepEqual([s.total, s.new, s.dueToday], [5, 2, 1]);
    const ptce = s.exams[0];
    assert.equal(ptce.percent, 42);
    assert.deepEqual(ptce.domains.map((d) => [d.id, d.weight, d.cards, d.percent]), [
      ['medications', 35, 2, 45], ['federal-requirements', 18.75, 0, 0], ['patient-safety-qa', 23.75, 1, 90], ['order-entry', 22.5, 0, 0],
    ]);
    assert.equal(ptce.domains[3].verify, 'full wording unverified');
    assert.equal(ptce.domains[0].verify, undefined);
    assert.equal(s.forecast.length, 30);
    assert.deepEqual([s.forecast[0], s.forecast[3]], [1, 2]);
  });

  it('lists the study core\'s next steps, counting the cards due by the end of today as the rest of the section does', () => {
    // The model counts 1 card due by the end of today.
    const s = studySection(summary({ due: 1 }), PLANS, '2026-11-30');
    assert.deepEqual(s.steps.map((x) => [x.kind, x.text]), [
      ['due', '1 card is due today: start a review.'],
      ['no-cards', 'Order Entry and Processing is 22.5% of the PTCE and has no cards.'],
      ['no-cards', 'Federal Requirements is 18.75% of the PTCE and has no cards.'],
    ]);
  });

  it('asks for the new cards a day before an exam date, and says when the date has passed', () => {
    const withDate = (today: string) => studySection(summary({ exams: [exam({ examDate: '2027-03-15', newPerDay: 3, domains: [domain('medications', 'Medications', 100, { cards: 3 })] })] }), PLANS, today);
    assert.deepEqual(withDate('2026-11-30').steps.map((x) => x.kind), ['due', 'new-per-day']);
    assert.equal(withDate('2027-04-01').steps[0].kind, 'exam-passed');
  });

  it('is part of the folder model when the caller has a study summary, and absent otherwise', () => {
    const config = parseConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }), { asOf: '2026-11-30' }).config;
    const input = { key: 'k', name: 'n', workspace: { notes: () => [], problems: () => [], missingCertificates: () => [], config }, progress: [], hasConfigFile: true };
    assert.equal(buildFolderModel(input, '2026-11-30', { cpeMonitorReminderDays: 35 }).studyCards, undefined);
    assert.equal(buildFolderModel({ ...input, studySummary: summary() }, '2026-11-30', { cpeMonitorReminderDays: 35 }).studyCards?.total, 5);
  });
});

describe('dashboard Study section: the HTML', () => {
  const html = renderStudySection(studySection(summary(), PLANS, '2026-11-30'), folder, 's', ctx);

  it('draws a readiness ring per exam that says its percentage in text and to a screen reader', () => {
    assert.match(html, /<svg class="ring"[^>]*role="img" aria-label="PTCE readiness: 42%"/);
    assert.match(html, /<strong>42% ready<\/strong>/);
    assert.match(html, /Readiness is how likely you are to remember the cards today/);
  });

  it('draws a bar per domain with its weight, and says which domains have no cards', () => {
    assert.match(html, /Medications <span class="weight">\(35% of the exam\)<\/span>/);
    assert.match(html, /aria-label="Medications, 35% of the exam: 45% ready, 2 cards"/);
    assert.match(html, /aria-label="Federal Requirements, 18\.75% of the exam: no cards yet"/);
    assert.match(html, /\(weight not verified\)/);
  });

  it('shows due today, a 30-day forecast with one bar a day and a spoken summary, and the next steps', () => {
    assert.match(html, /<strong>1 card due today<\/strong> · 2 new · 5 cards in all/);
    assert.equal((html.match(/<rect class="day/g) ?? []).length, 30);
    assert.match(html, /aria-label="Forecast of cards falling due in the next 30 days: 1 today, 3 in all; the busiest day is 2026-12-03 with 2\."/);
    assert.match(html, /<h4>Study next steps<\/h4><ul class="study-step-list"><li>1 card is due today: start a review\.<\/li><li>Order Entry and Processing is 22\.5% of the PTCE and has no cards\.<\/li>/);
  });

  it('says so in words, without an empty chart, when no reviewed card falls due in the next 30 days', () => {
    const none = renderStudySection(studySection(summary({ forecast: new Array<number>(30).fill(0) }), PLANS, '2026-11-30'), folder, 's', ctx);
    assert.match(none, /<figure class="forecast"><figcaption>Cards due, next 30 days<\/figcaption><p class="empty">No reviewed card falls due in the next 30 days\.<\/p><\/figure>/);
    assert.ok(!none.includes('<rect class="day'));
  });

  it('offers Start Review for the folder and for each exam only in a trusted workspace', () => {
    assert.match(html, /<button class="inline-button" data-command="startReview" data-folder="file:\/\/\/w" aria-label="Start Review">/);
    assert.match(html, /data-command="startReview" data-folder="file:\/\/\/w" data-exam="ptce" aria-label="Start Review of PTCE cards"/);
    const untrusted = renderStudySection(studySection(summary(), PLANS, '2026-11-30'), folder, 's', { ...ctx, trusted: false });
    assert.ok(!untrusted.includes('data-command="startReview"'));
  });

  it('says in one line how to start when the folder has no cards', () => {
    const empty = renderStudySection(studySection(summary({ total: 0, new: 0, due: 0, exams: [], forecast: new Array<number>(30).fill(0) }), PLANS, '2026-11-30'), folder, 's', ctx);
    assert.equal((empty.match(/<p class="empty">/g) ?? []).length, 1);
    assert.match(empty, /No study cards yet\. Write one in any note/);
    assert.ok(!empty.includes('<svg'));
  });

  it('escapes everything a plan or config can say', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const hostile = summary({ exams: [exam({ id: `x"${evil}`, name: evil, source: evil, verify: evil, domains: [domain(evil, evil, 100)] })] });
    const out = renderStudySection(studySection(hostile, PLANS, '2026-11-30'), { key: `k"${evil}`, name: evil }, 's', { ...ctx, multiRoot: true });
    assert.ok(!out.includes('<img'), out);
    assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('sits in the dashboard page between the credential cards and the recent notes', () => {
    const config = parseConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }), { asOf: '2026-11-30' }).config;
    const f = buildFolderModel(
      { key: 'k', name: 'n', workspace: { notes: () => [], problems: () => [], missingCertificates: () => [], config }, progress: [], hasConfigFile: true, studySummary: summary() },
      '2026-11-30',
      { cpeMonitorReminderDays: 35 },
    );
    const render: RenderContext = { formatDate: (d) => d, ready: true, trusted: true };
    const page = renderDashboard({ asOf: '2026-11-30', folders: [f] }, render);
    const at = (s: string) => page.indexOf(s);
    assert.ok(at('<div class="cards">') < at('class="study-cards"') && at('class="study-cards"') < at('<div class="columns">'));
  });
});

describe('dashboard message: startReview', () => {
  it('accepts a folder, with or without an exam id, and nothing else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'startReview', folder: 'file:///w', note: 'x' }), { type: 'startReview', folder: 'file:///w' });
    assert.deepEqual(parseWebviewMessage({ type: 'startReview', folder: 'file:///w', exam: 'ptce' }), { type: 'startReview', folder: 'file:///w', exam: 'ptce' });
    for (const bad of [{ type: 'startReview' }, { type: 'startReview', folder: 'file:///w', exam: 3 }, { type: 'startReview', folder: 'file:///w', exam: '' }, { type: 'startReview', folder: 'file:///w', exam: 'x'.repeat(5000) }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });
});
