// The inspector's turn steps, Play and accessibility (issue 14, src/inspector/panel.ts), in both
// languages, with the keyboard: T / Shift+T land on the start of each loop turn (a macrotask), Play
// runs to the end and stops there, Escape pauses it, and axe finds nothing serious or critical on the
// page with the inspector open, in the light and the dark theme.
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeSerious, collectErrors, contextOptions } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { waitForRunEnd } from '../playground/browser-helpers.ts';

// Three timer turns, the first with a microtask after its callback.
const code = `setTimeout(() => { console.log('one'); Promise.resolve().then(() => console.log('micro')); }, 1);
setTimeout(() => console.log('two'), 2);
setTimeout(() => console.log('three'), 3);
console.log('start');
`;

const pw = usePlaygroundSite();

const seqOf = async (inspector: Locator) => Number(await inspector.getAttribute('data-seq'));

// Many timer turns: at speed 1 (one event per 250 ms step) Play takes minutes, so Escape lands before the end however busy the machine.
const longCode = `for (let i = 0; i < 200; i++) setTimeout(() => {}, i);
`;

async function openRun(lang: string, ctx = pw.context, source = code): Promise<{ page: Page; inspector: Locator; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(`${pw.url}${lang}/playground/#code=${compressToEncodedURIComponent(source)}`, { waitUntil: 'load' });
  const pg = page.locator('[data-playground]').first();
  await pg.locator('[data-run]').click();
  await waitForRunEnd(page, 0, 60_000);
  const inspector = pg.locator('[data-inspector]');
  await inspector.locator('[data-section="tasks"] li').first().waitFor({ timeout: 30_000 });
  return { page, inspector, errors };
}

describe.each(['en', 'zh'])('%s', (lang) => {
  test('T / Shift+T step by turn of the loop; the help names the keys', async () => {
    const { page, inspector, errors } = await openRun(lang);
    expect(await inspector.locator('.mi-help').innerText()).toContain('Shift+T');
    const end = await seqOf(inspector);
    await inspector.locator('[data-step="prev-turn"]').focus();
    // Back three turns: each lands earlier, on a macrotask (the live region names the event).
    const back: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+T');
      await expect.poll(() => seqOf(inspector)).toBeLessThan(back.at(-1) ?? end);
      back.push(await seqOf(inspector));
      await expect.poll(() => inspector.locator('.mi-live').innerText()).toContain('macrotask');
    }
    // Forward again: T retraces the same turn starts.
    await page.keyboard.press('T');
    await expect.poll(() => seqOf(inspector)).toBe(back[1]);
    await page.keyboard.press('T');
    await expect.poll(() => seqOf(inspector)).toBe(back[0]);
    // The buttons do the same.
    await inspector.locator('[data-step="prev-turn"]').click();
    await expect.poll(() => seqOf(inspector)).toBe(back[1]);
    await inspector.locator('[data-step="next-turn"]').click();
    await expect.poll(() => seqOf(inspector)).toBe(back[0]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test('Play runs to the end at the chosen speed and stops there; Escape pauses it', async () => {
    const { page, inspector, errors } = await openRun(lang);
    const end = await seqOf(inspector);
    const play = inspector.locator('[data-play]');
    const playLabel = await play.innerText();
    // Speed 20 events a step, chosen with the keyboard, then Play (from the end it starts over).
    const speed = inspector.locator('.mi-speed-select');
    await speed.focus();
    await page.keyboard.press('End');
    expect(await speed.inputValue()).toBe('20');
    // Play may reach the end before this process looks again (a busy machine): record every state the panel went through.
    await inspector.evaluate((root) => {
      const log: { seq: string[]; playing: boolean; pressed: boolean; label: string } = { seq: [], playing: false, pressed: false, label: '' };
      (window as unknown as { playLog: typeof log }).playLog = log;
      const button = root.querySelector<HTMLElement>('[data-play]')!;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.attributeName === 'data-seq') log.seq.push(r.oldValue ?? '');
          if (r.attributeName === 'data-playing' && root.hasAttribute('data-playing')) log.playing = true;
          if (r.attributeName === 'aria-pressed' && button.getAttribute('aria-pressed') === 'true') {
            log.pressed = true;
            log.label = button.textContent ?? '';
          }
        }
      }).observe(root, { attributes: true, attributeOldValue: true, subtree: true, attributeFilter: ['data-seq', 'data-playing', 'aria-pressed'] });
    });
    await play.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inspector.evaluate(() => (window as unknown as { playLog: { playing: boolean } }).playLog.playing), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => inspector.getAttribute('data-playing'), { timeout: 60_000 }).toBeNull();
    expect(await seqOf(inspector)).toBe(end);
    const log = await inspector.evaluate(() => (window as unknown as { playLog: { seq: string[]; pressed: boolean; label: string } }).playLog);
    // While it played the button said Pause and was pressed; the playhead went from the start to the end 20 events a step.
    expect(log.pressed).toBe(true);
    expect(log.label).not.toBe(playLabel);
    const steps = [...log.seq.slice(1).map(Number), end];
    expect(steps[0]).toBe(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]! - steps[i - 1]!).toBe(Math.min(20, end - steps[i - 1]!));
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    expect(await play.innerText()).toBe(playLabel);
    expect(await inspector.locator('.mi-live').innerText()).toContain(String(end));
    expect(errors).toEqual([]);
    await page.close();
    // Speed 1 on a long run, Play from the start, Escape: paused before the end, and it stays where it paused.
    const long = await openRun(lang, pw.context, longCode);
    const longEnd = await seqOf(long.inspector);
    const longSpeed = long.inspector.locator('.mi-speed-select');
    await longSpeed.focus();
    await long.page.keyboard.press('Home');
    expect(await longSpeed.inputValue()).toBe('1');
    await long.inspector.locator('[data-play]').focus();
    await long.page.keyboard.press('Enter');
    expect(await long.inspector.getAttribute('data-playing')).toBe('');
    await long.page.keyboard.press('Escape');
    expect(await long.inspector.getAttribute('data-playing')).toBeNull();
    const paused = await seqOf(long.inspector);
    expect(paused).toBeLessThan(longEnd);
    await long.page.waitForTimeout(800);
    expect(await seqOf(long.inspector)).toBe(paused);
    expect(long.errors).toEqual([]);
    await long.page.close();
  }, 120_000);

  test.each(['light', 'dark'])('axe: nothing serious or critical with the inspector open (%s theme)', async (theme) => {
    // The playground's CSP forbids inline scripts, and axe is injected as one: this context bypasses CSP.
    const axeContext = await pw.browser.newContext({ ...contextOptions, bypassCSP: true });
    const { page, inspector } = await openRun(lang, axeContext);
    await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
    await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
    // Mid-run, so the queues, the tasks and the graph all have content.
    await inspector.locator('[data-step="prev-turn"]').click();
    expect(await inspector.isVisible()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await axeContext.close();
  }, 120_000);
});
