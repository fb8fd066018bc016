/** `npm run exercises:check` is part of `npm test`: every exercise's solutions pass and its starters fail, in both languages. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function check(env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'scripts/exercises-check.ts')], { cwd: root, timeout: 600_000, env: { ...process.env, ...env } }, (error, stdout) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
    });
  });
}

describe('npm run exercises:check', () => {
  it('passes on the guide and ends with the count line', async () => {
    const { code, stdout } = await check();
    const last = stdout.trim().split('\n').at(-1)!;
    const m = /^(\d+) exercises: (\d+) solutions pass, (\d+) starters fail$/.exec(last);
    expect(m, stdout).not.toBeNull();
    expect(m![2]).toBe(m![1]);
    expect(m![3]).toBe(m![1]);
    expect(code, stdout).toBe(0);
  }, 600_000);

  it('fails, naming the exercise, when a starter passes or a solution fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercises-'));
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'ok.ts'), "console.log('done');\n");
    writeFileSync(join(dir, 'demo', 'bad.ts'), "throw new Error('no');\n");
    const text = { en: 'x', zh: '某' };
    const fix = (id: string, starter: string, solution: string) => ({ id, kind: 'fix', title: text, prompt: text, hints: [text], explanation: text, starter, solution, alternatives: [], checks: [{ check: 'no-error' }] });
    writeFileSync(join(dir, 'demo.ts'), `export default ${JSON.stringify([fix('starter-passes', 'ok.ts', 'ok.ts'), fix('solution-fails', 'bad.ts', 'bad.ts'), fix('fine', 'bad.ts', 'ok.ts')])};\n`);
    const { code, stdout } = await check({ EXERCISES_ROOT: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('demo/starter-passes: MISMATCH [en] ok.ts must fail a check but passes them all');
    expect(stdout).toContain('demo/solution-fails: MISMATCH [zh] bad.ts must pass but fails');
    expect(stdout).not.toContain('demo/fine: MISMATCH');
    expect(stdout.trim().split('\n').at(-1)).toBe('3 exercises: 2 solutions pass, 2 starters fail');
  }, 600_000);
});
