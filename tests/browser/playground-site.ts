// The set-up most browser suites share: Chromium, one browser context and the
// root-base build served under PLAYGROUND_CSP, opened before a file's tests and
// closed after them. Suites that test several builds or contexts of their own
// (playground.test.ts, phone-editor.test.ts, playground-hostile.test.ts) keep
// their own set-up.
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { contextOptions, launchBrowser } from './harness.ts';
import { servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';

/** The build at base '/': PLAYGROUND_DIST (a folder built at '/') while developing, else the harness's build. */
export function rootSite(): BuiltSite {
  return process.env.PLAYGROUND_DIST
    ? { name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }
    : inject('sites').find((s) => s.base === '/')!;
}

/** What a suite reads once its `beforeAll` has run: `url` ends with the base path. */
export interface PlaygroundSite {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly url: string;
}

/**
 * Registers the file's beforeAll/afterAll: launches Chromium, opens one context
 * (`options` over the harness's contextOptions) and serves the root build.
 * Read the fields inside tests, not at the top level (they are set in beforeAll).
 */
export function usePlaygroundSite(options: BrowserContextOptions = {}): PlaygroundSite {
  const site = rootSite();
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let url: string | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ ...contextOptions, ...options });
    ({ url, close } = await servePlayground(site));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await close?.();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`usePlaygroundSite: ${name} is read before beforeAll ran`);
    return value;
  };
  return {
    get browser() { return ready(browser, 'browser'); },
    get context() { return ready(context, 'context'); },
    get url() { return ready(url, 'url'); },
  };
}
