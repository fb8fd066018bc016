// The full-page playground, /en/playground/ and /zh/playground/ (issue 10.3):
// the whole width (no table of contents, no column limit), editor beside the
// console and as tall as the window, a separator that resizes them, no draft
// banner or empty section, and a gallery of the guide's examples grouped by
// chapter, titled and described in the page's language, that loads and runs.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectErrors, ROOT } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { consoleLines, waitForRunEnd } from '../playground/browser-helpers.ts';

/** The expected output of an example as a page in `lang` shows it. */
const out = (id: string, lang: string) => {
  const variant = join(ROOT, 'content/examples', `${id}.${lang}.out`);
  return readFileSync(existsSync(variant) ? variant : join(ROOT, 'content/examples', `${id}.out`), 'utf8').replace(/\n$/, '');
};

const pw = usePlaygroundSite({ viewport: { width: 1440, height: 900 } });

describe.each([
  { lang: 'en', h1: 'Playground', chapters: ['Introduction', 'asyncio', 'trio'], pick: 'asyncio/tasks', pickTitle: 'Tasks', run: 'Run' },
  { lang: 'zh', h1: '演练场', chapters: ['导读', '同步与异步', '生成器与协程'], pick: 'asyncio/tasks', pickTitle: '任务', run: '运行' },
])('/$lang/playground/', ({ lang, h1, chapters, pick, pickTitle, run }) => {
  test('uses the whole width, side by side and as tall as the window; no draft banner, no empty section', async () => {
    const page = await pw.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${pw.url}${lang}/playground/`, { waitUntil: 'load' });
    expect(await page.locator('h1').innerText()).toBe(h1);
    expect(await page.locator('.draft-notice').count()).toBe(0);
    // Every heading in the article has something under it.
    const empty = await page.evaluate(() =>
      [...document.querySelectorAll('article h2, article h3')]
        .filter((h) => {
          const next = h.nextElementSibling;
          return !next || /^H[1-6]$/.test(next.tagName) || !next.textContent?.trim();
        })
        .map((h) => h.textContent),
    );
    expect(empty).toEqual([]);
    const box = await page.evaluate(() => {
      const rect = (s: string) => document.querySelector(s)?.getBoundingClientRect();
      const main = rect('main')!;
      return {
        main: main.width,
        section: rect('[data-playground]')!.width,
        code: rect('[data-playground] [data-code]')!,
        console: rect('[data-playground] .pg-console-wrap')!,
        tocShown: [...document.querySelectorAll('.toc-wrap')].some((e) => (e as HTMLElement).offsetParent !== null),
        viewport: innerHeight,
      };
    });
    expect(box.tocShown).toBe(false);
    // The playground fills the main column (less its padding), not a 46rem text column.
    expect(box.section).toBeGreaterThan(box.main * 0.85);
    expect(box.console.left).toBeGreaterThanOrEqual(box.code.right);
    expect(box.console.top).toBe(box.code.top);
    expect(box.code.height).toBeGreaterThan(box.viewport * 0.6);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the separator resizes editor and console, by keyboard', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}${lang}/playground/`, { waitUntil: 'load' });
    const separator = page.getByRole('separator');
    const width = () => page.locator('[data-playground] [data-code]').evaluate((e) => e.getBoundingClientRect().width);
    const before = await width();
    await separator.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await separator.getAttribute('aria-valuenow')).toBe('50');
    expect(await width()).toBeLessThan(before);
    await page.keyboard.press('End');
    expect(await separator.getAttribute('aria-valuenow')).toBe('80');
    expect(await width()).toBeGreaterThan(before);
    await page.close();
  });

  test('the gallery: chapters and titles in the page language; a click loads an example, which runs', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}${lang}/playground/`, { waitUntil: 'load' });
    const gallery = page.locator('[data-playground] [data-gallery]');
    expect(await gallery.locator('select').count()).toBe(0);
    const chapterTitles = await gallery.locator('h3').allInnerTexts();
    for (const c of chapters) expect(chapterTitles).toContain(c);
    // Every entry has a title and a one-line description; no entry shows a bare id.
    const entries = await gallery.locator('li').evaluateAll((lis) =>
      lis.map((li) => ({ title: li.querySelector('button')!.textContent!, description: li.querySelector('p')!.textContent!, id: (li.querySelector('button') as HTMLElement).dataset.exampleId! })),
    );
    expect(entries.length).toBeGreaterThan(40);
    for (const e of entries) {
      expect(e.title).not.toBe(e.id);
      expect(e.description.length).toBeGreaterThan(5);
    }
    if (lang === 'zh') expect(entries.filter((e) => /[\u4e00-\u9fff]/.test(e.description)).length).toBeGreaterThan(entries.length * 0.9);
    const button = gallery.locator(`button[data-example-id="${pick}"]`);
    expect(await button.innerText()).toBe(pickTitle);
    await button.click();
    expect(await button.getAttribute('aria-current')).toBe('true');
    await page.waitForFunction((id) => document.querySelector('[data-playground]')?.getAttribute('data-example') !== null && document.querySelector('[data-playground] [data-code]')?.textContent?.includes('createTask'), pick);
    // Its expected output is the one shown.
    expect(await page.locator('[data-playground] [data-expected] pre').innerText()).toBe(out(pick, lang));
    await page.locator('[data-playground]').getByRole('button', { name: run, exact: true }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect((await consoleLines(page)).join('\n')).toBe(out(pick, lang));
    await page.close();
  });
});
