// Helpers of the playground browser suites (tests/browser/playground*.test.ts).
// They reuse the site's harness (its builds, Chromium, request tracking) and
// serve the built folders once more under PLAYGROUND_CSP: the README's policy
// plus 'unsafe-eval', which running a reader's program needs (see
// src/playground/README.md, "Content-Security-Policy").
import { compressToEncodedURIComponent } from 'lz-string';
import type { Page } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { PLAYGROUND_CSP } from '../../src/playground/csp.mjs';

export { PLAYGROUND_CSP };

/** A built site to test: the harness's builds, or PLAYGROUND_DIST (a folder built at base '/') while developing. */
export interface BuiltSite {
  name: string;
  dir: string;
  base: string;
}

/** Serves `site` on 127.0.0.1 with PLAYGROUND_CSP; url ends with the base path. */
export async function servePlayground(site: BuiltSite): Promise<{ url: string; close: () => Promise<void> }> {
  const { url, close } = await serve({ dir: site.dir, base: site.base, port: 0, csp: PLAYGROUND_CSP });
  return { url, close };
}

/** The fragment of a share link for `code`. */
export function shareHash(code: string): string {
  return `#code=${compressToEncodedURIComponent(code)}`;
}

/** Waits until the playground `index` on the page has finished a run; returns its final state. */
export async function waitForRunEnd(page: Page, index = 0, timeout = 20_000): Promise<string> {
  await page.waitForFunction(
    (i) => {
      const root = document.querySelectorAll<HTMLElement>('[data-playground]')[i];
      const state = root?.dataset.state;
      return state !== undefined && state !== 'compiling' && state !== 'running';
    },
    index,
    { timeout },
  );
  return page.evaluate((i) => document.querySelectorAll<HTMLElement>('[data-playground]')[i]!.dataset.state!, index);
}

/** Text of the console lines of the latest run of playground `index`. */
export function consoleLines(page: Page, index = 0): Promise<string[]> {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('[data-playground]')[i]!;
    const blocks = root.querySelectorAll('details.pg-run-block');
    const last = blocks[blocks.length - 1];
    return last ? [...last.querySelectorAll('.pg-line .pg-text')].map((e) => e.textContent ?? '') : [];
  }, index);
}

/** Text of the problems and notes of the latest run (errors, budgets, "finished"). */
export function consoleNotes(page: Page, index = 0): Promise<string> {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('[data-playground]')[i]!;
    const blocks = root.querySelectorAll('details.pg-run-block');
    const last = blocks[blocks.length - 1];
    return last ? [...last.querySelectorAll('.pg-problem, .pg-note')].map((e) => e.textContent).join('\n') : '';
  }, index);
}

/**
 * Whether the page stayed alive while `during` ran a program: it counts the
 * answers the page gave (page.evaluate round-trips, one after another) and
 * the animation frames it drew while its playground's state was still
 * 'running'. Behaviour, not a clock: a page frozen by the program answers
 * nothing and draws nothing until the run ends. (The round-trip times are
 * figures for npm run bench:web, not for tests.)
 */
export async function aliveDuringRun(page: Page, during: () => Promise<unknown>, index = 0): Promise<{ answersWhileRunning: number; framesWhileRunning: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    const tick = () => {
      w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  let answers = 0;
  let firstFrames: number | undefined;
  let lastFrames = 0;
  let stop = false;
  const probe = (async () => {
    while (!stop) {
      const seen = await page.evaluate((i) => ({
        state: document.querySelectorAll<HTMLElement>('[data-playground]')[i]?.dataset.state,
        frames: (window as unknown as { __frames: number }).__frames,
      }), index);
      if (seen.state === 'running') {
        answers++;
        firstFrames ??= seen.frames;
        lastFrames = seen.frames;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await during();
  stop = true;
  await probe;
  return { answersWhileRunning: answers, framesWhileRunning: firstFrames === undefined ? 0 : lastFrames - firstFrames };
}

/** Replaces the code of the playground `index` through its Monaco editor (waits for the editor). */
export async function replaceCode(page: Page, code: string, index = 0): Promise<void> {
  const root = page.locator('[data-playground]').nth(index);
  await root.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await root.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await page.waitForFunction(
    ([i, expected]) => {
      const el = document.querySelectorAll('[data-playground]')[i as number]!.querySelector('.monaco-editor .view-lines');
      return (el?.textContent ?? '').replace(/\s/g, '').includes((expected as string).replace(/\s/g, ''));
    },
    [index, code.split('\n')[0]!] as const,
  );
}

/** Waits until the playground `index` has its Monaco editor. */
export async function waitForEditor(page: Page, index = 0): Promise<void> {
  await page.waitForFunction((i) => document.querySelectorAll<HTMLElement>('[data-playground]')[i]?.dataset.editor === 'monaco', index, { timeout: 30_000 });
}
