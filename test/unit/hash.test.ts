// The short hash that names cards (core/common/hash.ts): ids are stored in review logs, so its text must never
// change. Compared with the plain JavaScript printing of the same number, over edge values and many texts.
import { strict as assert } from 'node:assert';
import { cyrb53, shortHash } from '../../src/core/common/hash';
import { random } from '../bench/common';

describe('hash: short ids', () => {
  it('prints cyrb53 as toString(36) zero-padded to 11 characters would, for 20,000 texts', () => {
    const rand = random(53);
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: Math.floor(rand() * 80) }, () => String.fromCharCode(32 + Math.floor(rand() * 0x2000))).join('');
      assert.equal(shortHash(text), cyrb53(text).toString(36).padStart(11, '0'), JSON.stringify(text));
    }
  });

  it('keeps the ids already written in review logs (printed by the first version, toString(36))', () => {
    assert.equal(shortHash(''), '0wvjl67o803');
    assert.equal(shortHash('a'), '262p94epp1d');
    assert.equal(shortHash('qa\u0000What is a Schedule II drug?'), '0bh52o7v633');
    assert.equal(shortHash('term\u0000DEA Form 222'), '05gb8pmr9v3');
  });
});
