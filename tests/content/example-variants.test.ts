/**
 * A language variant of an example (content/examples/<page>/<name>.zh.ts) is
 * the same program as <name>.ts (issue 15.2): the same tokens once strings and
 * comments are set aside, and when run, the same number of output lines at the
 * same virtual times. Only the words differ.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, runExample } from '../../scripts/content/examples.ts';
import { programShape, shapeDifference } from '../../scripts/content/variants.ts';
import { readFileSync } from 'node:fs';

const ROOT = join(import.meta.dirname, '../..');
const variants = exampleFiles(ROOT).filter((f) => f.lang);

describe('program shape', () => {
  it('ignores strings, templates and comments, and nothing else', () => {
    const en = 'const n = 2; // two\nconsole.log(`${n} tasks`, "done");';
    const zh = 'const n = 2; // 两个\nconsole.log(`${n} 个任务`, "完成");';
    expect(shapeDifference(en, zh)).toBeUndefined();
    expect(shapeDifference(en, zh.replace('2', '3'))).toMatch(/token 4/);
    expect(programShape('`a${`b${c}`}d`')).toEqual(['`…${', '`…${', 'c', '}…`', '}…`']);
  });
});

describe('language variants of the examples', () => {
  it('there is at least one variant', () => {
    expect(variants.length).toBeGreaterThan(0);
  });

  for (const variant of variants) {
    const base = exampleFiles(ROOT).find((f) => f.id === variant.id && !f.lang);
    it(`${variant.id}.${variant.lang}.ts is the same program as ${variant.id}.ts`, async () => {
      expect(base, `${variant.id}.${variant.lang}.ts has no ${variant.id}.ts`).toBeDefined();
      expect(shapeDifference(readFileSync(base!.source, 'utf8'), readFileSync(variant.source, 'utf8'))).toBeUndefined();
      const [a, b] = await Promise.all([runExample(ROOT, base!), runExample(ROOT, variant)]);
      if (!a.ok || !b.ok) throw new Error(`${!a.ok ? a.where + ': ' + a.message : ''} ${!b.ok ? b.where + ': ' + b.message : ''}`);
      expect(b.times, 'the same number of lines at the same virtual times').toEqual(a.times);
      expect(existsSync(variant.out), `${variant.id}.${variant.lang}.out is missing: npm run examples:update ${variant.id}`).toBe(true);
    });
  }
});
