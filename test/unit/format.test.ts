// The note format (core/notes/format.ts) is the one list of keys: the README table, the snippets, the template
// and the reader are checked against it here.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUDIENCES, BASE_KEYS, CATEGORIES, FORMATS, NOTE_FORMAT, NOTE_KEYS, STATUSES, keyValues, noteKeySpec } from '../../src/core/notes/format';
import { careerKeysOf } from '../../src/core/career/career-format';
import { parseNote } from '../../src/core/notes/note';
import { noteTemplate } from '../../src/core/notes/note-template';
import { TOPICS } from '../../src/core/notes/topics';

const ROOT = path.resolve(__dirname, '../../..');
const keysOf = (text: string) => [...text.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);

describe('the note format module', () => {
  const tableKeys = (text: string, header = '| key | meaning |') => {
    const table = text.slice(text.indexOf(header));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  };

  it('README\'s note-format table lists exactly the format\'s keys of every note', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.deepEqual([...tableKeys(readme)].sort(), [...BASE_KEYS].sort());
  });

  it('README\'s career tables list exactly the keys of each career type', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const career = readme.slice(readme.indexOf('## Career notes'));
    for (const type of ['certificate', 'experience', 'event', 'membership'] as const) {
      const keys = tableKeys(career, `| ${type} key | meaning |`);
      assert.deepEqual([...keys].sort(), careerKeysOf(type).sort(), type);
    }
    assert.deepEqual([...BASE_KEYS, ...new Set(['certificate', 'experience', 'event', 'membership'].flatMap((t) => careerKeysOf(t as 'event')))].filter((k, i, all) => all.indexOf(k) === i).sort(), [...NOTE_KEYS].sort());
  });

  it('the cenote snippet uses only format keys, with the format\'s allowed values and the topic keys', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/markdown.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const body = snippets['CE note'].body;
    const frontmatter = body.slice(1, body.indexOf('---', 1));
    for (const line of frontmatter) {
      const key = line.slice(0, line.indexOf(':'));
      assert.ok(NOTE_KEYS.includes(key), `snippet key ${key}`);
      const choices = /\$\{\d+\|([^|]*)\|\}/.exec(line)?.[1].split(',');
      if (!choices) continue;
      const expected = key === 'topics' ? TOPICS.map((t) => t.key) : noteKeySpec(key)?.values?.map((v) => v.value);
      assert.deepEqual([...choices].sort(), [...(expected ?? [])].sort(), key);
    }
  });

  it('the completion snippets offer the allowed values, and the template writes only format keys', () => {
    for (const spec of NOTE_FORMAT) {
      assert.ok(spec.snippet.startsWith(`${spec.key}: `), spec.key);
      const choices = /\$\{1\|([^|]*)\|\}/.exec(spec.snippet)?.[1].split(',');
      if (spec.list) continue;
      if (choices || spec.values) assert.deepEqual([...(choices ?? [])].sort(), [...(spec.values ?? []).map((v) => v.value)].sort(), spec.key);
    }
    const text = noteTemplate({ title: 'T', hours: 1, topics: ['law'], completed: '2026-01-01', uan: '0145-0000-24-101-H07-T', format: 'live', provider: 'P' });
    for (const key of keysOf(text.slice(4, text.indexOf('\n---')))) assert.ok(NOTE_KEYS.includes(key), `template key ${key}`);
  });

  it('the reader knows every key and takes every allowed value without a problem', () => {
    assert.deepEqual([STATUSES, FORMATS, AUDIENCES, CATEGORIES].map((l) => [...l].sort()), ['status', 'format', 'audience', 'category'].map((k) => noteKeySpec(k)!.values!.map((v) => v.value).sort()));
    for (const spec of NOTE_FORMAT.filter((k) => BASE_KEYS.includes(k.key))) {
      for (const { value } of spec.values ?? [{ value: '' }]) {
        const dated = spec.key !== 'status' || value === 'completed';
        const lines = ['ce_hours: 1', ...(dated ? ['completed: 2026-01-01'] : []), `${spec.key}: ${value}`].filter((l, i, all) => all.findIndex((m) => m.split(':')[0] === l.split(':')[0]) === i);
        const { note, problems } = parseNote(`---\n${lines.join('\n')}\n---\n`, 'n.md');
        assert.deepEqual([note.kind, problems.filter((p) => p.code === 'unknown-key')], ['ce', []], `${spec.key}: ${value}`);
        if (spec.values) assert.deepEqual(problems, [], `${spec.key}: ${value}`);
      }
    }
  });

  it('a misspelt format key is suggested by its right name', () => {
    for (const key of BASE_KEYS) {
      const typo = key.length >= 7 ? key.slice(0, -1) + key.slice(-1).toUpperCase() : key.toUpperCase();
      if (typo === key) continue;
      const { problems } = parseNote(`---\nce_hours: 1\n${typo}: x\n---\n`, 'n.md');
      if (key === 'ce_hours') continue;
      assert.equal(problems.find((p) => p.code === 'unknown-key')?.replacement, key, typo);
    }
  });

  // Each career type with each of its keys, every allowed value: no problem (a minimal valid note of the type).
  it('a career note takes every allowed value of its keys without a problem', () => {
    const minimal: Record<string, string[]> = {
      certificate: ['program: ptcb-cpht'],
      experience: ['start: 2022-01-01'],
      event: ['date: 2026-10-01'],
      membership: ['organization: AAPT'],
    };
    const sample: Record<string, string> = { earned: '2024-05-01', expires: '2026-05-31', start: '2022-01-01', end: '2023-01-31', date: '2026-10-01', since: '2020-01-01', renews: '2027-01-01', hours_per_week: '32', status: 'earned' };
    for (const type of Object.keys(minimal) as (keyof typeof minimal & 'event')[]) {
      for (const key of careerKeysOf(type).filter((k) => k !== 'type')) {
        for (const value of keyValues(key, type)?.map((v) => v.value) ?? [sample[key] ?? 'Some text']) {
          const lines = [`type: ${type}`, ...minimal[type].filter((l) => !l.startsWith(`${key}:`)), `${key}: ${value}`];
          const { note, problems } = parseNote(`---\n${lines.join('\n')}\n---\n`, 'n.md');
          assert.deepEqual(problems, [], `${type} ${key}: ${value}`);
          assert.equal(note.career?.type, type);
        }
      }
    }
  });

  it('a misspelt key of a career type is suggested in a note of that type, and left alone in other notes', () => {
    for (const type of ['certificate', 'experience', 'event', 'membership'] as const) {
      for (const key of careerKeysOf(type).filter((k) => !BASE_KEYS.includes(k) && k !== 'type')) {
        const typo = key.length >= 7 ? key.slice(0, -1) + key.slice(-1).toUpperCase() : key.toUpperCase();
        const inType = parseNote(`---\ntype: ${type}\n${typo}: x\n---\n`, 'n.md').problems.find((p) => p.code === 'unknown-key');
        assert.equal(inType?.replacement, key, `${type} ${typo}`);
        for (const other of ['', 'ce_hours: 1\ncompleted: 2026-01-01\n']) {
          const plain = parseNote(`---\n${other}${typo}: x\n---\n`, 'n.md').problems;
          assert.deepEqual(plain, [], `${typo} outside a ${type} note`);
        }
      }
    }
  });

  it('each snippet is found by typing the first word of its kind (ce, study, career) and keeps its old prefix', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/markdown.code-snippets'), 'utf8')) as Record<string, { prefix: string | string[] }>;
    const prefixes = (name: string) => [snippets[name].prefix].flat();
    // VS Code offers a snippet when the word typed matches one of its prefixes; a prefix that starts with the
    // word is the plainest match.
    const found = (typed: string) => Object.keys(snippets).filter((name) => prefixes(name).some((p) => p.startsWith(typed)));
    const kinds: Record<string, [string, string][]> = {
      ce: [['CE note', 'cenote']],
      study: [['Study card', 'studycard'], ['Study term', 'studyterm'], ['Study cloze', 'studycloze']],
      career: [['Certificate note', 'certificatenote'], ['Job note', 'jobnote'], ['Event note', 'eventnote'], ['Membership note', 'membershipnote']],
    };
    assert.deepEqual(Object.values(kinds).flat().map(([name]) => name).sort(), Object.keys(snippets).sort(), 'every snippet has a kind');
    for (const [typed, members] of Object.entries(kinds)) {
      for (const [name, old] of members) {
        assert.ok(found(typed).includes(name), `"${typed}" finds ${name}`);
        assert.ok(prefixes(name).includes(old), `${name} keeps ${old}`);
      }
    }
  });

  it('each career snippet writes a note of its type with only its keys and allowed values, read without a problem', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/markdown.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const byType = { certificate: 'Certificate note', experience: 'Job note', event: 'Event note', membership: 'Membership note' } as const;
    for (const [type, name] of Object.entries(byType) as [keyof typeof byType, string][]) {
      const body = snippets[name].body;
      for (const line of body.slice(1, body.indexOf('---', 1))) {
        const key = line.slice(0, line.indexOf(':'));
        assert.ok(BASE_KEYS.includes(key) || careerKeysOf(type).includes(key), `${name}: ${key}`);
        const choices = /\$\{\d+\|([^|]*)\|\}/.exec(line)?.[1].split(',');
        if (choices && key !== 'type') assert.deepEqual([...choices].sort(), [...(keyValues(key, type) ?? []).map((v) => v.value)].sort(), `${name}: ${key}`);
      }
      // As VS Code inserts it when the user only presses Tab: each placeholder keeps its default (the first choice).
      const text = body
        .join('\n')
        .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, '2026-11-30')
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$0/g, '');
      const { note, problems } = parseNote(text, 'n.md');
      assert.deepEqual(problems, [], name);
      assert.equal(note.career?.type, type, name);
    }
  });
});
