// Static checks on both builds: every page exists with the right lang and
// hreflang, nothing is loaded from another host, every internal link and
// asset resolves under the base path, and page-load JS stays in budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { contentSlugs, LANGS } from './harness.ts';
import { BUDGET_BYTES, measurePages } from '../../scripts/size.mjs';

const sites = inject('sites');
const slugs = contentSlugs();

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** Tags whose URL attribute makes the browser fetch something. */
const LOADING_TAGS = /<(script|link|img|source|iframe|video|audio|embed|object|track|image|use)\b[^>]*>/gi;
const URL_ATTRS = /\s(src|href|srcset|poster|data|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** <link rel> values that are hints, not loads. */
const NON_LOADING_RELS = /\brel\s*=\s*["']?(alternate|canonical|sitemap)\b/i;

describe.each(sites)('dist built with base $base', (site) => {
  const html = filesUnder(site.dir, '.html');
  const css = filesUnder(site.dir, '.css');

  test('every guide page exists in both languages with lang and hreflang right', () => {
    expect(slugs).toHaveLength(11);
    for (const { lang, htmlLang } of LANGS) {
      for (const slug of slugs) {
        const file = join(site.dir, lang, slug, 'index.html');
        expect(existsSync(file), file).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text).toContain(`<html lang="${htmlLang}"`);
        for (const [hreflang, l] of [['en', 'en'], ['zh-CN', 'zh'], ['x-default', 'en']]) {
          expect(text, `${file} ${hreflang}`).toMatch(
            new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="https?://[^"/]+${site.base}${l}/${slug}/"`),
          );
        }
      }
    }
  });

  test('the Pagefind bundle and a sitemap listing both languages are there', () => {
    expect(existsSync(join(site.dir, 'pagefind/pagefind.js'))).toBe(true);
    const sitemap = readFileSync(join(site.dir, 'sitemap-0.xml'), 'utf8');
    for (const { lang } of LANGS) for (const slug of slugs) expect(sitemap).toContain(`${site.base}${lang}/${slug}/</loc>`);
    expect(sitemap).toContain('hreflang="zh-CN"');
  });

  test('no HTML or CSS file loads anything from another host', () => {
    const offenders: string[] = [];
    for (const file of html) {
      const text = readFileSync(file, 'utf8');
      for (const [tag] of text.matchAll(LOADING_TAGS)) {
        if (/^<link/i.test(tag) && NON_LOADING_RELS.test(tag)) continue;
        for (const m of tag.matchAll(URL_ATTRS)) {
          const value = m[2] ?? m[3] ?? '';
          if (/(^|,\s*)(https?:)?\/\//i.test(value)) offenders.push(`${relative(site.dir, file)}: ${tag.slice(0, 120)}`);
        }
      }
      for (const m of text.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/gi)) offenders.push(`${relative(site.dir, file)}: url(${m[1]})`);
    }
    for (const file of css) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")]+)/gi)) offenders.push(`${relative(site.dir, file)}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  test('every internal link and asset resolves inside the build, under the base path', () => {
    const broken: string[] = [];
    for (const file of html) {
      const pagePath = '/' + relative(site.dir, file).split(sep).join('/');
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)) {
        const value = m[1]!;
        if (value === '' || value.startsWith('#') || /^[a-z]+:/i.test(value) || value.startsWith('//')) continue;
        const path = new URL(value, `http://h${site.base}${pagePath.slice(1)}`).pathname;
        if (!path.startsWith(site.base)) {
          broken.push(`${pagePath}: ${value} (outside ${site.base})`);
          continue;
        }
        const target = join(site.dir, decodeURIComponent(path.slice(site.base.length)));
        const found = (existsSync(target) && statSync(target).isFile()) || existsSync(join(target, 'index.html'));
        if (!found) broken.push(`${pagePath}: ${value}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test(`every page loads at most ${BUDGET_BYTES / 1024} KB of JavaScript (gzip) before interaction`, () => {
    const pages = measurePages(site.dir, site.base);
    expect(pages.length).toBe(html.length);
    // The layout's own scripts are counted (a page with none would mean the
    // measurement is broken, not that the page is light).
    expect(pages.find((p) => p.page === 'en/introduction/index.html')!.files.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.gzip, page.page).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
