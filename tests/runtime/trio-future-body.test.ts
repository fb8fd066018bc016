/** A cancel scope whose body returns a loop Future directly (not an async function) is still cancelled at its deadline. */
import { describe, expect, it } from 'vitest';
import { outputOf } from './run-source.ts';

describe('trio scopes around a bare future', () => {
  it('moveOnAfter cancels `() => sleep(300)` at 100 ms, as trio does', async () => {
    expect(await outputOf(`
      import { moveOnAfter, sleep, now } from 'miniloop';
      const s = await moveOnAfter(100, () => sleep(300));
      console.log(now(), s.cancelledCaught);
    `)).toEqual(['100 true']);
  });

  it('failAfter raises TooSlowError for a bare future that takes too long', async () => {
    expect(await outputOf(`
      import { failAfter, sleep, now, TooSlowError } from 'miniloop';
      try { await failAfter(50, () => sleep(300)); } catch (e) { console.log(now(), e instanceof TooSlowError); }
    `)).toEqual(['50 true']);
  });
});
