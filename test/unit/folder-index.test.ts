import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FolderIndex, resolveRelative } from '../../src/core/index/folder-index';

const AS_OF = '2026-11-25';
const CONFIG = JSON.stringify({
  credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }],
  exclude: ['templates/**', 'drafts/*.md'],
});

function ceNote(hours: number, extra = ''): string {
  return `---\ntitle: Course\nce_hours: ${hours}\ncompleted: 2026-01-15\n${extra}---\nBody.\n`;
}

function fresh(): FolderIndex {
  return withConfig(CONFIG);
}

/** `undefined`: the folder has no config file. */
function withConfig(config: string | undefined): FolderIndex {
  const ws = new FolderIndex();
  ws.setConfig(config, AS_OF);
  return ws;
}

describe('FolderIndex: notes keyed by path and content', () => {
  it('skips a note whose text is unchanged: no re-parse, no new version', () => {
    const ws = fresh();
    assert.equal(ws.setNote('a.md', ceNote(2)), true);
    const parsed = ws.getNote('a.md');
    const version = ws.version;
    assert.equal(ws.setNote('a.md', ceNote(2)), false);
    // The same object: the parser did not run again.
    assert.equal(ws.getNote('a.md'), parsed);
    assert.equal(ws.version, version);
  });

  it('re-parses a note whose text changed, even to one of the same length', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2));
    const before = ws.getNote('a.md');
    const version = ws.version;
    assert.equal(ws.setNote('a.md', ceNote(3)), true);
    assert.notEqual(ws.getNote('a.md'), before);
    assert.ok(ws.version > version);
    const note = ws.getNote('a.md');
    assert.equal(note?.kind === 'ce' ? note.hours : undefined, 3);
  });

  it('deletes a note: gone from notes, problems and evaluation; deleting twice is a no-op', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2));
    ws.setNote('b.md', ceNote(-1));
    assert.ok(ws.problems().some((p) => p.file === 'b.md' && p.severity === 'error'));
    assert.equal(ws.deleteNote('b.md'), true);
    assert.equal(ws.deleteNote('b.md'), false);
    assert.equal(ws.hasNote('b.md'), false);
    assert.deepEqual(ws.problems().filter((p) => p.file === 'b.md'), []);
    assert.deepEqual(ws.notes().map((n) => n.path), ['a.md']);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 2);
  });

  it('lists a file that could not be read as unreadable, with the reason as its problem, and counts it for nothing', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2));
    ws.setNote('b.md', ceNote(3));
    assert.equal(ws.setUnreadable('b.md', 'Could not read this file (permission denied); it is not counted.'), true);
    assert.equal(ws.getNote('b.md')?.kind, 'broken');
    assert.deepEqual(ws.problemsFor('b.md').map((p) => [p.line, p.severity, p.code, p.message]), [[1, 'error', 'unreadable', 'Could not read this file (permission denied); it is not counted.']]);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 2);
    // Readable again: read as any note.
    assert.equal(ws.setNote('b.md', ceNote(3)), true);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 5);
  });

  it('lists notes sorted by path whatever the insertion order (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?\.md$/), { maxLength: 12 }), (paths) => {
        const ws = fresh();
        for (const p of paths) ws.setNote(p, ceNote(1));
        const listed = ws.notes().map((n) => n.path);
        return JSON.stringify(listed) === JSON.stringify([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
    );
  });

  it('gives the same evaluation whatever order the notes arrive in (property)', () => {
    const notes: [string, string][] = [
      ['law.md', ceNote(1, 'topics: [law]\n')],
      ['safety.md', ceNote(2, 'topics: [patient-safety]\n')],
      ['rx.md', ceNote(6, 'audience: pharmacist\n')],
      ['store.md', ceNote(2, 'category: in-service\n')],
      ['bad.md', ceNote(-2)],
      ['plan.md', '---\nce_hours: 1\nstatus: planned\n---\n'],
    ];
    const expected = (() => {
      const ws = fresh();
      for (const [p, t] of notes) ws.setNote(p, t);
      return JSON.stringify(ws.evaluate(AS_OF));
    })();
    fc.assert(
      fc.property(fc.shuffledSubarray(notes, { minLength: notes.length }), (order) => {
        const ws = fresh();
        for (const [p, t] of order) ws.setNote(p, t);
        return JSON.stringify(ws.evaluate(AS_OF)) === expected;
      }),
    );
  });

  it('keeps a malformed note from stopping the others counting', () => {
    const ws = fresh();
    ws.setNote('good.md', ceNote(3));
    ws.setNote('broken.md', '---\nce_hours: [2\ncompleted: 2026-01-10\n---\n');
    ws.setNote('binary.md', '\u0000\u0001\u0002PNG\u0000');
    const [cpht] = ws.evaluate(AS_OF);
    assert.equal(cpht.hours.earned, 3);
    const broken = ws.problemsFor('broken.md');
    assert.ok(broken.some((p) => p.severity === 'error' && p.line >= 2), JSON.stringify(broken));
  });
});

describe('FolderIndex: include and exclude', () => {
  it('follows the config: **/*.md minus excluded globs, never node_modules or .git', () => {
    const ws = fresh();
    assert.equal(ws.isNotePath('notes/a.md'), true);
    assert.equal(ws.isNotePath('a.md'), true);
    assert.equal(ws.isNotePath('notes/a.txt'), false);
    assert.equal(ws.isNotePath('templates/ce.md'), false);
    assert.equal(ws.isNotePath('templates/sub/ce.md'), false);
    assert.equal(ws.isNotePath('drafts/x.md'), false);
    assert.equal(ws.isNotePath('drafts/deeper/x.md'), true);
    assert.equal(ws.isNotePath('node_modules/pkg/README.md'), false);
    assert.equal(ws.isNotePath('sub/node_modules/pkg/README.md'), false);
    assert.equal(ws.isNotePath('.git/x.md'), false);
  });

  it('uses include globs from the config, and the options when the config names none', () => {
    const ws = withConfig(JSON.stringify({ credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }], include: ['ce/**/*.md'] }));
    assert.equal(ws.isNotePath('ce/2026/a.md'), true);
    assert.equal(ws.isNotePath('journal/a.md'), false);
    const withSetting = new FolderIndex({ defaultInclude: ['notes/*.md'], extraExclude: ['notes/private.md'] });
    withSetting.setConfig(undefined, AS_OF);
    assert.equal(withSetting.isNotePath('notes/a.md'), true);
    assert.equal(withSetting.isNotePath('other/a.md'), false);
    assert.equal(withSetting.isNotePath('notes/private.md'), false);
  });

  it('returns false from setConfig when neither text nor date changed', () => {
    const ws = fresh();
    const version = ws.version;
    assert.equal(ws.setConfig(CONFIG, AS_OF), false);
    assert.equal(ws.version, version);
    assert.equal(ws.setConfig(CONFIG, '2026-11-26'), true);
  });

  it('applies the built-in default credential without a config, and reports a broken config', () => {
    const none = withConfig(undefined);
    assert.equal(none.config.fromFile, false);
    assert.equal(none.config.credentials.length, 1);
    assert.equal(none.config.credentials[0].ruleSetId, 'ptcb-cpht');
    const broken = withConfig('{ "credentials": [ }');
    assert.ok(broken.configProblems().length > 0);
    assert.ok(broken.problems().some((p) => p.file === '.pharmacy-ce.json' && p.severity === 'error'));
    assert.equal(broken.config.credentials[0]?.ruleSetId, 'ptcb-cpht');
  });
});

describe('FolderIndex: certificates', () => {
  const withCertificate = ceNote(1, 'certificate: ../certificates/law.pdf\n');

  it('resolves the certificate against the note folder', () => {
    const ws = fresh();
    ws.setNote('notes/2026/law.md', withCertificate);
    assert.deepEqual(ws.certificateTarget('notes/2026/law.md'), { path: 'notes/certificates/law.pdf', outside: false });
    ws.setNote('law.md', withCertificate);
    assert.deepEqual(ws.certificateTarget('law.md'), { path: '', outside: true }, 'outside: no path that would look inside');
    ws.setNote('plain.md', ceNote(1));
    assert.equal(ws.certificateTarget('plain.md'), undefined);
  });

  it('reports a missing certificate as a warning on the certificate line, and drops it once found', () => {
    const ws = fresh();
    ws.setNote('notes/law.md', withCertificate);
    assert.deepEqual(ws.problemsFor('notes/law.md'), []);
    assert.equal(ws.setCertificateExists('notes/law.md', false), true);
    assert.equal(ws.setCertificateExists('notes/law.md', false), false);
    const [missing] = ws.problemsFor('notes/law.md');
    assert.equal(missing.code, 'certificate-missing');
    assert.equal(missing.severity, 'warning');
    assert.equal(missing.line, 5); // ---, title, ce_hours, completed, certificate
    assert.deepEqual(ws.missingCertificates(), ['notes/law.md']);
    ws.setCertificateExists('notes/law.md', true);
    assert.deepEqual(ws.problemsFor('notes/law.md'), []);
    // A missing certificate is a warning: the note still counts.
    ws.setCertificateExists('notes/law.md', false);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 1);
  });

  it('keeps the existence check when the note changes but its certificate does not, and forgets it when it does', () => {
    const ws = fresh();
    ws.setNote('notes/law.md', withCertificate);
    ws.setCertificateExists('notes/law.md', false);
    ws.setNote('notes/law.md', withCertificate.replace('Body.', 'Body, edited.'));
    assert.deepEqual(ws.missingCertificates(), ['notes/law.md']);
    ws.setNote('notes/law.md', withCertificate.replace('law.pdf', 'law-2026.pdf'));
    assert.deepEqual(ws.missingCertificates(), []);
  });

  it('warns at the value about a certificate path that is absolute or leaves the folder, and never records it as checked', () => {
    const cases = ['../../etc/passwd', '/etc/passwd', '//host/share/x.pdf', 'C:\\x.pdf', '\\\\host\\x.pdf', 'C:x.pdf', 'file:///etc/passwd'];
    for (const value of cases) {
      const ws = fresh();
      const yamlValue = value.includes('\\') ? `'${value}'` : value;
      ws.setNote('notes/law.md', ceNote(1, `certificate: ${yamlValue}\n`));
      const problems = ws.problemsFor('notes/law.md');
      const outside = problems.find((p) => p.code === 'certificate-outside');
      assert.ok(outside, `${value}: ${JSON.stringify(problems)}`);
      assert.equal(outside.severity, 'warning');
      assert.equal(outside.line, 5);
      assert.equal(outside.column, yamlValue === value ? 14 : 15, value);
      assert.match(outside.message, /outside the notes folder/);
      assert.equal(ws.certificateTarget('notes/law.md')?.outside, true, value);
      assert.equal(ws.setCertificateExists('notes/law.md', false), false, 'an outside certificate is never recorded as looked up');
      assert.deepEqual(ws.missingCertificates(), []);
      assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 1, 'the note still counts');
    }
    const ws = fresh();
    ws.setNote('notes/law.md', ceNote(1, 'certificate: ../certificates/law.pdf\n'));
    assert.deepEqual(ws.problemsFor('notes/law.md'), [], 'a relative path inside the folder is fine');
  });
});

describe('resolveRelative: absolute and escaping paths', () => {
  it('marks every absolute form and every escape as outside, with no path', () => {
    for (const target of ['/x', '\\x', '//host/x', '\\\\host\\x', 'C:\\x', 'c:/x', 'C:x', 'https://example.com/x.pdf', '../x', 'a/../../x']) {
      assert.deepEqual(resolveRelative('a.md', target), { path: '', outside: true }, target);
    }
    assert.deepEqual(resolveRelative('notes/a.md', '../certs/x.pdf'), { path: 'certs/x.pdf', outside: false });
    assert.deepEqual(resolveRelative('notes/a.md', 'x:y.pdf'.replace('x:', 'xy')), { path: 'notes/xyy.pdf', outside: false });
  });
});

describe('FolderIndex: memoized evaluation', () => {
  it('returns the same result until something changes', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2));
    const first = ws.evaluate(AS_OF);
    assert.equal(ws.evaluate(AS_OF), first);
    ws.setNote('a.md', ceNote(2)); // unchanged text
    assert.equal(ws.evaluate(AS_OF), first);
  });

  it('recomputes after a note change, a delete, a config change or another date', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2, 'certificate: a.pdf\n'));
    let last = ws.evaluate(AS_OF);
    const changes: [string, () => void][] = [
      ['new note', () => ws.setNote('b.md', ceNote(3))],
      ['hours', () => ws.setNote('b.md', ceNote(4))],
      ['topics', () => ws.setNote('b.md', ceNote(4, 'topics: [law]\n'))],
      ['delete', () => ws.deleteNote('b.md')],
      ['config', () => ws.setConfig(CONFIG.replace('2027-03-31', '2027-06-30'), AS_OF)],
    ];
    for (const [what, change] of changes) {
      change();
      const next = ws.evaluate(AS_OF);
      assert.notEqual(next, last, what);
      last = next;
    }
    assert.notEqual(ws.evaluate('2026-12-01'), last);
    assert.equal(ws.evaluate(AS_OF).length, 1);
  });

  it('keeps the evaluation through a title edit or a certificate check, which cannot change it', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2, 'certificate: a.pdf\n'));
    const first = ws.evaluate(AS_OF);
    const version = ws.version;
    assert.equal(ws.setNote('a.md', ceNote(2, 'certificate: a.pdf\n').replace('title: Course', 'title: Course, renamed')), true);
    assert.equal(ws.setCertificateExists('a.md', false), true);
    assert.ok(ws.version > version, 'listeners still hear of the change');
    assert.equal(ws.evaluate(AS_OF), first);
    assert.equal(ws.problemsFor('a.md')[0]?.code, 'certificate-missing');
  });

  it('gives the same evaluation and problems as a fresh index after any series of edits (property)', () => {
    const variants = [
      ceNote(1),
      ceNote(1).replace('Body.', 'Other body.'),
      ceNote(2),
      ceNote(2, 'topics: [law]\n'),
      ceNote(2, 'audience: pharmacist\n'),
      ceNote(-1),
      ceNote(3, 'status: planned\n'),
      ceNote(1, 'category: in-service\n'),
      '# study card\n',
      '---\nce_hours: [1\n---\n',
    ];
    const edit = fc.record({ path: fc.constantFrom('a.md', 'b.md', 'c/d.md'), variant: fc.nat(variants.length - 1), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const ws = fresh();
        const current = new Map<string, string>();
        for (const e of edits) {
          if (e.remove) {
            ws.deleteNote(e.path);
            current.delete(e.path);
          } else {
            ws.setNote(e.path, variants[e.variant]);
            current.set(e.path, variants[e.variant]);
          }
          ws.evaluate(AS_OF); // memoize at every step, as the extension does
        }
        const rebuilt = fresh();
        for (const [p, t] of current) rebuilt.setNote(p, t);
        assert.deepEqual(ws.evaluate(AS_OF), rebuilt.evaluate(AS_OF));
        assert.deepEqual(ws.problems(), rebuilt.problems());
        assert.deepEqual(ws.notes().map((n) => n.path), rebuilt.notes().map((n) => n.path));
      }),
    );
  });

  it('hands out a fresh problems array each time', () => {
    const ws = fresh();
    ws.setNote('bad.md', ceNote(-1));
    const first = ws.problems();
    first.length = 0;
    assert.ok(ws.problems().length > 0);
  });

  it('reflects edits in the figures', () => {
    const ws = fresh();
    ws.setNote('a.md', ceNote(2));
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 2);
    ws.setNote('a.md', ceNote(5));
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 5);
    ws.clearNotes();
    assert.equal(ws.size, 0);
    assert.equal(ws.evaluate(AS_OF)[0].hours.earned, 0);
  });
});

describe('workspace helpers', () => {
  it('resolveRelative handles ., .., absolute paths and backslashes', () => {
    assert.deepEqual(resolveRelative('a/b/note.md', './c.pdf'), { path: 'a/b/c.pdf', outside: false });
    assert.deepEqual(resolveRelative('a/b/note.md', '../../c.pdf'), { path: 'c.pdf', outside: false });
    assert.deepEqual(resolveRelative('a/note.md', '../../c.pdf'), { path: '', outside: true });
    assert.deepEqual(resolveRelative('a/note.md', '..\\certs\\c.pdf'), { path: 'certs/c.pdf', outside: false });
    assert.equal(resolveRelative('a/note.md', '/etc/c.pdf').outside, true);
  });
});
