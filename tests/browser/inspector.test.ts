// The inspector under the timeline (issue 14, src/inspector): every playground of the guide, in both
// languages, runs, opens its inspector at the end of the run and steps back through it with the
// keyboard - the playhead, the inspector's text, the live region and the console dimming follow.
// One browser, one page per chapter and language. Then the deadlock example (through a share link
// into the full-page playground) shows its cycle highlighted and named.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectErrors, ROOT } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { waitForRunEnd } from '../playground/browser-helpers.ts';

const slugs = readdirSync(join(ROOT, 'content/en')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')).sort();

const pw = usePlaygroundSite();

/** The inspector of playground `pg`, once it shows a run. */
async function openInspector(pg: Locator): Promise<Locator> {
  const inspector = pg.locator('[data-inspector]');
  await inspector.locator('[data-section="tasks"] li').first().waitFor({ timeout: 30_000 });
  return inspector;
}

const seqOf = async (inspector: Locator) => Number(await inspector.getAttribute('data-seq'));

/** Step back one event and one console line with the keyboard, checking what follows the playhead. */
async function stepThrough(page: Page, pg: Locator, label: string): Promise<void> {
  const inspector = await openInspector(pg);
  const end = await seqOf(inspector);
  expect(end, label).toBeGreaterThan(0);
  // Keyboard: focus the step bar's "previous event" button, then arrow keys on the inspector.
  await inspector.locator('[data-step="prev"]').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => seqOf(inspector), { message: label }).toBe(end - 1);
  await expect.poll(() => inspector.locator('.mi-live').innerText(), { message: label }).not.toBe('');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => seqOf(inspector), { message: label }).toBe(end);
  // Shift+ArrowLeft: to the previous console line (if the run printed one before the end).
  const lines = pg.locator('.pg-line');
  const total = await lines.count();
  await page.keyboard.press('Shift+ArrowLeft');
  const at = await seqOf(inspector);
  if (total > 0 && at !== end) {
    // The console shows the lines printed up to the playhead, the inspector counts the same.
    const lit = await lines.evaluateAll((ls) => ls.filter((l) => !l.classList.contains('pg-line-later')).length);
    expect(await inspector.locator('.mi-lines').innerText(), label).toContain(String(lit));
    expect(lit, label).toBeLessThan(total + 1);
  }
  // Every task named in the inspector has one of the six states.
  const states = await inspector.locator('[data-section="tasks"] li').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.state));
  for (const s of states) expect(['running', 'ready', 'waiting', 'done', 'cancelled', 'failed'], label).toContain(s);
}

describe('The inspector and step controls work on every playground of the guide, both languages', () => {
  describe.each(['en', 'zh'])('%s', (lang) => {
    test.each(slugs)('%s', async (slug) => {
      const page = await pw.context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${pw.url}${lang}/${slug}/`, { waitUntil: 'load' });
      const playgrounds = page.locator('[data-playground]');
      const count = await playgrounds.count();
      for (let i = 0; i < count; i++) {
        const pg = playgrounds.nth(i);
        // A predict exercise keeps its playground inside the closed answer (tests/browser/exercises-timeline.test.ts opens and steps one).
        if (!(await pg.isVisible())) continue;
        await pg.locator('[data-run]').click();
        const state = await waitForRunEnd(page, i, 60_000);
        const label = `${lang}/${slug} #${i} (${await pg.getAttribute('data-example')}, ${state})`;
        await stepThrough(page, pg, label);
        // Its heading is in the page's language.
        expect(await pg.locator('.mi-title').innerText(), label).toBe(lang === 'zh' ? '检查器' : 'Inspector');
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);
  });
});

describe('the deadlock example in the inspector', () => {
  test.each(['en', 'zh'])('%s: the cycle is highlighted and named, and "why now" moves the playhead to the cause', async (lang) => {
    const code = readFileSync(join(ROOT, 'examples/deadlock.ts'), 'utf8');
    const page = await pw.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${pw.url}${lang}/playground/#code=${compressToEncodedURIComponent(code)}`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    await pg.locator('[data-run]').click();
    await waitForRunEnd(page, 0, 60_000);
    const inspector = await openInspector(pg);
    expect(await inspector.getAttribute('data-cycles')).toBe('1');
    const cycle = inspector.locator('.mi-cycle');
    expect(await cycle.innerText()).toContain('alice -> the fork (set by bob) -> bob -> the knife (set by alice) -> alice');
    expect(await cycle.getAttribute('role')).toBe('alert');
    // Highlighted: the two cycle rows of the SVG and their text edges carry the cycle style.
    expect(await inspector.locator('.mi-graph-svg .mi-cycle-edge').count()).toBe(2);
    expect(await inspector.locator('.mi-edges .mi-in-cycle').count()).toBe(2);
    // Fits a phone: the inspector is no wider than the viewport.
    const width = await inspector.evaluate((el) => el.getBoundingClientRect().right);
    expect(width).toBeLessThanOrEqual(390);
    // Step to bob's console line: bob is running, and "go to the cause" moves the playhead earlier.
    await inspector.locator('[data-step="prev-line"]').click();
    const at = await seqOf(inspector);
    const cause = inspector.locator('.mi-cause').first();
    const target = Number(await cause.getAttribute('data-cause-seq'));
    expect(target).toBeLessThan(at);
    await cause.click();
    await expect.poll(() => seqOf(inspector)).toBe(target);
    await page.close();
  }, 120_000);
});
