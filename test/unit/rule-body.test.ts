// "Verify" advice names the body that sets each credential's rules: PTCB and NHA certify, they are not
// boards, so "verify with your board" sent a CPhT or CSPT holder to the wrong place.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtInRuleSets } from '../../src/core/rules/rules';
import { ruleBody, verifyWith } from '../../src/core/rules/rule-body';

const ROOT = path.resolve(__dirname, '../../..');

describe('rule body', () => {
  it('names PTCB and NHA for their credentials and a state body for each state', () => {
    const builtIn = builtInRuleSets();
    const byId = (id: string) => builtIn.find((r) => r.id === id)!;
    for (const id of ['ptcb-cpht', 'ptcb-cpht-adv', 'ptcb-cspt']) assert.equal(verifyWith(byId(id)), 'verify with PTCB');
    assert.equal(verifyWith(byId('nha-excpt')), 'verify with NHA');
    for (const r of builtIn.filter((r) => !/^(ptcb|nha)-/.test(r.id))) {
      assert.match(ruleBody(r) ?? '', /^the (Texas|Florida|Ohio|Washington|California) .*(Board of Pharmacy|Commission)$/, r.id);
    }
  });

  it('names no one for a rule set of the user\'s own', () => {
    assert.equal(ruleBody({ id: 'my-state', source: 'My state board' }), undefined);
    assert.equal(verifyWith({ id: 'my-state', source: 'My state board' }), 'verify with the body that sets these rules');
  });

  it('names no one for a rule set of the user\'s own that takes a built-in id with another source', () => {
    assert.equal(ruleBody({ id: 'ptcb-cpht', source: 'Employer handbook' }), undefined);
  });

  it('leaves no message that sends the user to "your board"', () => {
    const english = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>);
    assert.deepEqual(english.filter((m) => /your board|board or certifying body/i.test(m)), []);
  });
});

describe('rule body: the credentials picker', () => {
  it('its placeholder quotes the word that marks a rule set to verify, in English and Spanish', () => {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
    const spanish = read('l10n/bundle.l10n.es.json');
    const placeholder = Object.keys(read('l10n/bundle.l10n.json')).find((m) => m.startsWith('The credentials you hold:'))!;
    for (const [text, marker] of [[placeholder, 'verify with {0}'], [spanish[placeholder], spanish['verify with {0}']]]) {
      const quoted = /"([^"]+)"/.exec(text)?.[1];
      assert.ok(quoted && marker.startsWith(quoted), `${text} quotes the start of ${marker}`);
    }
  });
});
