import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('./es6-promise-runner.mjs', import.meta.url));

describe('ECMA-262 Promise compliance (promises-es6-tests 0.5.0)', () => {
  it('passes all 69 tests with 0 failures', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [runner], { maxBuffer: 16 * 1024 * 1024 }, (err, out, errOut) => {
        if (err) reject(new Error(`${err.message}\n${errOut}`));
        else resolve(out);
      });
    });
    const line = stdout.trim().split('\n').pop() ?? '';
    const result = JSON.parse(line) as { passes: number; failures: number; failedTitles: string[] };
    expect(result.failedTitles).toEqual([]);
    expect(result.failures).toBe(0);
    expect(result.passes).toBe(69);
  }, 120_000);
});
