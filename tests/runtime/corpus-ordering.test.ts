/**
 * The ordering corpus: small programs using only standard JavaScript async
 * features, whose expected output was produced by real Node 22
 * (scripts/corpus/gen-ordering.mjs). The loop must print the same lines in the
 * same order.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const dir = join(import.meta.dirname, '../corpus/ordering');
const programs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort() : [];

describe('ordering corpus (expected output from real Node)', () => {
  it('has at least 30 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of programs) {
    const expectedFile = join(dir, file.replace(/\.js$/, '.out'));
    it.skipIf(!existsSync(expectedFile))(file, async () => {
      const result = await runSource(readFileSync(join(dir, file), 'utf8'));
      expect(result.problems.map((p) => p.message)).toEqual([]);
      const actual = result.lines.map((l) => l.text).join('\n');
      expect(actual).toBe(readFileSync(expectedFile, 'utf8').replace(/\n$/, ''));
    });
  }
});
