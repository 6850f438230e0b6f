import { strict as assert } from 'node:assert';
import { applyEdits, parse } from 'jsonc-parser/lib/esm/main';
import { credentialsFileEdits, newCredentialsFile } from '../../src/features/commands/credentials-file';

const edit = (text: string, chosen: { ruleSet: string; cycleEnd: string }[]) => applyEdits(text, credentialsFileEdits(text, chosen));

describe('Set Up Credentials file edits', () => {
  it('creates a pretty-printed file', () => {
    const text = newCredentialsFile([{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]);
    assert.equal(text, '{\n  "credentials": [\n    {\n      "ruleSet": "ptcb-cpht",\n      "cycleEnd": "2027-03-31"\n    }\n  ]\n}\n');
  });

  it('updates a chosen entry in place and keeps comments, ids, labels and other keys', () => {
    const text = [
      '{',
      '  // my credentials',
      '  "credentials": [',
      '    { "ruleSet": "ptcb-cpht", "cycleEnd": "2025-03-31" }, // CPhT',
      '    { "id": "tx", "ruleSet": "tx-technician", "cycleEnd": "2026-12-31", "label": "Texas registration" }',
      '  ],',
      '  "exclude": ["templates/**"]',
      '}',
      '',
    ].join('\n');
    const out = edit(text, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'tx-technician', cycleEnd: '2028-12-31' },
    ]);
    assert.equal(out, text.replace('2025-03-31', '2027-03-31').replace('2026-12-31', '2028-12-31'));
  });

  it('removes entries not chosen and appends new ones', () => {
    const text = '{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },\n    { "ruleSet": "nha-excpt", "cycleEnd": "2026-01-31" }\n  ],\n  "exclude": []\n}\n';
    const out = edit(text, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
    ]);
    const data = parse(out);
    assert.deepEqual(data.credentials, [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { ruleSet: 'ca-technician', cycleEnd: '2027-06-30' },
    ]);
    assert.deepEqual(data.exclude, []);
    assert.equal(
      out,
      '{\n  "credentials": [\n    { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" },\n    { "ruleSet": "ca-technician", "cycleEnd": "2027-06-30" }\n  ],\n  "exclude": []\n}\n',
    );
  });

  it('removes a middle entry with its own comment and keeps the others byte for byte', () => {
    const text = '{\n  "credentials": [\n    { "ruleSet": "a", "cycleEnd": "2027-01-31" }, // A\n    { "ruleSet": "b", "cycleEnd": "2027-01-31" }, // B\n    { "ruleSet": "c", "cycleEnd": "2027-01-31" } // C\n  ]\n}\n';
    const out = edit(text, [
      { ruleSet: 'a', cycleEnd: '2027-01-31' },
      { ruleSet: 'c', cycleEnd: '2027-01-31' },
    ]);
    assert.equal(out, '{\n  "credentials": [\n    { "ruleSet": "a", "cycleEnd": "2027-01-31" }, // A\n    { "ruleSet": "c", "cycleEnd": "2027-01-31" } // C\n  ]\n}\n');
  });

  it('adds a credentials list to a file without one, and keeps CRLF', () => {
    const text = '{\r\n  "exclude": ["x/**"]\r\n}\r\n';
    const out = edit(text, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]);
    assert.deepEqual(parse(out), { exclude: ['x/**'], credentials: [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }] });
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('makes no edit when nothing changes, and refuses a file that is not an object', () => {
    const text = '{ "credentials": [ { "ruleSet": "ptcb-cpht", "cycleEnd": "2027-03-31" } ] }';
    assert.deepEqual(credentialsFileEdits(text, [{ ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' }]), []);
    assert.throws(() => credentialsFileEdits('[1, 2]', []), /not a JSON object/);
  });
});
