/**
 * Shared by the timeline's browser tests (tests/browser/timeline*.test.ts) and
 * its benchmark (bench/timeline.ts): bundle src/timeline with esbuild-wasm's
 * build API, build a self-contained page (site CSS + timeline.css + bundle,
 * inline: the page makes no request at all), run examples through the real
 * runtime in Node, and launch Debian's Chromium with nothing leaving 127.0.0.1.
 * Not a test file itself (no `.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild-wasm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram, type ProgramResult } from '../../src/runtime/program.ts';
import type { TraceEvent } from '../../src/runtime/trace.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

let bundled: Promise<string> | null = null;

/** The timeline module as one IIFE that sets `window.TL` (built once per process). */
export function timelineBundle(): Promise<string> {
  bundled ??= esbuild
    .build({
      stdin: { contents: "import * as tl from './src/timeline/index.ts'; (globalThis as any).TL = tl;", resolveDir: ROOT, loader: 'ts', sourcefile: 'timeline-entry.ts' },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      minify: false,
      logLevel: 'silent',
    })
    .then((r) => r.outputFiles[0]!.text);
  return bundled;
}

/** A run's data as the page receives it. */
export interface RunData {
  trace: TraceEvent[];
  tasks: ProgramResult['tasks'];
  endTime: number;
  lines: ProgramResult['lines'];
}

/** Compile and run an example (path relative to the repo root) with the real runtime. */
export async function runExample(path: string, options: { loopEvents?: boolean } = {}): Promise<RunData> {
  return runSource(readFileSync(join(ROOT, path), 'utf8'), options);
}

/** Compile and run TypeScript source with the real runtime. */
export async function runSource(source: string, options: { loopEvents?: boolean } = {}): Promise<RunData> {
  const compiled = await compileInNode(source);
  if (!compiled.ok) throw new Error(`compile failed: ${JSON.stringify(compiled.errors)}`);
  const result = runProgram(compiled, { loopEvents: options.loopEvents ?? false });
  return { trace: result.trace, tasks: result.tasks, endTime: result.endTime, lines: result.lines };
}

/** A synthetic trace with `tasks` tasks and about `spans` spans in total (sleep/lock/queue waits, runs, readies, logs). */
export function syntheticTrace(spans: number, tasks = 50): RunData {
  const trace: TraceEvent[] = [];
  let seq = 0;
  let t = 0;
  const add = (e: Omit<TraceEvent, 'seq'>): void => {
    trace.push({ ...e, seq: seq++ } as TraceEvent);
  };
  const kinds = ['sleep', 'lock', 'queue', 'event', 'network', 'task'] as const;
  for (let id = 1; id <= tasks; id++) add({ t, task: id, kind: 'spawn', detail: { name: `worker-${id}`, parent: id === 1 ? 0 : 1 } } as never);
  // Each round: every task runs, then waits; later it becomes ready. 3 spans per task per round.
  const rounds = Math.ceil(spans / (tasks * 3));
  for (let round = 0; round < rounds; round++) {
    for (let id = 1; id <= tasks; id++) {
      add({ t, task: id, kind: 'run', detail: {} } as never);
      if (id % 7 === 0) add({ t, task: id, kind: 'log', detail: { level: 'log', text: `round ${round} of ${id}` } } as never);
      const kind = kinds[(id + round) % kinds.length]!;
      add({ t, task: id, kind: 'wait', detail: { on: { kind, what: `${kind}#${id % 5}` } } } as never);
    }
    t += 10;
    for (let id = 1; id <= tasks; id++) add({ t, task: id, kind: 'ready', detail: { since: t } } as never);
  }
  for (let id = tasks; id >= 1; id--) add({ t, task: id, kind: 'done', detail: { outcome: 'ok' } } as never);
  const names = Array.from({ length: tasks }, (_, i) => ({ id: i + 1, name: `worker-${i + 1}`, parent: i === 0 ? 0 : 1 }));
  return { trace, tasks: names, endTime: t, lines: [] };
}

/** A page with the site's CSS variables, timeline.css and the bundle; `theme` sets data-theme on <html>. */
export async function pageHtml(theme: 'light' | 'dark'): Promise<string> {
  const siteCss = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
  const tlCss = readFileSync(join(ROOT, 'src/timeline/timeline.css'), 'utf8');
  const js = await timelineBundle();
  return `<!doctype html><html lang="en" data-theme="${theme}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${siteCss}\n${tlCss}\nbody{padding:8px} .layout{display:block}</style></head>
<body><main><div id="tl"></div></main><script>${js.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
}

/** Debian's Chromium, headless, with nothing that phones home (the flags of tests/browser/harness.ts). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A context whose requests may only go to 127.0.0.1 (or stay in the page: data:, blob:, about:). Returns the list of blocked URLs. */
export async function lockedContext(browser: Browser, options: { width?: number; height?: number; deviceScaleFactor?: number; hasTouch?: boolean } = {}): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: options.width ?? 900, height: options.height ?? 700 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    hasTouch: options.hasTouch ?? false,
    acceptDownloads: true,
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol) || url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return { context, blocked };
}

/** Open the fixture page and mount a timeline with `data` (strings optional); resolves when drawn. */
export async function openTimeline(context: BrowserContext, data: RunData | null, options: { theme?: 'light' | 'dark'; view?: string; maxVisibleRows?: number } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.setContent(await pageHtml(options.theme ?? 'light'));
  await page.evaluate(
    ({ data, view, maxVisibleRows }) => {
      const w = window as unknown as { TL: typeof import('../../src/timeline/index.ts'); tl: import('../../src/timeline/index.ts').TimelineHandle; hovers: unknown[]; scrubs: unknown[] };
      w.hovers = [];
      w.scrubs = [];
      w.tl = w.TL.mountTimeline(document.getElementById('tl')!, {
        onHover: (info) => w.hovers.push(info),
        onScrub: (pos) => w.scrubs.push(pos),
        ...(view ? { view: view as 'time' } : {}),
        ...(maxVisibleRows ? { maxVisibleRows } : {}),
      });
      if (data) w.tl.update(data);
      w.tl.redraw();
    },
    { data, view: options.view, maxVisibleRows: options.maxVisibleRows },
  );
  return page;
}

/**
 * Compare two PNGs with Chromium's own decoder: draw both on canvases in the
 * page and count pixels whose channels differ by more than `channelTolerance`.
 */
export async function comparePngs(page: Page, a: Buffer, b: Buffer, channelTolerance = 24): Promise<{ width: number; height: number; differing: number; sameSize: boolean }> {
  return page.evaluate(
    async ({ a, b, tol }) => {
      const load = async (b64: string): Promise<ImageData> => {
        const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
        const bmp = await createImageBitmap(blob);
        const c = document.createElement('canvas');
        c.width = bmp.width;
        c.height = bmp.height;
        const cx = c.getContext('2d')!;
        cx.drawImage(bmp, 0, 0);
        return cx.getImageData(0, 0, bmp.width, bmp.height);
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      if (x.width !== y.width || x.height !== y.height) return { width: x.width, height: x.height, differing: x.width * x.height, sameSize: false };
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.abs(x.data[i]! - y.data[i]!) > tol || Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tol || Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tol) differing++;
      }
      return { width: x.width, height: x.height, differing, sameSize: true };
    },
    { a: a.toString('base64'), b: b.toString('base64'), tol: channelTolerance },
  );
}
