// Shared browser-test harness: build the site, serve a folder under a base
// path, launch Debian's Chromium, and watch what a page requests.
// The playground suite reuses these; keep them small and documented.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { serve, normalizeBase } from '../../scripts/serve.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A built and served copy of the site, handed from globalSetup to the tests. */
export interface SiteUnderTest {
  /** 'root' (base '/') or 'based' (base '/guides/async/'). */
  name: string;
  /** Absolute path of the built folder. */
  dir: string;
  /** Base path, '/x/y/' form. */
  base: string;
  /** Server URL including the base path, ending in '/'. */
  url: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: SiteUnderTest[];
  }
}

/**
 * The two configurations every browser test runs against. SITE_TEST_OUT=dir
 * builds them into dir/dist and dir/dist-base instead (useful when several
 * people run the suite in one checkout at the same time).
 */
const outPrefix = process.env.SITE_TEST_OUT ? `${process.env.SITE_TEST_OUT.replace(/\/+$/, '')}/` : '';
export const SITE_CONFIGS = [
  { name: 'root', base: '/', outDir: `${outPrefix}dist` },
  { name: 'based', base: '/guides/async/', outDir: `${outPrefix}dist-base` },
] as const;

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${args.join(' ')} exited ${code}\n${output.slice(-4000)}`))));
  });
}

/**
 * Builds the site with Astro, then indexes it with Pagefind, exactly like
 * `npm run build` but into `outDir` with `base`. Runs on the current Node
 * (npm scripts put node@22 first on PATH). Returns the absolute output folder.
 */
export async function buildSite({ base = '/', outDir = 'dist' }: { base?: string; outDir?: string } = {}): Promise<string> {
  const dir = resolve(ROOT, outDir);
  await run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    BASE_PATH: normalizeBase(base),
    OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  await run(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dir], {});
  return dir;
}

/** Serves `dir` on 127.0.0.1 (random port) under `base`, with the README's CSP. */
export async function serveDir(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const { url, close } = await serve({ dir, base, port: 0, live: true });
  return { url, close };
}

/** Debian's Chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Context options shared by the suites (fixed locale so text checks are stable). */
export const contextOptions: BrowserContextOptions = { locale: 'en-US', viewport: { width: 1280, height: 900 } };

/**
 * Records every request a page makes. `offHost()` lists those that leave
 * 127.0.0.1 (data:, blob: and about: URLs never leave the page).
 */
export function trackRequests(page: Page): { urls: string[]; offHost: () => string[] } {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return {
    urls,
    offHost: () =>
      urls.filter((u) => {
        const url = new URL(u);
        if (['data:', 'blob:', 'about:'].includes(url.protocol)) return false;
        return url.hostname !== '127.0.0.1';
      }),
  };
}

/** Console errors and uncaught exceptions (CSP violations show up here too). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Guide slugs from content/en/, in file order (the reading order is tested in tests/site). */
export function contentSlugs(): string[] {
  return readdirSync(join(ROOT, 'content/en'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.replace(/\.mdx$/, ''));
}

export const LANGS = [
  { lang: 'en', htmlLang: 'en' },
  { lang: 'zh', htmlLang: 'zh-CN' },
] as const;

/** Runs axe-core on the page and returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Inject once per document; a second run on the same page reuses it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
