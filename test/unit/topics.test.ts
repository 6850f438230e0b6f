import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isTopicKey, nearestTopic, TOPICS, topicForAcpeCode, topicInfo, topicLabel } from '../../src/core/notes/topics';

describe('topics', () => {
  it('has the vocabulary of the domain facts, with unique keys and ACPE codes 01-08', () => {
    const keys = TOPICS.map((t) => t.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const key of ['law', 'patient-safety', 'sterile-compounding', 'state-law', 'human-trafficking', 'cultural-competency', 'health-equity', 'medication-errors', 'hazardous-drugs']) {
      assert.ok(isTopicKey(key), key);
    }
    const codes = TOPICS.flatMap((t) => (t.acpeCode ? [t.acpeCode] : [])).sort();
    assert.deepEqual(codes, ['01', '02', '03', '04', '05', '06', '07', '08']);
  });

  it('maps ACPE topic codes to keys', () => {
    assert.equal(topicForAcpeCode('03'), 'law');
    assert.equal(topicForAcpeCode('05'), 'patient-safety');
    assert.equal(topicForAcpeCode('07'), 'compounding');
    assert.equal(topicForAcpeCode('99'), undefined);
    assert.equal(topicForAcpeCode('3'), undefined);
  });

  it('labels known keys and shows unknown ones as written', () => {
    assert.equal(topicLabel('law'), 'Pharmacy law');
    assert.equal(topicLabel('oncology'), 'oncology');
    assert.equal(topicInfo('law')?.acpeCode, '03');
    assert.equal(topicInfo('nope'), undefined);
  });

  it('nearestTopic of a key is the key itself (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...TOPICS.map((t) => t.key)), (key) => assert.equal(nearestTopic(key), key)));
  });

  it('nearestTopic fixes typos, spacing, case and labels', () => {
    assert.equal(nearestTopic('pharmacy-lw'), 'law');
    assert.equal(nearestTopic('Patient Safety'), 'patient-safety');
    assert.equal(nearestTopic('patient_safety'), 'patient-safety');
    assert.equal(nearestTopic('pateint-safety'), 'patient-safety');
    assert.equal(nearestTopic('compundng'), 'compounding');
    assert.equal(nearestTopic('Pharmacy law'), 'law');
    assert.equal(nearestTopic('immunization'), 'immunizations');
  });

  it('nearestTopic suggests nothing for words far from every key', () => {
    for (const word of ['oncology', 'veterinary', 'xyzzy', 'nutrition-support']) assert.equal(nearestTopic(word), undefined, word);
  });

  it('nearestTopic never throws and returns a known key or nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const near = nearestTopic(s);
        assert.ok(near === undefined || isTopicKey(near));
      }),
    );
  });

  it('suggests a topic by its key or its label, and nothing for a word far from both', () => {
    assert.equal(nearestTopic('hazardus-drugs'), 'hazardous-drugs');
    assert.equal(nearestTopic('Patient Safty'), 'patient-safety');
    assert.equal(nearestTopic('pharmacy law'), 'law');
    assert.equal(nearestTopic('xyz'), undefined);
  });
});
