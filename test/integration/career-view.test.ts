// The Career view in a real VS Code (issue #14): its rows, icons and clicks from a hand-built career model (a
// provider over the opened folder whose career model is given), and the registered view and dashboard on the
// opened fixture, which has no career notes (the welcome's state, the dashboard's empty Career section).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { daysBetween } from '../../src/core/common/dates';
import type { CareerModel, RequirementStanding } from '../../src/core/career/types';
import type { DashboardApi } from '../../src/features/dashboard';
import { CareerTreeProvider, type CareerElement, type CareerTreeApi } from '../../src/features/career-tree';
import type { WorkspaceIndex, IndexedFolder } from '../../src/services/types';
import { activateExtension, fixtureRoot, waitFor, waitForIndex } from './helpers';

const AS_OF = '2026-11-30';
const req = (id: string, label: string, have: number, need: number): RequirementStanding => ({ id, label, have, need, met: have >= need });

function handBuilt(): CareerModel {
  return {
    asOf: AS_OF,
    held: [{ program: 'ptcb-cpht', name: 'Certified Pharmacy Technician (CPhT)', from: 'config', credentialId: 'ptcb-cpht', expires: '2027-03-31', active: true, credentialNumber: '123456' }],
    certificates: [
      { program: 'ptcb-billing-reimbursement', name: 'Billing and Reimbursement', kind: 'certificate', status: 'planned', earned: null, expires: null, active: false, credentialNumber: null, file: 'career/billing.md', line: 2, studyPlan: 'ptcb-billing-reimbursement' },
      { program: 'ptcb-tpv', name: 'Technician Product Verification', kind: 'certificate', status: 'earned', earned: '2025-04-02', expires: null, active: true, credentialNumber: null, file: 'career/tpv.md', line: 2, studyPlan: null },
    ],
    experience: {
      years: 6.2,
      yearsWithinLast8: 6.2,
      bySetting: [{ setting: 'hospital', years: 2.47 }, { setting: 'community', years: 3.74 }],
      responsibilities: ['inventory'],
      jobs: [
        { file: 'career/walgreens.md', line: 2, employer: 'Walgreens', role: 'Pharmacy technician', setting: 'community', start: '2017-01-02', end: '2020-09-30', current: false, hoursPerWeek: 32, responsibilities: [] },
        { file: 'career/mercy.md', line: 2, employer: 'Mercy Hospital', role: 'IV technician', setting: 'hospital', start: '2024-06-01', end: AS_OF, current: true, hoursPerWeek: 40, responsibilities: ['inventory'] },
      ],
    },
    eligibility: [{
      id: 'ptcb-cpht-adv',
      name: 'Advanced Certified Pharmacy Technician (CPhT-Adv)',
      met: false,
      held: false,
      requirements: [req('cpht', 'An active PTCB CPhT', 1, 1), req('certificates', 'PTCB assessment-based certificates earned', 2, 4), req('experience', 'Years of technician work within the last 8', 2.47, 3)],
      verify: 'PTCB may audit the experience',
      caveats: [],
      source: 'https://www.ptcb.org',
      asOf: AS_OF,
    }],
    suggestions: [],
    network: {
      events: [{ file: 'career/conference.md', line: 2, title: 'State conference', date: '2026-04-18', organization: 'State association', event: 'conference', contacts: [], ceHours: null }],
      organizations: ['AAPT', 'State association'],
      memberships: [{ file: 'career/aapt.md', line: 2, organization: 'AAPT', since: '2024-01-15', renews: '2027-01-15', daysLeft: 46 }],
    },
    nextSteps: [],
    problems: [],
  };
}

/** The real index, but its one folder's career model is `model` (and it counts one career note). */
function indexWith(real: WorkspaceIndex, model: CareerModel): WorkspaceIndex {
  const folder = real.folders()[0];
  const fake: IndexedFolder = {
    folder: folder.folder,
    hasConfigFile: folder.hasConfigFile,
    index: new Proxy(folder.index, {
      get(target, key, receiver) {
        if (key === 'career') return () => model;
        if (key === 'notes') return () => [{ career: { type: 'experience', responsibilities: [] } }];
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  };
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'folders') return () => [fake];
      if (key === 'progress') return () => real.progress(folder);
      if (key === 'asOf') return () => AS_OF;
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Career view', function () {
  this.timeout(60_000);
  let real: WorkspaceIndex;
  let provider: CareerTreeProvider;

  const rows = (parent?: CareerElement) => provider.getChildren(parent).map((element) => ({ element, item: provider.getTreeItem(element) }));
  const find = (list: ReturnType<typeof rows>, text: string) => {
    const found = list.find((r) => label(r.item) === text);
    assert.ok(found, `a row "${text}" among ${JSON.stringify(list.map((r) => label(r.item)))}`);
    return found;
  };

  before(async () => {
    real = await waitForIndex();
    provider = new CareerTreeProvider(indexWith(real, handBuilt()));
  });

  after(() => provider.dispose());

  it('shows the five groups in order, each with its figures', () => {
    const top = rows();
    assert.deepEqual(top.map((r) => label(r.item)), ['Credentials', 'Certificates', 'Next credential', 'Experience', 'Network']);
    assert.equal(top[2].item.description, undefined);
    assert.equal(top[3].item.description, '6.2 years (6.2 years within the last 8)');
    assert.equal(top[4].item.description, '1 event, 1 membership');
  });

  it('shows the next credential as the issue says, each requirement a child marked met or not', () => {
    const next = find(rows(), 'Next credential');
    const adv = find(rows(next.element), 'CPhT-Adv');
    assert.equal(adv.item.description, '2 of 4 certificates, 2.4 of 3 years · not verified');
    const reqs = rows(adv.element);
    assert.deepEqual(reqs.map((r) => [label(r.item), r.item.description, (r.item.iconPath as vscode.ThemeIcon).id]), [
      ['An active PTCB CPhT', 'held', 'pass'],
      ['PTCB assessment-based certificates earned', '2 of 4 certificates', 'circle-large-outline'],
      ['Years of technician work within the last 8', '2.4 of 3 years', 'circle-large-outline'],
    ]);
    assert.equal(provider.getParent(reqs[0].element), adv.element, 'getParent leads back, so reveal works');
  });

  it('shows a held credential with its expiry and CE state, a click revealing it on the dashboard', () => {
    const cpht = rows(find(rows(), 'Credentials').element)[0];
    assert.equal(label(cpht.item), 'CPhT');
    assert.match(String(cpht.item.description), /^until 2027-03-31 · CE: /);
    assert.equal(cpht.item.command?.command, 'pharmacyCe.revealInDashboard');
    const target = cpht.item.command?.arguments?.[0] as { folderUri: vscode.Uri; credentialId: string };
    assert.equal(target.credentialId, 'ptcb-cpht');
    assert.equal(target.folderUri.toString(), real.folders()[0].folder.uri.toString());
  });

  it('lists certificates earned first; a planned one with a study plan offers a review of that exam', () => {
    const certs = rows(find(rows(), 'Certificates').element);
    assert.deepEqual(certs.map((r) => [label(r.item), r.item.description]), [['Technician Product Verification', 'earned 2025-04-02'], ['Billing and Reimbursement', 'planned']]);
    assert.equal(certs[1].item.contextValue, 'careerCertificate.plan');
    assert.equal(certs[0].item.contextValue, 'careerCertificate');
    assert.deepEqual(provider.studyPlanOf(certs[1].element), { folder: real.folders()[0].folder.uri.toString(), exam: 'ptcb-billing-reimbursement' });
  });

  it('shows experience by setting, jobs newest first with years, each opening its note at its line', () => {
    const settings = rows(find(rows(), 'Experience').element);
    assert.deepEqual(settings.map((r) => [label(r.item), r.item.description]), [['Hospital / health system', '2.4 years'], ['Community pharmacy', '3.7 years']]);
    const job = rows(settings[0].element)[0];
    assert.equal(label(job.item), 'IV technician at Mercy Hospital');
    assert.equal(job.item.description, '2024-06-01 to now · 2.4 years');
    assert.equal(job.item.command?.command, 'vscode.open');
    const [uri, options] = job.item.command?.arguments ?? [];
    assert.ok((uri as vscode.Uri).path.endsWith('/career/mercy.md'));
    assert.equal((options as vscode.TextDocumentShowOptions).selection?.start.line, 1, 'line 2 of the note (0-based 1)');
  });

  it('shows memberships with renewal and days left, then the events', () => {
    const network = rows(find(rows(), 'Network').element);
    assert.deepEqual(network.map((r) => [label(r.item), r.item.description]), [
      ['AAPT', 'renews 2027-01-15 · 46 days left'],
      ['State conference', '2026-04-18 · State association · Conference'],
    ]);
    assert.equal((network[0].item.iconPath as vscode.ThemeIcon).id, 'bell', 'a renewal within 60 days is marked');
  });

  it('a tooltip shows note text as written: "$(alert)" in an organization is not drawn as an icon', () => {
    const model = handBuilt();
    model.network.memberships[0].organization = 'AAPT $(alert) $(github)';
    const hostile = new CareerTreeProvider(indexWith(real, model));
    try {
      const membership = hostile.getChildren(hostile.getChildren().find((e) => label(hostile.getTreeItem(e)) === 'Network')).map((e) => hostile.getTreeItem(e))[0];
      const tip = membership.tooltip as vscode.MarkdownString;
      assert.equal(label(membership), 'AAPT $(alert) $(github)');
      assert.notEqual(tip.supportThemeIcons, true, 'theme icons off: the text is the note\'s');
    } finally {
      hostile.dispose();
    }
  });

  it('in a multi-root window: one subtree per folder with career notes, under the folder\'s name', () => {
    const one = real.folders()[0];
    const second: IndexedFolder = { ...indexWith(real, handBuilt()).folders()[0], folder: { uri: vscode.Uri.joinPath(one.folder.uri, 'second'), name: 'second', index: 1 } };
    const plain: IndexedFolder = { ...one, folder: { uri: vscode.Uri.joinPath(one.folder.uri, 'plain'), name: 'plain', index: 2 } };
    const multi = new Proxy(indexWith(real, handBuilt()), {
      get(target, key, receiver) {
        if (key === 'folders') return () => [target.folders()[0], second, plain];
        return Reflect.get(target, key, receiver);
      },
    });
    const tree = new CareerTreeProvider(multi);
    try {
      const roots = tree.getChildren();
      assert.deepEqual(roots.map((r) => label(tree.getTreeItem(r))), [one.folder.name, 'second'], 'the folder without career notes has no subtree');
      assert.deepEqual(tree.getChildren(roots[1]).map((r) => label(tree.getTreeItem(r))), ['Credentials', 'Certificates', 'Next credential', 'Experience', 'Network']);
      assert.notEqual(tree.getChildren(roots[0])[0].id, tree.getChildren(roots[1])[0].id, 'ids differ per folder');
    } finally {
      tree.dispose();
    }
  });

  it('in the opened folder without career notes: the registered view is empty (its welcome shows) and the dashboard explains career notes', async () => {
    const features = (await activateExtension()).features;
    const tree = features['career-tree'] as CareerTreeApi;
    const dashboard = features.dashboard as DashboardApi;
    assert.ok(tree?.provider, 'the career-tree feature started');
    // Earlier suites write career notes into this fixture and remove them; the view follows the index's change event.
    await waitFor(() => !tree.provider.hasCareerNotes(), 10_000, 'the view to have no career notes');
    assert.deepEqual(tree.provider.getChildren(), []);
    await vscode.commands.executeCommand('pharmacyCe.openDashboard');
    const render = await waitFor(() => dashboard.lastRender(), 20_000, 'the dashboard to render');
    assert.ok(render);
    assert.match(render.html, /<section class="career"[^>]*>.*No career notes yet\. A career note is a note about your career/s);
    assert.match(render.html, /data-command="newCareerNote"/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

// Career notes written into the opened fixture (and removed after): the registered view and the dashboard read
// them through the real index and the career model.
const NOTES: Record<string, string> = {
  'career/mercy-hospital.md': ['---', 'title: IV technician, Mercy Hospital', 'type: experience', 'employer: Mercy Hospital', 'role: IV technician', 'setting: hospital', 'start: 2024-06-01', 'hours_per_week: 40', 'responsibilities: [sterile-compounding, inventory]', '---', ''].join('\n'),
  'career/walgreens.md': ['---', 'title: Pharmacy technician, Walgreens', 'type: experience', 'employer: Walgreens', 'role: Pharmacy technician', 'setting: community', 'start: 2019-02-04', 'end: 2024-05-24', 'hours_per_week: 32', '---', ''].join('\n'),
  'career/tpv.md': ['---', 'title: Technician Product Verification', 'type: certificate', 'program: ptcb-tpv', 'status: earned', 'earned: 2025-04-02', '---', ''].join('\n'),
  'career/aapt.md': ['---', 'title: AAPT membership', 'type: membership', 'organization: AAPT', 'since: 2024-01-15', 'renews: 2099-01-15', '---', ''].join('\n'),
};

describe('Career view on career notes', function () {
  this.timeout(60_000);
  let index: WorkspaceIndex;
  let tree: CareerTreeApi;

  const rows = (parent?: CareerElement) => tree.provider.getChildren(parent).map((element) => ({ element, item: tree.provider.getTreeItem(element) }));

  before(async () => {
    index = await waitForIndex();
    tree = (await activateExtension()).features['career-tree'] as CareerTreeApi;
    const root = fixtureRoot();
    fs.mkdirSync(path.join(root, 'career'), { recursive: true });
    for (const [file, text] of Object.entries(NOTES)) fs.writeFileSync(path.join(root, ...file.split('/')), text);
    await waitFor(() => index.folders()[0].index.career(index.asOf()).experience.jobs.length === 2 && tree.provider.hasCareerNotes(), 20_000, 'the index to read the career notes');
  });

  after(async () => {
    fs.rmSync(path.join(fixtureRoot(), 'career'), { recursive: true, force: true });
    await waitFor(() => !tree.provider.hasCareerNotes(), 20_000, 'the index to drop the career notes');
  });

  it('shows the ladder: the CPhT held from the credentials file, the CPhT-Adv next with its certificates and years', () => {
    const asOf = index.asOf();
    // The two jobs do not overlap: their days added, both ends of each counted (as the model does), / 365.25, floored to 0.1.
    const years = (daysBetween('2019-02-04', '2024-05-24') + 1 + daysBetween('2024-06-01', asOf) + 1) / 365.25;
    const top = rows();
    assert.deepEqual(top.map((r) => label(r.item)), ['Credentials', 'Certificates', 'Next credential', 'Experience', 'Network']);
    const held = rows(top[0].element).map((r) => label(r.item));
    assert.ok(held.includes('CPhT'), `the CPhT of the credentials file is held: ${JSON.stringify(held)}`);
    const adv = rows(top[2].element).find((r) => label(r.item) === 'CPhT-Adv');
    assert.ok(adv, 'the CPhT-Adv is a next credential');
    assert.equal(adv.item.description, `1 of 4 certificates, ${Math.floor(years * 10) / 10} of 3 years`);
    assert.deepEqual(rows(adv.element).map((r) => (r.item.iconPath as vscode.ThemeIcon).id), ['pass', 'circle-large-outline', 'pass']);
  });

  it('the dashboard\'s Career section shows the same ladder and one timeline bar per job', async () => {
    const dashboard = (await activateExtension()).features.dashboard as DashboardApi;
    await vscode.commands.executeCommand('pharmacyCe.openDashboard');
    const render = await waitFor(() => {
      const html = dashboard.lastRender()?.html;
      return html?.includes('class="step stage-next"') ? html : undefined;
    }, 20_000, 'the dashboard to draw the Career section');
    assert.ok(render);
    assert.match(render, /<li class="step stage-held"><span class="stage">Held<\/span> <strong class="step-name"[^>]*>CPhT<\/strong>/);
    assert.match(render, /<li class="step stage-next"><span class="stage">Next<\/span> <strong class="step-name"[^>]*>CPhT-Adv<\/strong>/);
    assert.equal((render.match(/<svg class="job-span"/g) ?? []).length, 2);
    assert.ok(render.indexOf('stage-held') < render.indexOf('stage-next'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
