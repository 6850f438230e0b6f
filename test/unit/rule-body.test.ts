// "Verify" advice names the body that sets each credential's rules: PTCB and NHA certify, they are not
// boards, so "verify with your board" sent a CPhT or CSPT holder to the wrong place.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_RULE_SET_IDS } from '../../src/core/rules/rules';
import { ruleBody, verifyWith } from '../../src/core/rules/rule-body';

const ROOT = path.resolve(__dirname, '../../..');

describe('rule body', () => {
  it('names PTCB and NHA for their credentials and a state body for each state', () => {
    for (const id of ['ptcb-cpht', 'ptcb-cpht-adv', 'ptcb-cspt']) assert.equal(verifyWith(id), 'verify with PTCB');
    assert.equal(verifyWith('nha-excpt'), 'verify with NHA');
    for (const id of BUILT_IN_RULE_SET_IDS.filter((i) => !/^(ptcb|nha)-/.test(i))) {
      assert.match(ruleBody(id) ?? '', /^the (Texas|Florida|Ohio|Washington|California) .*(Board of Pharmacy|Commission)$/, id);
    }
  });

  it('names no one for a rule set of the user\'s own', () => {
    assert.equal(ruleBody('my-state'), undefined);
    assert.equal(verifyWith('my-state'), 'verify with the body that sets these rules');
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
