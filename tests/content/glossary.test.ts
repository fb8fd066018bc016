/**
 * One glossary for both languages (issue 15.5): src/lib/glossary.ts is the
 * data, docs/glossary.md the same list for people. No page uses a spelling the
 * glossary rejects in its prose (src/lib/prose.ts strips code and markup).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, rejectedTerms } from '../../src/lib/glossary.ts';
import { proseOf } from '../../src/lib/prose.ts';

const ROOT = join(import.meta.dirname, '../..');
const pages = (lang: string): string[] => readdirSync(join(ROOT, 'content', lang)).filter((f) => f.endsWith('.mdx')).sort();

describe('the glossary', () => {
  const md = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
  it('docs/glossary.md lists every term of src/lib/glossary.ts with its rendering', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    const missing = GLOSSARY.filter((t) => !rows.some((r) => r.includes(`| ${t.en.replace(/\|/g, '\\|')} | ${t.zh} |`))).map((t) => t.en);
    expect(missing).toEqual([]);
    expect(rows.length - 1).toBe(GLOSSARY.length); // the header row and one row per term
  });

  it('catches a rejected term in prose but not in code', () => {
    const page = '在线示例里用了 `毫秒` 这个词。\n\n```ts\n// 毫秒\n```\n\n等待 100 毫秒。';
    expect(rejectedTerms(proseOf(page), 'zh')).toEqual(["'毫秒' (use ms)"]);
    expect(rejectedTerms(proseOf('<Playground example="a/b" />\nimport Playground from "x";'), 'zh')).toEqual([]);
  });
});

describe('pages use the glossary terms', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const page of pages(lang)) {
      it(`${lang}/${page}: no rejected term outside code`, () => {
        expect(rejectedTerms(proseOf(readFileSync(join(ROOT, 'content', lang, page), 'utf8')), lang)).toEqual([]);
      });
    }
  }
});
