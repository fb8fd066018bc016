import { describe, expect, it } from 'vitest';
import { runPromiseSuite } from './promise-suite.ts';

describe('Promises/A+ conformance (promises-aplus-tests 2.1.2)', () => {
  it('passes all 872 tests with 0 failures', async () => {
    const result = await runPromiseSuite('./aplus-runner.mjs');
    expect(result.failedTitles).toEqual([]);
    expect(result.failures).toBe(0);
    expect(result.passes).toBe(872);
  }, 120_000);
});
