/**
 * The guide's text: both languages embed the same playgrounds in the same
 * order, and none of the original article's known-wrong code comes back
 * (docs/content-plan.md, "The original's errors the guide must not repeat").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../content');
const pages = (lang: string): string[] => readdirSync(join(root, lang)).filter((f) => f.endsWith('.mdx')).sort();
const read = (...parts: string[]): string => readFileSync(join(root, ...parts), 'utf8');

/** Example ids of <Playground example="..."> and <PythonTwin file="..."> in page order. */
export function embeds(mdx: string): string[] {
  return [...mdx.matchAll(/<(Playground|PythonTwin)\s+(?:example|file)="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
}

/** Python code of a page: its ```python fences, plus every example .py file. */
function pythonSources(): Array<{ where: string; code: string }> {
  const out: Array<{ where: string; code: string }> = [];
  for (const lang of ['en', 'zh']) {
    for (const page of pages(lang)) {
      for (const m of read(lang, page).matchAll(/```py(?:thon)?\n([\s\S]*?)```/g)) out.push({ where: `${lang}/${page}`, code: m[1]! });
    }
  }
  const examples = join(root, 'examples');
  if (existsSync(examples)) {
    for (const dir of readdirSync(examples)) {
      for (const file of readdirSync(join(examples, dir)).filter((f) => f.endsWith('.py'))) {
        out.push({ where: `examples/${dir}/${file}`, code: read('examples', dir, file) });
      }
    }
  }
  return out;
}

describe('both languages', () => {
  for (const page of pages('en')) {
    it(`${page}: the same playgrounds and Python twins in the same order`, () => {
      expect(embeds(read('zh', page))).toEqual(embeds(read('en', page)));
    });
  }
});

/** Code the original article got wrong; none of it may appear in a Python listing. */
const WRONG_IN_CODE: Array<[RegExp, string]> = [
  [/@asyncio\.coroutine/, 'error 9: @asyncio.coroutine was removed in Python 3.11; use async def'],
  [/\byield from\b/, 'error 9: generator-based coroutines (yield from) are gone; use await'],
  [/get_event_loop\(\)\s*\.\s*run_until_complete|\.run_until_complete\(/, 'error 22: use asyncio.run(...)'],
  [/make_handler\(|finish_connections\(/, 'error 11: removed from aiohttp; use web.run_app or AppRunner'],
  [/aioredis\.create_redis|import aioredis/, 'error 14: aioredis is now redis.asyncio'],
  [/\bloop\s*=\s*loop\b/, 'error 11: the loop= argument was removed'],
  [/\bguess_type\(\s*request/, 'error 12: aiohttp has no guess_type'],
];

describe('no known-wrong code from the original article', () => {
  const sources = pythonSources();
  for (const [pattern, why] of WRONG_IN_CODE) {
    it(why, () => {
      expect(sources.filter((s) => pattern.test(s.code)).map((s) => s.where)).toEqual([]);
    });
  }

  it('uses of aiohttp web import it (error 11/13)', () => {
    const bad = sources.filter((s) => /\bweb\.\w+/.test(s.code) && !/from aiohttp import[^\n]*\bweb\b|import aiohttp\.web/.test(s.code));
    expect(bad.map((s) => s.where)).toEqual([]);
  });

  it('uses of json import it (error 15)', () => {
    const bad = sources.filter((s) => /\bjson\.\w+\(/.test(s.code) && !/^import json|^\s*import json/m.test(s.code));
    expect(bad.map((s) => s.where)).toEqual([]);
  });
});

/** Prose claims of the original that are false; matched case-insensitively in both languages. */
const WRONG_IN_PROSE: Array<[RegExp, string]> = [
  [/asyncio (?:was )?(?:introduced|added|arrived) in (?:python )?3\.5|python ?3\.5 (?:引入|加入)了? ?asyncio/i, 'error 2: asyncio arrived in Python 3.4'],
  [/node(?:\.js)? uses mutationobserver|node(?:\.js)? (?:使用|用) ?mutationobserver/i, 'error 7: Node does not use MutationObserver'],
  [/trio (?:is|was) (?:also )?(?:part of|in) the standard library|trio 是(?:官方|标准库)/i, 'error 1: trio is not in the standard library'],
  [/goroutines? (?:are|is) cooperative|goroutine 是协作式/i, 'error 5: goroutines are preempted'],
];

describe('no known-wrong claims from the original article', () => {
  for (const [pattern, why] of WRONG_IN_PROSE) {
    it(why, () => {
      const bad = ['en', 'zh'].flatMap((lang) => pages(lang).filter((p) => pattern.test(read(lang, p))).map((p) => `${lang}/${p}`));
      expect(bad).toEqual([]);
    });
  }
});
