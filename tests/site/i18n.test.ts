import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { uiStrings, useTranslations, type UiKey } from '../../src/i18n/t.ts';
import { ROOT } from './content-files.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  test('both languages define the same keys, all non-empty, with flat dotted names', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const table of [en, zh]) {
      for (const [key, value] of Object.entries(table)) {
        expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  test('translations keep the same {placeholders}', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });

  test('Chinese strings are translated, not copied', () => {
    const same = (Object.keys(uiStrings.en) as UiKey[]).filter((key) => uiStrings.en[key] === uiStrings.zh[key]);
    expect(same).toEqual([]);
  });

  test('t() fills placeholders and picks the language', () => {
    expect(useTranslations('en')('search.results', { count: 3 })).toBe('3 results');
    expect(useTranslations('zh')('search.results', { count: 3 })).toBe('共 3 条结果');
    expect(useTranslations('zh')('pager.next')).toBe('下一篇');
  });

  test("every t('key') used by the site's chrome exists", () => {
    const sources = ['components', 'src/layouts', 'src/pages'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(astro|ts)$/.test(name))
        .map((name) => readFileSync(join(ROOT, dir, name), 'utf8')),
    );
    const used = new Set(sources.flatMap((text) => [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.keys(uiStrings.en), key).toContain(key);
  });
});
