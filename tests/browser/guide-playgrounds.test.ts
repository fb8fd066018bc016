// Every playground of every page, in both languages, runs once in Chromium and
// prints exactly the expected output the page shows before any interaction
// (the example's .out, or its language variant). This is the guide's promise:
// what you read is what the code does.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { collectErrors, ROOT, trackRequests } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { consoleLines, waitForRunEnd } from '../playground/browser-helpers.ts';

const slugs = readdirSync(join(ROOT, 'content/en'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

const offHost: string[] = [];

const pw = usePlaygroundSite();
afterAll(() => {
  expect(offHost).toEqual([]);
});

describe.each(['en', 'zh'])('every playground on the %s pages prints its expected output', (lang) => {
  test.each(slugs)('%s', async (slug) => {
    const page = await pw.context.newPage();
    const errors = collectErrors(page);
    const requests = trackRequests(page);
    await page.goto(`${pw.url}${lang}/${slug}/`, { waitUntil: 'load' });
    const playgrounds = page.locator('[data-playground]');
    const count = await playgrounds.count();
    for (let i = 0; i < count; i++) {
      const pg = playgrounds.nth(i);
      // A predict exercise keeps its playground inside the closed answer (tests/browser/exercises.test.ts covers exercises).
      if (!(await pg.isVisible())) continue;
      const expected = (await pg.locator('[data-expected] pre').innerText()).replace(/\n$/, '');
      await pg.locator('[data-run]').click();
      await waitForRunEnd(page, i, 60_000);
      const example = await pg.getAttribute('data-example');
      expect((await consoleLines(page, i)).join('\n'), `${lang}/${slug}: ${example}`).toBe(expected);
    }
    offHost.push(...requests.offHost());
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
