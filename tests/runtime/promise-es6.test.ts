import { describe, expect, it } from 'vitest';
import { runPromiseSuite } from './promise-suite.ts';

describe('ECMA-262 Promise compliance (promises-es6-tests 0.5.0)', () => {
  it('passes all 69 tests with 0 failures', async () => {
    const result = await runPromiseSuite('./es6-promise-runner.mjs');
    expect(result.failedTitles).toEqual([]);
    expect(result.failures).toBe(0);
    expect(result.passes).toBe(69);
  }, 120_000);
});
