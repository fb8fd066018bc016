/**
 * Every Python twin that can run here runs (issue 19.11), on a virtual clock
 * (scripts/twins/run_twin.py), and prints exactly its <name>.py.out, which
 * `npm run twins:update` writes. A twin that cannot run here (no interpreter
 * with its imports, or it needs a server or the internet) is skipped with the
 * reason printed. Where the page says the twin is the same program as its
 * playground (relation "same", the default) and the twin prints times, they
 * are the times the playground prints (its .out) - for asyncio and plain
 * Python; trio orders tasks ready at one instant at random, so a trio twin's
 * times may legitimately differ from the playground's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTwins, outFile, runTwinAsync } from '../../scripts/twins/twins.ts';
import { twinUsages } from './twin-usages.ts';

const twins = allTwins();
const runnable = twins.filter((t) => t.python);
const skipped = twins.filter((t) => !t.python);
if (skipped.length) console.log(`Python twins not run here:\n${skipped.map((t) => `  ${t.id}: ${t.skip}`).join('\n')}`);

/** Relation each page gives a twin (both languages agree: python-twin-labels.test.ts). */
const relation = new Map(twinUsages('en').map((u) => [u.file, u.relation ?? 'same']));
const times = (text: string): string[] => text.match(/\b\d+(?:\.\d+)? ms\b/g) ?? [];

describe('Python twins', () => {
  it('there are twins, and most of them run here', () => {
    expect(twins.length).toBeGreaterThan(30);
  });

  describe.skipIf(runnable.length === 0)('run on a virtual clock', () => {
    it.concurrent.each(runnable.map((t) => [t.id, t] as const))('%s prints its .py.out', async (_id, plan) => {
      const file = outFile(plan);
      if (!existsSync(file)) throw new Error(`${plan.id}: no ${file.split('/').slice(-2).join('/')}; run npm run twins:update ${plan.id}`);
      const actual = await runTwinAsync(plan);
      expect(actual, `${plan.id} printed something else: check the change, then npm run twins:update ${plan.id}`).toBe(readFileSync(file, 'utf8'));
    });
  });

  it('a twin that is "the same program" prints the times its playground prints', () => {
    const wrong: string[] = [];
    for (const plan of twins.filter((t) => t.flavor !== 'trio' && relation.get(t.id) === 'same' && existsSync(outFile(t)))) {
      const py = times(readFileSync(outFile(plan), 'utf8'));
      const tsOut = join(plan.file.replace(/\.py$/, '.out'));
      if (py.length === 0 || !existsSync(tsOut)) continue;
      const ts = times(readFileSync(tsOut, 'utf8'));
      if (py.join(',') !== ts.join(',')) wrong.push(`${plan.id}: Python ${py.join(', ')} / playground ${ts.join(', ')}`);
    }
    expect(wrong, 'make them the same program, or mark the twin relation="counterpart" on both pages').toEqual([]);
  });
});
