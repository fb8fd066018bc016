import { describe, expect, test } from 'vitest';
import { docsSchema } from '../../src/lib/docs-schema.ts';
import { contentFiles, EXPECTED_SLUGS, headings, languages, parseFrontMatter } from './content-files.ts';

const en = contentFiles('en');
const zh = contentFiles('zh');
const bySlug = (files: typeof en) => new Map(files.map((f) => [f.slug, f]));

describe('content folders', () => {
  test('have one folder per language (content/examples/ holds playground sources, not pages)', () => {
    expect(languages()).toEqual(expect.arrayContaining(['en', 'zh']));
  });

  test("both languages hold the same pages: the guide's own, and any a host added (docs/authoring.md)", () => {
    expect(en.map((f) => f.slug).sort()).toEqual(zh.map((f) => f.slug).sort());
    expect(en.map((f) => f.slug)).toEqual(expect.arrayContaining([...EXPECTED_SLUGS]));
  });
});

describe.each([...en, ...zh])('$lang/$slug', (file) => {
  test('front matter matches the schema', () => {
    const result = docsSchema.safeParse(file.frontMatter);
    expect(result.success, result.error?.message).toBe(true);
  });

  test('has a summary paragraph and section headings, and no h1 of its own (the layout renders the title)', () => {
    // MDX import lines come first; the summary is the first block after them.
    const prose = file.body.replace(/^(?:\s*import\s[^\n]*\n)+/, '');
    const firstBlock = prose.trim().split(/\n\s*\n/)[0]!;
    expect(firstBlock).not.toMatch(/^#/);
    expect(firstBlock.length).toBeGreaterThan(80);
    const hs = headings(file.body);
    expect(hs.filter((h) => h.depth === 2).length).toBeGreaterThanOrEqual(3);
    expect(hs.filter((h) => h.depth === 1)).toEqual([]);
  });
});

describe('the two languages match', () => {
  const zhBySlug = bySlug(zh);
  test.each(en)('$slug: same order, same draft state, same heading structure', (enFile) => {
    const zhFile = zhBySlug.get(enFile.slug)!;
    expect(zhFile.frontMatter.order).toBe(enFile.frontMatter.order);
    expect(zhFile.frontMatter.draft ?? false).toBe(enFile.frontMatter.draft ?? false);
    expect(headings(zhFile.body).map((h) => h.depth)).toEqual(headings(enFile.body).map((h) => h.depth));
  });

  test("the guide's pages are 1..11 in the expected reading order; pages a host adds have orders of their own", () => {
    for (const files of [en, zh]) {
      const sorted = [...files].sort((a, b) => (a.frontMatter.order as number) - (b.frontMatter.order as number));
      const guide = sorted.filter((f) => (EXPECTED_SLUGS as readonly string[]).includes(f.slug));
      expect(guide.map((f) => f.slug)).toEqual([...EXPECTED_SLUGS]);
      expect(guide.map((f) => f.frontMatter.order)).toEqual(EXPECTED_SLUGS.map((_, i) => i + 1));
      const orders = files.map((f) => f.frontMatter.order);
      expect(new Set(orders).size, 'two pages share an order').toBe(orders.length);
    }
  });

  test('the Introduction is written in full (not a draft) in both languages', () => {
    for (const files of [en, zh]) {
      const intro = bySlug(files).get('introduction')!;
      expect(intro.frontMatter.draft ?? false).toBe(false);
      expect(intro.body.length).toBeGreaterThan(2500);
    }
  });

  test('Chinese pages are written in Chinese and give key terms in English at first use', () => {
    const all = zh.map((f) => f.body).join('\n');
    for (const [term, english] of [['事件循环', 'event loop'], ['协程', 'coroutine'], ['任务', 'task'], ['取消', 'cancellation'], ['结构化并发', 'structured concurrency']]) {
      expect(all, term).toContain(`${term}（${english}）`);
    }
    for (const file of zh) {
      const han = file.body.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(han, file.slug).toBeGreaterThan(60);
    }
  });
});

describe('front matter parser', () => {
  test('reads JSON values and rejects unquoted strings and missing blocks', () => {
    expect(parseFrontMatter('---\ntitle: "A: b"\norder: 3\ndraft: true\n---\nbody').frontMatter).toEqual({ title: 'A: b', order: 3, draft: true });
    expect(() => parseFrontMatter('---\ntitle: Plain text\n---\n')).toThrow(/must be JSON/);
    expect(() => parseFrontMatter('no front matter')).toThrow(/no front matter/);
  });

  test('the schema rejects a missing title and a non-integer order', () => {
    expect(docsSchema.safeParse({ description: 'd', order: 1 }).success).toBe(false);
    expect(docsSchema.safeParse({ title: 't', description: 'd', order: 1.5 }).success).toBe(false);
    expect(docsSchema.parse({ title: 't', description: 'd', order: 2 }).draft).toBe(false);
  });

  test('headings ignore fenced code', () => {
    expect(headings('## A\n```py\n# comment\n```\n### B')).toEqual([
      { depth: 2, text: 'A' },
      { depth: 3, text: 'B' },
    ]);
  });
});
