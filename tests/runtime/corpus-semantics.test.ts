/**
 * The semantics corpus: each program exists twice, in Python (run on CPython's
 * asyncio with a virtual clock, or trio with MockClock) and in TypeScript on the
 * loop. The (virtual ms, message) lines must match: exactly for asyncio; for
 * trio, which shuffles tasks that wake at the same instant, lines sharing a
 * virtual time are compared as multisets, the buckets in order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';
import { buckets } from './python-differential.ts';

interface Expected {
  flavor: 'asyncio' | 'trio';
  lines: Array<[number, string]>;
}

const dir = join(import.meta.dirname, '../corpus/semantics');
const cases = existsSync(dir)
  ? readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'expected.json')) && existsSync(join(dir, d.name, 'main.ts')))
      .map((d) => d.name)
      .sort()
  : [];

describe('semantics corpus (expected traces from CPython asyncio and trio)', () => {
  it('has at least 25 programs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected;
      const result = await runSource(readFileSync(join(dir, name, 'main.ts'), 'utf8'));
      const actual = result.lines.map((l): [number, string] => [Math.round(l.t), l.text]);
      expect(result.problems.map((p) => p.message)).toEqual([]);
      if (expected.flavor === 'trio') expect(buckets(actual)).toEqual(buckets(expected.lines));
      else expect(actual).toEqual(expected.lines);
    });
  }
});
