import assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/rules/config';
import { buildFolderModel, type DashboardModel } from '../../src/core/outputs/dashboard-model';
import { evaluateAll } from '../../src/core/rules/evaluate';
import type { CeNote, ParsedNote } from '../../src/core/types';
import { renderDashboard, renderExcerpt, type RenderContext } from '../../src/features/dashboard/render';
import { addDays } from '../../src/core/common/dates';
import { parseUan } from '../../src/core/notes/uan';

function ce(path: string, over: Partial<CeNote> = {}): CeNote {
  return {
    kind: 'ce', path, title: path, topics: [], tags: [], keyLines: {}, hours: 1, status: 'completed',
    completed: '2026-01-15', format: 'home-study', audience: 'technician', category: 'ce', valid: true, ...over,
  };
}

const AS_OF = '2026-11-25';
const ctx: RenderContext = {
  formatDate: (d) => d,
  ready: true,
  trusted: true,
};

const CPHT_ONLY = [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }];

function model(notes: ParsedNote[], folders = 1, hasConfigFile = true, credentials: object[] = CPHT_ONLY, asOf = AS_OF): DashboardModel {
  const config = parseConfig(JSON.stringify({ credentials }), { asOf }).config;
  const progress = evaluateAll(config, notes, asOf);
  return {
    asOf,
    folders: Array.from({ length: folders }, (_, i) =>
      buildFolderModel(
        { key: `file:///w/f${i}`, name: `Folder ${i}`, workspace: { notes: () => notes, problems: () => [], missingCertificates: () => [], config }, progress, hasConfigFile },
        asOf,
        { cpeMonitorReminderDays: 45 },
      ),
    ),
  };
}

const XSS = '<img src=x onerror=alert(1)>';

describe('dashboard HTML', () => {
  it('CPE Monitor: two next steps in plain words, contact the provider after 35 days, the window closed after 60', () => {
    const uan = parseUan('0145-0000-26-101-H04-T').uan;
    const notes = [ce('d40.md', { completed: addDays(AS_OF, -40), uan }), ce('d70.md', { completed: addDays(AS_OF, -70), uan })];
    const config = parseConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] }), { asOf: AS_OF }).config;
    const folder = buildFolderModel(
      { key: 'k', name: 'F', workspace: { notes: () => notes, problems: () => [], missingCertificates: () => [], config }, progress: evaluateAll(config, notes, AS_OF), hasConfigFile: true },
      AS_OF,
      { cpeMonitorReminderDays: 35 },
    );
    const html = renderDashboard({ asOf: AS_OF, folders: [folder] }, ctx);
    assert.match(html, /1 ACPE activity completed more than 35 days ago is not yet marked as seen in NABP CPE Monitor\. Check CPE Monitor; if the credit is not there, contact the provider now: they can report it only until 2026-12-15\./);
    assert.match(html, /1 counted ACPE activity is more than 60 days old .*: the window to report it has closed, and late reporting is not possible\./);
    assert.doesNotMatch(html, /cpe_monitor/, 'no note keys in the messages');
  });

  it('shows a card per credential with data-credential and "earned / required h"', () => {
    const html = renderDashboard(model([ce('a.md', { hours: 11, topics: ['law', 'patient-safety'] })]), ctx);
    const card = /<article class="card[^"]*" data-credential="ptcb-cpht"[\s\S]*?<\/article>/.exec(html);
    assert.ok(card, 'card');
    assert.ok(card[0].includes('11 / 20 h'));
    assert.ok(card[0].includes('2025-04-01 to 2027-03-31'));
    assert.ok(card[0].includes('apply by 2027-03-01: 96 days left'), 'PTCB: days left count to the application deadline');
    assert.match(card[0], /role="img" aria-label="[^"]*Timeline/);
    assert.match(card[0], /aria-label="PTCB CPhT: 11 of 20 hours \(55%\)"/);
  });

  it('escapes a note title, path and provider everywhere (text and attributes)', () => {
    const notes = [ce(`notes/"${XSS}.md`, { title: XSS, provider: `"'><script>alert(2)</script>`, topics: ['<u>t</u>'], completed: '2026-11-01' })];
    const html = renderDashboard(model(notes), ctx);
    assert.ok(!/<img/i.test(html), 'no img element');
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<u>/i.test(html));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes(`data-path="notes/&quot;&lt;img src=x onerror=alert(1)&gt;.md"`));
    // Every attribute value is closed by the quote that opened it: no value breaks out.
    assert.ok(!/="[^"]*"[^\s>/]/.test(html.replace(/="[^"]*"(?=[\s>/])/g, '')));
  });

  it('renders excerpts with markdown-it, no raw HTML, no images, and only web or mail links', () => {
    const out = renderExcerpt([
      '## Key points',
      `- <b>bold</b> ${XSS}`,
      '- [ok](https://ptcb.org/x) [mail](mailto:a@b.org)',
      '- [bad](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,hi) [cmd](command:workbench.action.quit) [rel](other.md)',
      '- ![pic](https://example.com/track.png)',
    ].join('\n'));
    assert.ok(out.includes('&lt;b&gt;bold&lt;/b&gt;'));
    assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!/<img/i.test(out));
    assert.ok(out.includes('<a href="https://ptcb.org/x" rel="noopener noreferrer">ok</a>'));
    assert.ok(out.includes('href="mailto:a@b.org"'));
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://ptcb.org/x', 'mailto:a@b.org']);
    // A link elsewhere shows its text, not its Markdown.
    assert.ok(out.includes('<li>bad file data cmd rel</li>'), out);
    assert.ok(out.includes('<h2>Key points</h2>'));
  });

  it('shows an image as its alt text, never as "!" and a link, and fetches nothing', () => {
    const out = renderExcerpt([
      'See ![Sterile *garbing* chart](https://example.com/track.png "t") and ![](images/a.png).',
      '',
      `![${XSS}](javascript:alert(1)) ![ref][r] [![badge](https://x.org/b.svg)](https://ptcb.org/)`,
      '',
      '[r]: file:///etc/passwd',
    ].join('\n'));
    assert.ok(!/<img/i.test(out), out);
    assert.ok(!out.includes('!'), out);
    assert.ok(out.includes('See <span class="image-alt">[image: Sterile garbing chart]</span> and <span class="image-alt">[image]</span>.'), out);
    assert.ok(out.includes('<span class="image-alt">[image: &lt;img src=x onerror=alert(1)&gt;]</span>'), out);
    assert.ok(out.includes('<span class="image-alt">[image: ref]</span>'), out);
    // An image inside a web link: the link stays, the image is its alt text.
    assert.ok(out.includes('<a href="https://ptcb.org/" rel="noopener noreferrer"><span class="image-alt">[image: badge]</span></a>'), out);
    const hrefs = [...out.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://ptcb.org/']);
  });

  it('makes every note openable by keyboard (a button carrying folder and path)', () => {
    const html = renderDashboard(model([ce('notes/a.md', { title: 'A', completed: '2026-11-01' })]), ctx);
    assert.match(html, /<button class="note-title" data-open-note data-folder="file:\/\/\/w\/f0" data-path="notes\/a.md"/);
  });

  it('has a section per folder in a multi-root workspace', () => {
    const html = renderDashboard(model([ce('a.md')], 2), ctx);
    assert.equal((html.match(/<section class="folder"/g) ?? []).length, 2);
    assert.ok(html.includes('Folder 0') && html.includes('Folder 1'));
    assert.equal((html.match(/data-credential="ptcb-cpht"/g) ?? []).length, 2);
  });

  it('offers export and set-up only in a trusted workspace', () => {
    const m = model([ce('a.md')], 1, false);
    const trusted = renderDashboard(m, ctx);
    assert.ok(trusted.includes('data-command="exportTranscript"'));
    assert.ok(trusted.includes('data-command="setUpCredentials"'));
    const untrusted = renderDashboard(m, { ...ctx, trusted: false });
    assert.ok(!untrusted.includes('data-command'));
  });

  it('lists at most 10 notes per action and says how many more', () => {
    const notes = Array.from({ length: 25 }, (_, i) => ce(`bad${i}.md`, { title: `Bad ${i}`, valid: false }));
    const config = parseConfig(undefined, { asOf: AS_OF }).config;
    const problems = notes.map((n) => ({ file: n.path, line: 1, column: 1, severity: 'error' as const, message: 'x' }));
    const folder = buildFolderModel(
      { key: 'file:///w', name: 'w', workspace: { notes: () => notes, problems: () => problems, missingCertificates: () => [], config }, progress: evaluateAll(config, notes, AS_OF), hasConfigFile: true },
      AS_OF,
      { cpeMonitorReminderDays: 45 },
    );
    const html = renderDashboard({ asOf: AS_OF, folders: [folder] }, ctx);
    assert.ok(html.includes('25 notes have errors'));
    assert.equal((html.match(/<li data-key="ref:/g) ?? []).length, 10);
    assert.ok(html.includes('and 15 more'));
  });

  it('says the notes are being read before the index is ready', () => {
    assert.match(renderDashboard(undefined, { ...ctx, ready: false }), /Reading your notes/);
    assert.match(renderDashboard({ asOf: AS_OF, folders: [] }, ctx), /Open a folder/);
  });
});

describe('dashboard HTML for screen readers', () => {
  const TWO = [...CPHT_ONLY, { id: 'tx', ruleSet: 'tx-technician', cycleEnd: '2026-12-31', label: 'Texas registration' }];
  /** The page's buttons that act on a credential or a folder: their accessible name and what they act on. */
  const actionButtons = (html: string) => [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)]
    .filter((m) => /data-show-credential|data-command/.test(m[1]))
    .map((m) => ({
      name: /aria-label="([^"]*)"/.exec(m[1])?.[1] ?? m[2],
      // What pressing it does, and to which card or folder.
      target: [/data-command="([^"]*)"/, /data-folder="([^"]*)"/, /data-(?:show-credential|credential-id)="([^"]*)"/].map((re) => re.exec(m[1])?.[1] ?? 'show').join(' '),
    }));
  /** Names that two buttons doing different things share. */
  const ambiguous = (buttons: { name: string; target: string }[]) =>
    buttons.filter((a) => buttons.some((b) => b.name === a.name && b.target !== a.target)).map((b) => b.name);

  it('names each "show the card" and Export Transcript button after its credential', () => {
    const buttons = actionButtons(renderDashboard(model([ce('a.md', { hours: 2 })], 1, true, TWO), ctx));
    const names = buttons.map((b) => b.name);
    assert.ok(names.includes('Show the PTCB CPhT card'), JSON.stringify(names));
    assert.ok(names.includes('Show the Texas registration card'), JSON.stringify(names));
    // The name starts with the visible words, so "click Export Transcript" by voice still finds it.
    assert.ok(names.includes('Export Transcript for PTCB CPhT'), JSON.stringify(names));
    assert.ok(names.includes('Export Transcript for Texas registration'), JSON.stringify(names));
    assert.deepEqual(ambiguous(buttons), []);
  });

  it('names the folder too when two folders show the same credential', () => {
    const buttons = actionButtons(renderDashboard(model([ce('a.md', { hours: 2 })], 2, false, TWO), ctx));
    const names = buttons.map((b) => b.name);
    assert.ok(names.includes('Export Transcript for PTCB CPhT in Folder 1'), JSON.stringify(names));
    assert.ok(names.includes('Show the PTCB CPhT card of Folder 1'), JSON.stringify(names));
    assert.ok(names.includes('Set Up Credentials for Folder 0'), JSON.stringify(names));
    assert.ok(buttons.length >= 10, JSON.stringify(buttons));
    assert.deepEqual(ambiguous(buttons), []);
  });

  it('says "1 hour", "1 note" and "1 day" for one, and the plural otherwise', () => {
    // Patient safety stays missing, so a "needed by" step with the days left shows too.
    // PTCB's deadline to apply is the first of the expiry month: 2027-03-01, one day after the as-of date.
    const notes = [ce('a.md', { hours: 1, topics: ['law'], completed: '2027-02-01' }), ce('b.md', { hours: 2.5, completed: '2027-02-02' })];
    const html = renderDashboard(model(notes, 1, true, CPHT_ONLY, '2027-02-28'), ctx);
    assert.doesNotMatch(html, /\b1 (hours|notes|days|errors)\b/);
    assert.match(html, /aria-label="Pharmacy law: 1 of 1 hour, met"/);
    assert.match(html, /aria-label="Pharmacy law: 1 hour"/);
    assert.match(html, /aria-label="No topic: 2\.5 hours"/);
    assert.match(html, /aria-label="Pharmacy law: 1 note"/);
    assert.match(html, /<dd>apply by 2027-03-01: 1 day left<\/dd>/);
    // The next step's deadline is the same one as the card's.
    assert.match(html, /needed for PTCB CPhT by 2027-03-01 \(1 day left\)/);
  });

  it('draws the pace line up to the deadline to apply (PTCB: the first of the expiry month), as the pace figures count', () => {
    const html = renderDashboard(model([ce('a.md', { hours: 11 })]), ctx);
    assert.match(html, /the pace line rises from 0 h on 2025-04-01 to 20 h on 2027-03-01\./);
  });

  it('writes the chart axis as page text beside the drawing, hidden from screen readers (the chart is named)', () => {
    const html = renderDashboard(model([ce('a.md', { hours: 11 })]), ctx);
    const figure = /<figure class="timeline">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    assert.doesNotMatch(figure, /<text/);
    assert.match(figure, /<div class="y-axis" aria-hidden="true"><span>20 h<\/span><span>0 h<\/span><\/div>/);
    assert.match(figure, /<div class="x-axis" aria-hidden="true"><span>2025-04-01<\/span><span>2027-03-31<\/span><\/div>/);
  });

  it('draws the pace line to the deadline to apply, the date the card counts its days and pace to', () => {
    // CPhT 2025-04-01..2027-03-31, apply by 2027-03-01: 699 of 729 days along the axis.
    const figure = /<figure class="timeline">[\s\S]*?<\/figure>/.exec(renderDashboard(model([ce('a.md', { hours: 11 })]), ctx))?.[0] ?? '';
    const pace = /<line class="pace" x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"/.exec(figure);
    assert.ok(pace, figure);
    assert.equal(pace[2], (2 + (699 / 730) * 296).toFixed(1));
    assert.match(figure, /the pace line rises from 0 h on 2025-04-01 to 20 h on 2027-03-01/);
  });
});
