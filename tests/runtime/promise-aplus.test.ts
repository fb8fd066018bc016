import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('./aplus-runner.mjs', import.meta.url));

describe('Promises/A+ conformance (promises-aplus-tests 2.1.2)', () => {
  it('passes all 872 tests with 0 failures', async () => {
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
    expect(result.passes).toBe(872);
  }, 120_000);
});
