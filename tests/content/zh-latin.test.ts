/**
 * A Chinese page speaks Chinese (issue 15, "Must show"): outside code, inline
 * code, component tags and imports, the Latin letters left on a /zh/ page are
 * names (src/lib/latin-names.ts) or glosses in full-width parentheses right
 * after the Chinese term. Everything else is counted per page against its
 * Chinese characters.
 *
 * Threshold: at most 2 such letters per 100 Chinese characters (0.02). A
 * Chinese paragraph is ~150 characters, so this allows about one short
 * untranslated word (a variable named in prose, "bug") per paragraph and no
 * English sentence, heading or table: the pages written as Chinese first
 * (introduction, sync-and-async) measure 0 to 0.012, while a page with an
 * English table or English labels measured 0.04 to 0.14 when this test was
 * written. The raw ratio (all Latin letters / CJK characters) is printed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latinBeyondNames, MAX_LATIN_PER_CJK } from '../../src/lib/latin-names.ts';
import { countCjk, countLatin, proseOf } from '../../src/lib/prose.ts';

const DIR = join(import.meta.dirname, '../../content/zh');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();
const report: string[] = [];

describe('Latin letters on the Chinese pages', () => {
  it('leaves names, code and glosses alone', () => {
    const prose = proseOf('结构化并发（structured concurrency）由 trio 提出，`nursery.start_soon` 是代码。');
    expect(latinBeyondNames(prose).letters).toBe(0);
    expect(latinBeyondNames(proseOf('这里有一个 bug。')).words).toEqual(['bug']);
  });

  for (const page of pages) {
    it(`zh/${page}: at most ${MAX_LATIN_PER_CJK * 100} Latin letters beyond names per 100 Chinese characters`, () => {
      const prose = proseOf(readFileSync(join(DIR, page), 'utf8'));
      const cjk = countCjk(prose);
      const beyond = latinBeyondNames(prose);
      const ratio = cjk === 0 ? 0 : beyond.letters / cjk;
      report.push(`${page.padEnd(30)} cjk ${String(cjk).padStart(5)}  latin ${String(countLatin(prose)).padStart(5)} (raw ${(countLatin(prose) / Math.max(cjk, 1)).toFixed(3)})  beyond names ${String(beyond.letters).padStart(4)} (${ratio.toFixed(3)})`);
      expect(ratio, `words to translate or put in code: ${[...new Set(beyond.words)].join(', ')}`).toBeLessThanOrEqual(MAX_LATIN_PER_CJK);
    });
  }

  afterAll(() => {
    console.log(`Latin letters on /zh/ pages (threshold ${MAX_LATIN_PER_CJK}):\n${report.join('\n')}`);
  });
});
