// The index service's update loop (src/services/each-limited.ts): one item that throws never stops the others.
import assert from 'node:assert/strict';
import { forEachLimited, settleEachLimited } from '../../src/services/each-limited';

describe('settleEachLimited', () => {
  it('runs every item even when some throw, and hands each failure to onError', async () => {
    const done: number[] = [];
    const failed: number[] = [];
    await settleEachLimited(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        await new Promise((resolve) => setTimeout(resolve, 5 - n));
        if (n % 2 === 0) throw new Error(`bad ${n}`);
        done.push(n);
      },
      (n, error) => {
        assert.match(String(error), new RegExp(`bad ${n}`));
        failed.push(n);
      },
    );
    assert.deepEqual(done.sort(), [1, 3, 5]);
    assert.deepEqual(failed.sort(), [2, 4]);
  });

  it('keeps at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await forEachLimited(Array.from({ length: 20 }, (_, i) => i), 3, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
    });
    assert.equal(most, 3);
  });
});
