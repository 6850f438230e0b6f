import assert from 'node:assert/strict';
import type { CareerModel, CareerProfile } from '../../src/core/career/types';
import { portfolioBody, portfolioHtml, type PortfolioInput } from '../../src/core/outputs/portfolio-html';
import { parseConfig } from '../../src/core/rules/config';
import { evaluateAll } from '../../src/core/rules/evaluate';
import type { CeNote } from '../../src/core/types';
import { cspOf } from '../csp';

const AS_OF = '2026-11-30';
const CONFIG = parseConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31', label: 'CPhT <main>' }] }), { asOf: AS_OF }).config;
const NOTE: CeNote = {
  kind: 'ce', path: 'notes/law.md', title: 'Law', topics: ['law'], tags: [], keyLines: {}, hours: 2, status: 'completed',
  completed: '2026-01-15', format: 'home-study', audience: 'technician', category: 'ce', valid: true,
};

/** A career model by hand (the contract's shape), every text field holding `text`. */
function careerWith(text: string): CareerModel {
  return {
    asOf: AS_OF,
    held: [{ program: 'ptcb-cpht', name: `CPhT ${text}`, from: 'config', credentialId: 'ptcb-cpht', expires: '2027-03-31', active: true, credentialNumber: `No. ${text}` }],
    certificates: [
      { program: 'ptcb-billing-reimbursement', name: `Billing ${text}`, kind: 'certificate', status: 'earned', earned: '2026-05-02', expires: null, active: true, credentialNumber: text, file: 'career/billing.md', line: 1, studyPlan: null },
      { program: 'ptcb-mtm', name: `MTM ${text}`, kind: 'certificate', status: 'planned', earned: null, expires: null, active: false, credentialNumber: null, file: 'career/mtm.md', line: 1, studyPlan: null },
    ],
    experience: {
      years: 3.46,
      yearsWithinLast8: 3.46,
      bySetting: [{ setting: 'hospital', years: 2.5 }, { setting: 'community', years: 0.96 }],
      responsibilities: ['training', 'sterile-compounding'],
      jobs: [
        { file: 'career/a.md', line: 1, employer: `Employer ${text}`, role: `Role ${text}`, setting: 'community', start: '2022-01-01', end: '2022-12-15', current: false, hoursPerWeek: 20, responsibilities: ['inventory'] },
        { file: 'career/b.md', line: 1, employer: `Mercy ${text}`, role: 'Lead technician', setting: 'hospital', start: '2024-06-01', end: AS_OF, current: true, hoursPerWeek: 40, responsibilities: ['training', 'sterile-compounding'] },
      ],
    },
    eligibility: [],
    suggestions: [],
    network: {
      events: [{ file: 'career/conf.md', line: 1, title: `Conference ${text}`, date: '2026-06-12', organization: `Org ${text}`, event: 'conference', contacts: [text], ceHours: null }],
      organizations: [],
      memberships: [{ file: 'career/aapt.md', line: 1, organization: `AAPT ${text}`, since: '2025-01-01', renews: '2027-01-01', daysLeft: 32 }],
    },
    nextSteps: [],
    problems: [],
  };
}

function input(text: string, profile: CareerProfile = { name: `Dana ${text}`, headline: `CPhT ${text}` }): PortfolioInput {
  return { profile, career: careerWith(text), progress: evaluateAll(CONFIG, [NOTE], AS_OF), generated: AS_OF };
}

/** The page's text with the tags taken out and the five entities read back. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e] as string);
}

describe('portfolioHtml', () => {
  it('shows the name, headline, credentials with numbers and expiry, certificates, the CE cycle, jobs and the network', () => {
    const text = visibleText(portfolioHtml(input('x'), 'en'));
    for (const expected of [
      'Dana x',
      'CPhT x',
      'No. x',
      '2027-03-31',
      'Billing x',
      '2026-05-02',
      'Working toward',
      'MTM x (planned)',
      'CPhT <main>',
      '2025-04-01 to 2027-03-31',
      '2 of 20',
      'Not yet met',
      '3.4 years in pharmacy work (3.4 years within the last 8 years)',
      'Hospital / health system: 2.5 years',
      'Community pharmacy: 0.9 years',
      'Lead technician, Mercy x',
      '2024-06-01 to present · 40 hours a week',
      'Training staff',
      'Sterile compounding',
      'Role x, Employer x',
      'Community pharmacy · 2022-01-01 to 2022-12-15 · 20 hours a week',
      'Inventory and purchasing',
      'Conference x',
      'Org x',
      'AAPT x',
      '2027-01-01',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${text}`);
    }
    // The newest job first.
    assert.ok(text.indexOf('Mercy x') < text.indexOf('Employer x'));
  });

  it('escapes hostile text from notes and the config everywhere, and reads it back as written', () => {
    const hostile = `<script>alert("x")</script> O'Neil & Co \u202eevil\u202c ${'W'.repeat(300)}`;
    const html = portfolioHtml(input(hostile), 'en');
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!html.includes('alert("x")'), 'quotes escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Co'));
    // Each user value in the page is isolated, so its right-to-left override cannot reorder the text around it.
    const body = portfolioBody(input(hostile));
    assert.equal([...body.matchAll(/\u202e/g)].length, 13, 'every text value of the model and profile shown (contacts are not)');
    for (const match of body.matchAll(/\u202e/g)) {
      const before = body.slice(0, match.index);
      assert.ok(before.lastIndexOf('<bdi>') > before.lastIndexOf('</bdi>'), 'the RTL override sits inside a <bdi>');
    }
    assert.ok(visibleText(html).includes(`Dana ${hostile}`));
    assert.ok(visibleText(html).includes(`Conference ${hostile}`));
    // Long words break instead of widening the page or the table.
    assert.match(html, /body \{[^}]*overflow-wrap: anywhere/);
  });

  it('has no script, a CSP that forbids scripts, and a print style (black on white, no buttons, page breaks)', () => {
    const html = portfolioHtml(input('x'), 'en');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.deepEqual(cspOf(html), { 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"] });
    assert.ok(!/<script|\son\w+=|javascript:/i.test(html));
    const print = /@media print \{([\s\S]*?)\n {2}\}/.exec(html)?.[1] ?? '';
    assert.match(print, /color: #000 !important; background: #fff !important/);
    assert.match(print, /button, \.toolbar \{ display: none !important; \}/);
    assert.match(print, /section\.new-page \{ break-before: page; \}/);
    assert.match(html, /<section class="experience new-page">/);
    assert.match(html, /<section class="network new-page">/);
  });

  it('names the language its words are in (escaped: it comes from the editor or the terminal)', () => {
    assert.match(portfolioHtml(input('x'), 'es'), /^<!DOCTYPE html>\n<html lang="es">/);
    assert.match(portfolioHtml(input('x'), 'en'), /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(portfolioHtml(input('x'), 'x"><b>'), /<html lang="x&quot;&gt;&lt;b&gt;">/);
  });

  it('says plainly what is missing: no name, no credentials, no jobs, no events', () => {
    const empty: PortfolioInput = {
      profile: {},
      career: { ...careerWith(''), held: [], certificates: [], experience: { years: 0, yearsWithinLast8: 0, bySetting: [], responsibilities: [], jobs: [] }, network: { events: [], organizations: [], memberships: [] } },
      progress: [],
      generated: AS_OF,
    };
    const text = visibleText(portfolioBody(empty));
    for (const expected of ['(name not set)', 'No credentials recorded.', 'No certificates earned yet.', 'No credentials set up.', 'No jobs recorded.', 'No events recorded', 'No memberships recorded.']) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${text}`);
    }
    assert.match(portfolioHtml(empty, 'en'), /<title>Professional portfolio<\/title>/);
  });

  it('shows the Number column only when a credential has a number', () => {
    const withNumber = input('x');
    assert.match(portfolioBody(withNumber), /<th>Credential<\/th><th>Number<\/th><th>Expires<\/th>/);
    const held = withNumber.career.held.map((h) => ({ ...h, credentialNumber: null }));
    const body = portfolioBody({ ...withNumber, career: { ...withNumber.career, held } });
    assert.match(body, /<th>Credential<\/th><th>Expires<\/th>/);
    assert.match(body, /<tr><td><bdi>CPhT x<\/bdi><\/td><td class="date">2027-03-31<\/td><td>Active<\/td><\/tr>/);
  });
});
