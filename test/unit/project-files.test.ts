// The repository's own files, as a newcomer meets them: packaging asks no question, the packaged README has no
// dead link, and F5 in desktop VS Code finds its launch configuration and build task.
import { listFiles, PackageManager } from '@vscode/vsce';
import { parse, type ParseError } from 'jsonc-parser';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { englishEnv } from './cli-env';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
/** A manifest string as VS Code shows it: a `%key%` is replaced by its text in package.nls.json. */
const shown = (value: string, nls = readJson('package.nls.json')): string => /^%[\w.-]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value;

describe('project files: package.json', () => {
  // Without these, `vsce package` on a terminal stops at "A 'repository' field is missing... [y/N]" and Enter aborts.
  it('names the repository, issue tracker and home page, so vsce packages without a question', () => {
    assert.match(manifest.repository?.url ?? manifest.repository ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\.git)?$/);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
  });

  interface Welcome {
    view: string;
    contents: string;
    when?: string;
  }
  const welcomes: Welcome[] = manifest.contributes.viewsWelcome.map((w: Welcome) => ({ ...w, contents: shown(w.contents) }));
  const treeViews: string[] = manifest.contributes.views.pharmacyCe.map((v: { id: string }) => v.id);
  // VS Code draws a line that is only a link as a button; a link inside a sentence stays a link.
  const buttons = (w: Welcome) => [...w.contents.matchAll(/^\[([^\]]+)\]\(command:([^)]+)\)$/gm)].map((m) => m[2]);
  const commandLinks = (w: Welcome) => [...w.contents.matchAll(/\[([^\]]+)\]\(command:([^)]+)\)/g)].map((m) => m[2]);

  it('welcome views speak plain words: no literal backticks, no jargon, one call to action each', () => {
    for (const w of welcomes) {
      assert.ok(!w.contents.includes('`'), `no backticks (shown literally): ${w.contents}`);
      assert.ok(!/frontmatter|yaml|json/i.test(w.contents), `no jargon: ${w.contents}`);
      assert.ok(commandLinks(w).length <= 1, `one call to action: ${w.contents}`);
    }
  });

  it('welcome views use no bold or italics, in English or Spanish (a welcome shows only links): stars only in the card markers to type', () => {
    const spanish = readJson('package.nls.es.json');
    for (const w of manifest.contributes.viewsWelcome as Welcome[]) {
      // A welcome shows `**Q:**` as written, which is what a card needs typed: those two markers are the exception.
      for (const contents of [shown(w.contents), shown(w.contents, spanish)]) assert.ok(!/\*\*|__|(^|\s)[*_]\S/.test(contents.replace(/\*\*[QA]:\*\*/g, '')), `no emphasis marks: ${contents}`);
    }
  });

  it('the two views do not offer the same button in the same state (an empty folder shows both)', () => {
    const empty = welcomes.filter((w) => w.when?.startsWith('pharmacyCe.ready'));
    const progress = empty.filter((w) => w.view === 'pharmacyCe.progress').flatMap(buttons);
    const notes = empty.filter((w) => w.view === 'pharmacyCe.notes').flatMap(buttons);
    assert.ok(progress.length === 1 && notes.length === 1, 'each view offers its step');
    assert.deepEqual(progress.filter((c) => notes.includes(c)), []);
  });

  it('in a folder without notes, every view leads into the Get started walkthrough', () => {
    const withoutNotes = welcomes.filter((w) => /(^|&& )!pharmacyCe\.hasNotes( &&|$)/.test(w.when ?? '') && w.when?.startsWith('pharmacyCe.ready'));
    for (const view of treeViews) {
      assert.ok(withoutNotes.some((w) => w.view === view && commandLinks(w).includes('pharmacyCe.getStarted')), `${view} links to the walkthrough`);
    }
  });

  // Until the extension has started, VS Code says "There is no data provider registered that can provide view
  // data" in a tree view with nothing else to show; a welcome whose condition holds before any of the
  // extension's context keys is set shows instead.
  it('each tree view has a welcome for the moments before the extension has started', () => {
    for (const view of treeViews) {
      const loading = welcomes.find((w) => w.view === view && w.when === '!pharmacyCe.ready && workbenchState != empty');
      assert.ok(loading, `a loading welcome for ${view}`);
      assert.deepEqual(buttons(loading), []);
    }
  });
});

describe('project files: the Get started walkthrough', () => {
  interface Step {
    id: string;
    title: string;
    description: string;
    media: { markdown?: string; image?: string; altText?: string };
    completionEvents: string[];
  }
  const walkthrough = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === 'getStarted');
  const steps: Step[] = walkthrough?.steps ?? [];
  const english = readJson('package.nls.json');
  const spanish = readJson('package.nls.es.json');
  const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

  it('has the five steps of issue #15, each completed by a context key the extension sets, never by a click', () => {
    assert.deepEqual(steps.map((s) => s.id), ['setUpCredentials', 'firstNote', 'dashboard', 'review', 'career']);
    for (const step of steps) {
      assert.equal(step.completionEvents.length, 1, step.id);
      assert.match(step.completionEvents[0], /^onContext:pharmacyCe\.walkthrough\.\w+$/, step.id);
    }
  });

  it('every text is a key with its English and its Spanish, and each button runs a command of the extension', () => {
    const values = [walkthrough.title, walkthrough.description, ...steps.flatMap((s) => [s.title, s.description, s.media.markdown ?? ''])];
    for (const value of values) {
      const key = /^%([\w.-]+)%$/.exec(value)?.[1];
      assert.ok(key, `${value} is a %key%`);
      assert.ok(english[key] && spanish[key], `${key} in package.nls.json and package.nls.es.json`);
    }
    for (const step of steps) {
      const links = [...shown(step.description, english).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `one button in ${step.id}`);
      assert.ok(commands.has(links[0]), `${links[0]} is contributed`);
    }
  });

  it('each step has a page in English and one in Spanish, in plain words, linking only to addresses or shipped files', () => {
    for (const step of steps) {
      const pages = [shown(step.media.markdown ?? '', english), shown(step.media.markdown ?? '', spanish)];
      assert.match(pages[0], /^media\/walkthrough\/[\w-]+\.md$/, step.id);
      assert.equal(pages[1], pages[0].replace('media/walkthrough/', 'media/walkthrough/es/'), step.id);
      for (const page of pages) {
        const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
        assert.ok(!/frontmatter|yaml/i.test(text), `no jargon in ${page}`);
        for (const target of relativeTargets(page)) assert.ok(fs.existsSync(path.join(ROOT, target)), `${page} links to ${target}`);
      }
    }
  });
});

/** Every link and image target in a Markdown file (markdown-it's own parse, so code spans and blocks are skipped). */
function linkTargets(file: string): string[] {
  const md = new MarkdownIt();
  const targets: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (target !== null) targets.push(target);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), {}));
  return targets;
}

/** Relative targets as repository paths (no anchor or query; a folder link ends in `/`). */
function relativeTargets(file: string): string[] {
  return linkTargets(file)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//'))
    .map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(target.split(/[?#]/)[0]))));
}

describe('project files: the README that ships in the .vsix', function () {
  this.timeout(120_000); // vsce walks the whole checkout, node_modules included (about 5 s)
  let shipped: Set<string>;

  before(async () => {
    shipped = new Set(await listFiles({ cwd: ROOT, packageManager: PackageManager.None }));
  });

  /** vsce stores these under other names in the .vsix (readme.md, changelog.md, LICENSE.txt): a link to them is dead there. */
  const renamedByVsce = (file: string): boolean => /^(readme|changelog|license)(\.(md|txt))?$/i.test(file);

  it('links only to files the package ships, or to absolute addresses (the Marketplace shows it as is)', () => {
    assert.ok(shipped.has('README.md'));
    const relative = relativeTargets('README.md');
    const dead = relative.filter((target) => !shipped.has(target) || renamedByVsce(target));
    assert.deepEqual(dead, [], `relative links in README.md to files the .vsix does not contain (make them absolute): ${dead.join(', ')}`);
  });

  it('ships no contributor files: tests, sources, sample notes, editor settings', () => {
    const unwanted = [...shipped].filter((file) => /^(src|test|sample-notes|\.vscode|\.ci|node_modules)\//.test(file) || file === 'CONTRIBUTING.md');
    assert.deepEqual(unwanted, []);
  });

  it('CONTRIBUTING.md links only to files in the repository', () => {
    const missing = relativeTargets('CONTRIBUTING.md').filter((target) => !fs.existsSync(path.join(ROOT, target)));
    assert.deepEqual(missing, []);
  });
});

describe('project files: F5 in desktop VS Code', () => {
  function readJsonc(file: string): any {
    const errors: ParseError[] = [];
    const value = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), errors, { allowTrailingComma: false });
    assert.deepEqual(errors, [], `${file} does not parse`);
    return value;
  }

  it('launch.json runs the extension from this checkout, and each launch builds first with a task of tasks.json', () => {
    const launch = readJsonc('.vscode/launch.json');
    const tasks = readJsonc('.vscode/tasks.json');
    const labels = new Set<string>(tasks.tasks.map((task: { label: string }) => task.label));
    const run = launch.configurations.find((c: { name: string }) => c.name === 'Run Extension');
    assert.ok(run, 'a "Run Extension" configuration');
    assert.equal(run.type, 'extensionHost');
    assert.ok(run.args.includes('--extensionDevelopmentPath=${workspaceFolder}'));
    const tests = launch.configurations.find((c: { name: string }) => c.name === 'Extension Tests');
    const testsPath = tests?.args.find((a: string) => a.startsWith('--extensionTestsPath='));
    assert.equal(testsPath, '--extensionTestsPath=${workspaceFolder}/out/test/integration/index');
    assert.ok(fs.existsSync(path.join(ROOT, 'test/integration/index.ts')), 'the suite index the build turns into out/test/integration/index.js');
    for (const config of launch.configurations) {
      assert.ok(labels.has(config.preLaunchTask), `"${config.name}" names an existing task (${config.preLaunchTask})`);
      for (const arg of config.args as string[]) {
        const folder = /^\$\{workspaceFolder\}\/([^=]+)$/.exec(arg)?.[1];
        if (folder) assert.ok(fs.existsSync(path.join(ROOT, folder)), `"${config.name}" opens ${folder}, which exists`);
      }
    }
    for (const task of tasks.tasks) {
      if (task.type === 'npm') assert.ok(manifest.scripts[task.script], `task "${task.label}" runs npm script ${task.script}`);
    }
  });

  it('.gitignore keeps launch.json and tasks.json in the repository', function () {
    const result = spawnSync('git', ['check-ignore', '.vscode/launch.json', '.vscode/tasks.json'], { cwd: ROOT, encoding: 'utf8' });
    if (result.error || result.status === 128) this.skip(); // not a git checkout
    assert.equal(result.status, 1, `git check-ignore: ignored: ${result.stdout}`);
  });
});

describe('project files: what sample-notes/README.md says', () => {
  const SAMPLE = path.join(ROOT, 'sample-notes');
  let copy: string;
  beforeEach(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-ce-sample-'));
    fs.cpSync(SAMPLE, copy, { recursive: true });
  });
  afterEach(() => fs.rmSync(copy, { recursive: true, force: true }));

  function texas(): { earned: number; required: number; met: boolean } {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'report', copy, '--json', '--as-of', '2026-11-25'], { encoding: 'utf8', env: englishEnv() });
    assert.equal(run.status, 0, run.stderr);
    const credential = JSON.parse(run.stdout).credentials.find((c: { id: string }) => c.id === 'tx');
    return { earned: credential.hours.earned, required: credential.hours.required, met: credential.met };
  }
  function edit(file: string, from: string | RegExp, to: string): void {
    const full = path.join(copy, file);
    const text = fs.readFileSync(full, 'utf8');
    assert.notEqual(text.replace(from, to), text, `${file} contains ${from}`);
    fs.writeFileSync(full, text.replace(from, to));
  }

  it('Texas: 17.5 h (the ACPE trafficking course counts); 19.5 h with the pediatric course finished; closed at 21 h once the insulin-pens date is fixed too', () => {
    assert.deepEqual(texas(), { earned: 17.5, required: 20, met: false });
    edit('2026/2026-10-30-pediatric-dosing-safety.md', /^status: in-progress$/m, 'status: completed\ncompleted: 2026-11-20');
    assert.deepEqual(texas(), { earned: 19.5, required: 20, met: false });
    edit('2026/2026-06-09-insulin-pens.md', 'completed: 2026-06-31', 'completed: 2026-06-30');
    assert.deepEqual(texas(), { earned: 21, required: 20, met: true });
  });
});

describe('project files: size of the source', () => {
  const lines = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length - 1;
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));

  it('has no file in src/ over 400 lines', () => {
    const long = sources('src').filter((file) => lines(file) > 400);
    assert.deepEqual(long, []);
  });

  // Issue #10: one plain note reader, not three. Everything that turns a note's text into values and problems.
  it('keeps the note reader (fence, frontmatter, YAML tree, values, problems, note) at 1,000 lines or fewer', () => {
    const reader = ['fence', 'frontmatter', 'yaml-tree', 'values', 'problems', 'note'].map((name) => lines(`src/core/notes/${name}.ts`));
    assert.ok(reader.reduce((a, b) => a + b) <= 1000, `${reader.reduce((a, b) => a + b)} lines`);
  });
});
