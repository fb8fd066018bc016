// The timeline view in Chromium: a real run (tests/timeline/fixtures/kitchen.ts:
// a TaskGroup, a lock, a queue, a worker thread and a blockFor) compiled and run
// in Node, handed to a self-contained page that mounts src/timeline (bundled
// with esbuild-wasm; see tests/timeline/browser-fixture.ts). No request may
// leave 127.0.0.1 (the page makes none at all).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowTop, xOf, markX, PAD_RIGHT, type Geometry } from '../../src/timeline/geometry.ts';
import { buildModel, type TimelineModel } from '../../src/timeline/model.ts';
import { TIMELINE_KEYS } from '../../src/timeline/strings.ts';
import { comparePngs, launch, lockedContext, openTimeline, ROOT, runExample, runSource, syntheticTrace, type RunData } from '../timeline/browser-fixture.ts';

const SHOTS = join(ROOT, 'tests/browser/__screenshots__');
let browser: Browser;
let context: BrowserContext;
let blocked: string[];
let run: RunData;
let model: TimelineModel;

beforeAll(async () => {
  run = await runExample('tests/timeline/fixtures/kitchen.ts', { loopEvents: true });
  model = buildModel(run);
  browser = await launch();
  ({ context, blocked } = await lockedContext(browser, { width: 900, height: 700 }));
});

afterAll(async () => {
  expect(blocked).toEqual([]);
  await browser?.close();
});

type W = { tl: import('../../src/timeline/index.ts').TimelineHandle; hovers: Array<{ type: string; line?: number; text: string; seq: number } | null>; scrubs: Array<{ seq: number; t: number } | null> };

async function dataset(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...document.getElementById('tl')!.dataset }) as Record<string, string>);
}

/** The view's geometry as the page lays it out (same constants as mount.ts), for pointing at things. */
async function geometryOf(page: Page): Promise<{ g: Geometry; left: number; top: number }> {
  const box = (await page.locator('.tl-canvas').boundingBox())!;
  const ds = await dataset(page);
  const width = box.width;
  return {
    g: { width, height: box.height, labelWidth: Number(ds.labelWidth), headerHeight: 26, rowHeight: 22, scrollY: 0, range: { from: Number(ds.from), to: Number(ds.to) }, axis: ds.view === 'time' ? 'time' : 'steps' },
    left: box.x,
    top: box.y,
  };
}
const rowOf = (label: string): number => model.rows.findIndex((r) => r.label === label);

describe('timeline: what it shows', () => {
  it('one lane per task, the group header, the thread lane, the stall, and every span (counts from the model of the same run)', async () => {
    const page = await openTimeline(context, run);
    const ds = await dataset(page);
    expect(ds.lanes).toBe('5');
    expect(ds.rows).toBe(String(model.rows.length));
    expect(ds.spans).toBe(String(model.spanCount));
    expect(ds.threads).toBe('1');
    expect(ds.stalls).toBe('1');
    expect(Number(ds.drawnRects)).toBeGreaterThan(0);
    // The text alternative lists every span: task, state, from, to, waits on.
    await page.locator('.tl-table summary').click();
    const rows = page.locator('.tl-table tbody tr');
    // The table is built on the details' toggle event, which follows the click.
    await expect.poll(() => rows.count()).toBe(model.spanCount);
    expect(await page.locator('.tl-table thead th').allTextContents()).toEqual(['Task', 'State', 'From', 'To', 'Waits on']);
    const bob = await page.locator('.tl-table tbody tr', { hasText: 'lock:' }).first().locator('td').allTextContents();
    expect(bob[0]).toBe('bob');
    expect(bob[1]).toBe('waiting');
    expect(bob[2]).toMatch(/^0 ms/);
    expect(bob[3]).toMatch(/^50 ms/);
    // The canvas is described for screen readers.
    expect(await page.locator('.tl-plot').getAttribute('aria-label')).toContain('5 tasks');
    await page.close();
  });

  it('the legend lists what this run draws: its wait kinds, the stall band, its kinds of marks', async () => {
    const page = await openTimeline(context, run);
    await page.locator('.tl-legend summary').click();
    const items = await page.locator('.tl-legend-list li').allTextContents();
    const waits = new Set(model.timeline.lanes.flatMap((l) => l.spans.flatMap((s) => (s.state === 'waiting' && s.on ? [s.on.kind] : []))));
    const marks = new Set(model.timeline.lanes.flatMap((l) => l.marks.map((m) => m.kind)));
    expect(waits.has('lock') && waits.has('queue')).toBe(true);
    expect(items.filter((i) => i.startsWith('waiting: '))).toHaveLength(waits.size);
    expect(items).toContain('waiting: lock');
    expect(items).not.toContain('waiting: semaphore');
    expect(items).toContain('loop blocked (blockFor)');
    expect(items).toHaveLength(2 + waits.size + 1 + marks.size);
    // Without a run the legend is the general key: every wait kind.
    await page.evaluate(() => (window as unknown as W).tl.update(null));
    expect((await page.locator('.tl-legend-list li').allTextContents()).filter((i) => i.startsWith('waiting: '))).toHaveLength(16);
    await page.close();
  });

  it('hovering a span shows its tooltip and reports it; hovering a console mark reports its line', async () => {
    const page = await openTimeline(context, run);
    const { g, left, top } = await geometryOf(page);
    const r = rowOf('bob');
    await page.mouse.move(left + xOf(g, 25), top + rowTop(g, r) + g.rowHeight / 2);
    const tooltip = page.locator('.tl-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.textContent();
    expect(text).toContain('bob');
    expect(text).toContain('lock');
    expect(await page.evaluate(() => (window as unknown as W).hovers.at(-1))).toMatchObject({ type: 'span' });
    // ann's console line: the mark reports index 0 of ProgramResult.lines.
    const ann = model.rows[rowOf('ann')]!;
    if (ann.kind !== 'task') throw new Error('ann is a task');
    const log = ann.lane.marks.find((m) => m.kind === 'log')!;
    await page.mouse.move(left + markX(g, log) + 1, top + rowTop(g, rowOf('ann')) + g.rowHeight / 2);
    await expect.poll(() => page.evaluate(() => (window as unknown as W).hovers.at(-1)?.type)).toBe('mark');
    const info = await page.evaluate(() => (window as unknown as W).hovers.at(-1)!);
    expect(info.line).toBe(run.lines.findIndex((l) => l.text === 'ann has the stove'));
    expect(info.text).toContain('ann has the stove');
    // Leaving clears it.
    await page.mouse.move(left - 5, top - 5);
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as W).hovers.at(-1))).toBeNull();
    await page.close();
  });

  it('highlight({ line }) marks the console line moment and brings it into view', async () => {
    const page = await openTimeline(context, run);
    const line = run.lines.findIndex((l) => l.text === 'bill 42');
    await page.evaluate(() => (window as unknown as W).tl.setRange(0, 10));
    await page.evaluate((i) => (window as unknown as W).tl.highlight({ line: i }), line);
    const ds = await dataset(page);
    expect(Number(ds.highlightSeq)).toBe(model.logSeqs[line]);
    const t = run.lines[line]!.t;
    expect(Number(ds.from)).toBeLessThanOrEqual(t);
    expect(Number(ds.to)).toBeGreaterThanOrEqual(t);
    await page.evaluate(() => (window as unknown as W).tl.highlight(null));
    expect((await dataset(page)).highlightSeq).toBeUndefined();
    await page.close();
  });
});

describe('timeline: zoom, pan, keyboard, scrub', () => {
  it('keyboard: visible focus, + and - zoom, arrows pan, Home and End, 0 fits', async () => {
    const page = await openTimeline(context, run);
    // Tab from the download link (the last toolbar control) lands on the plot.
    await page.locator('.tl-download').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-plot'))).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    const range = async (): Promise<[number, number]> => {
      const ds = await dataset(page);
      return [Number(ds.from), Number(ds.to)];
    };
    const [f0, t0] = await range();
    expect([f0, t0]).toEqual([0, run.endTime]);
    await page.keyboard.press('+');
    const [f1, t1] = await range();
    expect(t1 - f1).toBeCloseTo((t0 - f0) / 1.6, 6);
    await page.keyboard.press('ArrowRight');
    const [f2, t2] = await range();
    expect(f2).toBeCloseTo(f1 + (t1 - f1) * 0.1, 6);
    expect(t2 - f2).toBeCloseTo(t1 - f1, 6);
    await page.keyboard.press('End');
    expect((await range())[1]).toBeCloseTo(run.endTime, 6);
    await page.keyboard.press('Home');
    expect((await range())[0]).toBe(0);
    await page.keyboard.press('-');
    await page.keyboard.press('0');
    expect(await range()).toEqual([0, run.endTime]);
    await page.close();
  });

  it('ctrl + wheel zooms at the pointer; buttons zoom and fit', async () => {
    const page = await openTimeline(context, run);
    const { g, left, top } = await geometryOf(page);
    const x = left + xOf(g, 100);
    await page.mouse.move(x, top + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => Number((await dataset(page)).to) - Number((await dataset(page)).from)).toBeLessThan(run.endTime);
    const ds = await dataset(page);
    // The value under the pointer stays put.
    const after = Number(ds.from) + ((x - left - g.labelWidth) / (g.width - g.labelWidth - PAD_RIGHT)) * (Number(ds.to) - Number(ds.from));
    expect(after).toBeCloseTo(100, 3);
    await page.locator('[data-action="fit"]').click();
    expect(Number((await dataset(page)).to)).toBe(run.endTime);
    await page.locator('[data-action="zoom-in"]').click();
    expect(Number((await dataset(page)).to) - Number((await dataset(page)).from)).toBeCloseTo(run.endTime / 1.6, 6);
    await page.close();
  });

  it('dragging on the axis scrubs: the playhead position is emitted as { seq, t }', async () => {
    const page = await openTimeline(context, run);
    const { g, left, top } = await geometryOf(page);
    await page.mouse.move(left + xOf(g, 10), top + 10);
    await page.mouse.down();
    await page.mouse.move(left + xOf(g, 60), top + 10, { steps: 5 });
    await page.mouse.up();
    const scrubs = await page.evaluate(() => (window as unknown as W).scrubs);
    expect(scrubs.length).toBeGreaterThanOrEqual(2);
    const last = scrubs.at(-1)!;
    expect(last.t).toBeCloseTo(60, 0);
    // seq is the first step at or after t: every event before it happened earlier.
    const before = run.trace.filter((e) => e.seq < last.seq);
    expect(before.every((e) => e.t < last.t)).toBe(true);
    expect(Number((await dataset(page)).playheadSeq)).toBe(last.seq);
    // Keyboard: Shift + Right moves the playhead a tenth of the view later; Escape removes it.
    await page.locator('.tl-plot').focus();
    await page.keyboard.press('Shift+ArrowRight');
    const moved = await page.evaluate(() => (window as unknown as W).scrubs.at(-1)!);
    expect(moved.t).toBeCloseTo(last.t + run.endTime / 10, 6);
    await expect.poll(() => page.locator('.tl-live').textContent()).toContain('Playhead at');
    // It also says what happened last before the playhead (a mark of some lane, with its text).
    const lastBefore = model.timeline.lanes.flatMap((l) => l.marks.map((m) => ({ l, m }))).filter(({ m }) => m.seqStart < moved.seq).sort((a, b) => b.m.seqStart - a.m.seqStart)[0]!;
    expect(await page.locator('.tl-live').textContent()).toContain(`${lastBefore.l.name} · `);
    expect(await page.locator('.tl-live').textContent()).toContain(lastBefore.m.text);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as W).scrubs.at(-1))).toBeNull();
    expect((await dataset(page)).playheadSeq).toBeUndefined();
    await page.close();
  });

  it('a range announcement still pending when the playhead moves does not overwrite the playhead announcement', async () => {
    const page = await openTimeline(context, run);
    await page.locator('.tl-plot').focus();
    // Zooming schedules "Showing ..." 250 ms later; the playhead moves before that.
    await page.keyboard.press('+');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.locator('.tl-live').textContent()).toContain('Playhead at');
    // A page timer set now fires after the pending announcement's (timers run in deadline order),
    // so when it has fired, the announcement has had its chance to overwrite the live region.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await page.locator('.tl-live').textContent()).toContain('Playhead at');
    // Moving the playhead past the view's end follows it: the view's data attributes move too.
    const before = Number((await dataset(page)).to);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    const ds = await dataset(page);
    expect(Number(ds.to)).toBeGreaterThan(before);
    expect(Number(ds.playheadT)).toBeLessThanOrEqual(Number(ds.to));
    expect(Number(ds.playheadT)).toBeGreaterThanOrEqual(Number(ds.from));
    await page.close();
  });

  it('the microtasks view shows the loop lane with macrotasks and checkpoints', async () => {
    const page = await openTimeline(context, run);
    const button = page.locator('.tl-btn[data-view="microtasks"]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect((await dataset(page)).view).toBe('microtasks');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const { g, left, top } = await geometryOf(page);
    const m = model.timeline.loop[0]!;
    await page.mouse.move(left + xOf(g, m.seqStart + 0.3), top + rowTop(g, 0) + g.rowHeight / 2);
    await expect.poll(() => page.locator('.tl-tooltip').textContent()).toContain('macrotask');
    await page.close();
  });

  it('without loop events the microtasks button is hidden', async () => {
    const page = await openTimeline(context, await runExample('tests/timeline/fixtures/kitchen.ts'));
    expect(await page.locator('.tl-btn[data-view="microtasks"]').isVisible()).toBe(false);
    await page.close();
  });
});

describe('timeline: other runs, touch, accessibility', () => {
  it('a deadlock at t = 0 opens on the steps axis, with a deadlock mark per blocked task', async () => {
    const dead = await runExample('examples/deadlock.ts');
    const m = buildModel(dead);
    expect(m.timeline.endTime).toBe(0);
    const page = await openTimeline(context, dead);
    const ds = await dataset(page);
    expect(ds.view).toBe('steps');
    const blocked = m.timeline.lanes.filter((l) => l.marks.some((k) => k.kind === 'deadlock'));
    expect(blocked.length).toBeGreaterThanOrEqual(2);
    const { g, left, top } = await geometryOf(page);
    const r = m.rows.findIndex((row) => row.kind === 'task' && row.lane === blocked[1]);
    const mark = blocked[1]!.marks.find((k) => k.kind === 'deadlock')!;
    await page.mouse.move(left + markX(g, mark), top + rowTop(g, r) + g.rowHeight / 2);
    await expect.poll(() => page.locator('.tl-tooltip').textContent()).toContain('deadlock');
    await page.close();
  });

  it('two-finger pinch on a touch screen zooms', async () => {
    const page = await openTimeline(context, run);
    const { g, left, top } = await geometryOf(page);
    const y = top + 60;
    const x1 = left + xOf(g, 60);
    const x2 = left + xOf(g, 80);
    await page.evaluate(
      ({ x1, x2, y }) => {
        const c = document.querySelector('.tl-canvas')!;
        const fire = (type: string, id: number, x: number): void => {
          c.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: y, bubbles: true, isPrimary: id === 1 }));
        };
        fire('pointerdown', 1, x1);
        fire('pointerdown', 2, x2);
        for (let i = 1; i <= 5; i++) {
          fire('pointermove', 1, x1 - i * 20);
          fire('pointermove', 2, x2 + i * 20);
        }
        fire('pointerup', 1, x1 - 100);
        fire('pointerup', 2, x2 + 100);
      },
      { x1, x2, y },
    );
    const ds = await dataset(page);
    // Fingers 20 ms apart moved to 200 px further apart: the range shrinks by the same ratio.
    const before = run.endTime;
    const ratio = (x2 - x1 + 200) / (x2 - x1);
    expect(Number(ds.to) - Number(ds.from)).toBeCloseTo(before / ratio, 3);
    await page.close();
  });

  it('axe finds nothing serious in either theme, with the legend and the table open', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const page = await openTimeline(context, run, { theme });
      await page.locator('.tl-legend summary').click();
      await page.locator('.tl-table summary').click();
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
        const result = await axe.run(document.getElementById('tl')!, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, theme).toEqual([]);
      await page.close();
    }
  });
});

describe('timeline: download, languages, phone, themes', () => {
  it('downloads a Chrome trace with one named track per task', async () => {
    const page = await openTimeline(context, run);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.tl-download').click()]);
    const path = await download.path();
    const trace = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: Array<{ name: string; ph: string; tid: number; args?: { name?: string } }> };
    const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    for (const lane of model.timeline.lanes) {
      const track = names.filter((e) => e.tid === lane.id);
      expect(track, lane.name).toHaveLength(1);
      expect(track[0]!.args?.name).toContain(lane.name);
    }
    expect(trace.traceEvents.filter((e) => e.ph === 'X' && model.timeline.lanes.some((l) => l.id === e.tid))).toHaveLength(model.spanCount);
    expect(download.suggestedFilename()).toBe('miniloop-trace.json');
    await page.close();
  });

  it('takes its labels from the strings object (Chinese)', async () => {
    const zh = JSON.parse(readFileSync(join(ROOT, 'src/i18n/zh.json'), 'utf8')) as Record<string, string>;
    const strings = Object.fromEntries(TIMELINE_KEYS.map((k) => [k, zh[k]!]));
    const page = await openTimeline(context, null);
    await page.evaluate(({ strings, run }) => {
      const w = window as unknown as W & { TL: typeof import('../../src/timeline/index.ts') };
      w.tl.destroy();
      w.tl = w.TL.mountTimeline(document.getElementById('tl')!, { strings });
      w.tl.update(run);
    }, { strings, run });
    expect(await page.locator('.tl-btn[data-view="steps"]').textContent()).toBe('步骤');
    expect(await page.locator('.tl-download').textContent()).toBe(zh['timeline.download']);
    expect(await page.locator('.tl-table summary').textContent()).toBe(zh['timeline.table']);
    await page.close();
  });

  it('fits a 360 px phone screen without horizontal scrolling', async () => {
    const { context: phone, blocked: phoneBlocked } = await lockedContext(browser, { width: 360, height: 740, deviceScaleFactor: 2 });
    const page = await openTimeline(phone, run);
    const sizes = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, canvas: document.querySelector('.tl-canvas')!.getBoundingClientRect().width }));
    expect(sizes.doc).toBeLessThanOrEqual(360);
    expect(sizes.canvas).toBeLessThanOrEqual(360);
    // Every toolbar control stays on screen.
    for (const box of await page.locator('.tl-toolbar .tl-btn').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(360);
    await phone.close();
    expect(phoneBlocked).toEqual([]);
  });

  it('redraws in the other theme when data-theme changes', async () => {
    const page = await openTimeline(context, run, { theme: 'light' });
    const corner = (): Promise<number[]> =>
      page.evaluate(() => {
        const c = document.querySelector('.tl-canvas') as HTMLCanvasElement;
        const probe = document.createElement('canvas');
        probe.width = c.width;
        probe.height = c.height;
        const p = probe.getContext('2d')!;
        p.drawImage(c, 0, 0);
        return [...p.getImageData(c.width - 3, c.height - 3, 1, 1).data];
      });
    const light = await corner();
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(light[0]! + light[1]! + light[2]!).toBeGreaterThan(600);
    // The redraw follows the attribute change on the next frame; wait for it rather than a fixed time.
    await expect.poll(async () => { const dark = await corner(); return dark[0]! + dark[1]! + dark[2]!; }, { timeout: 5000 }).toBeLessThan(200);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`looks like the stored screenshot (${theme} theme)`, async () => {
      const page = await openTimeline(context, run, { theme });
      await page.locator('.tl-legend summary').click();
      const shot = await page.locator('#tl').screenshot();
      const file = join(SHOTS, `timeline-kitchen-${theme}.png`);
      if (!existsSync(file) || process.env.UPDATE_SCREENSHOTS === '1') {
        // First run (or an intended change): store the picture; review it before committing.
        writeFileSync(file, shot);
      }
      const stored = readFileSync(file);
      const diff = await comparePngs(page, shot, stored);
      expect(diff.sameSize).toBe(true);
      // Tolerance: anti-aliasing and font hinting may move a few pixels, not a lane.
      expect(diff.differing / (diff.width * diff.height)).toBeLessThan(0.005);
      // And the comparison can fail: the other theme's picture differs a lot.
      const other = join(SHOTS, `timeline-kitchen-${theme === 'light' ? 'dark' : 'light'}.png`);
      if (existsSync(other)) {
        const cross = await comparePngs(page, shot, readFileSync(other));
        expect(!cross.sameSize || cross.differing / (cross.width * cross.height) > 0.2).toBe(true);
      }
      await page.close();
    });
  }
});

describe('timeline: what a reader meets (issue 10.12)', () => {
  const longName = 'conn 10.0.0.2:50123';
  const longSource = `import { createTask, sleep } from 'miniloop';
const a = createTask(async () => { await sleep(10); console.log('served'); }, { name: '${longName}' });
const b = createTask(async () => { await sleep(5); }, { name: 'a task whose name goes on and on well past any label column there is' });
await a;
await b;
`;

  for (const width of [900, 390]) {
    it(`a long lane name is shown whole, in a wider label column, at ${width} px`, async () => {
      const data = await runSource(longSource);
      const { context: ctx, blocked: b } = await lockedContext(browser, { width, height: 700 });
      const page = await openTimeline(ctx, data);
      const ds = await dataset(page);
      // What the name needs in the canvas's own font, plus the indent of a child lane.
      const needed = await page.evaluate((name) => {
        const c = document.createElement('canvas').getContext('2d')!;
        c.font = `12px ${getComputedStyle(document.getElementById('tl')!).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'}`;
        return c.measureText(name).width;
      }, longName);
      const m = buildModel(data);
      const row = m.rows.find((r) => r.label === longName)!;
      expect(Number(ds.labelWidth)).toBeGreaterThanOrEqual(6 + row.depth * 10 + needed + 4);
      // A name too long for any column is cut on the canvas, and whole in its label's tooltip.
      const { g, left, top } = await geometryOf(page);
      const longest = m.rows.findIndex((r) => r.label.startsWith('a task whose name'));
      await page.mouse.move(left + 20, top + rowTop(g, longest) + g.rowHeight / 2);
      await expect.poll(() => page.locator('.tl-tooltip').textContent()).toBe(m.rows[longest]!.label);
      await ctx.close();
      expect(b).toEqual([]);
    });
  }

  it('the loop-blocked label is not drawn over the axis labels', async () => {
    const page = await openTimeline(context, run);
    const labels = async (): Promise<Array<{ kind: string; text: string; x: number; w: number }>> =>
      page.evaluate(() => (window as unknown as W).tl.stats().headerLabels);
    const check = async (): Promise<void> => {
      const drawn = await labels();
      expect(drawn.filter((l) => l.kind === 'stall').map((l) => l.text)).toEqual(['loop blocked for 20 ms']);
      expect(drawn.filter((l) => l.kind === 'tick').length).toBeGreaterThan(1);
      for (const a of drawn) for (const b of drawn) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x, `${a.text} / ${b.text}`).toBe(true);
    };
    await check();
    // Zoomed so that the stall sits among many ticks.
    const stall = model.timeline.stalls[0]!;
    await page.evaluate(({ from, to }) => { const w = window as unknown as W; w.tl.setRange(from, to); w.tl.redraw(); }, { from: stall.start - 15, to: stall.end + 15 });
    await check();
    await page.close();
  });

  it('a run that happens entirely at 0 ms opens on the steps view', async () => {
    const data = await runSource(`import { createTask } from 'miniloop';
const t = createTask(async () => { for (let i = 0; i < 3; i++) { await Promise.resolve(); console.log('tick', i); } }, { name: 'ticker' });
await t;
console.log('done');
`);
    expect(data.endTime).toBe(0);
    const page = await openTimeline(context, data);
    expect((await dataset(page)).view).toBe('steps');
    expect(await page.locator('.tl-btn[data-view="steps"]').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('with 2,000 tasks it says how many lanes there are and which are in view', async () => {
    const many = syntheticTrace(6000, 2000);
    const page = await openTimeline(context, many);
    const position = page.locator('.tl-lane-position');
    expect(await position.isVisible()).toBe(true);
    expect(await position.textContent()).toBe('Lanes 1–14 of 2000');
    await page.locator('.tl-plot').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => position.textContent()).toBe('Lanes 4–17 of 2000');
    expect((await dataset(page)).firstRow).toBe('4');
    // The kitchen run fits: no position line.
    await page.evaluate((r) => (window as unknown as W).tl.update(r), run);
    await page.evaluate(() => (window as unknown as W).tl.redraw());
    expect(await position.isVisible()).toBe(false);
    await page.close();
  });

  it('on a touch screen, a tap on a span shows what hover shows', async () => {
    const { context: touch, blocked: b } = await lockedContext(browser, { width: 390, height: 800, hasTouch: true, deviceScaleFactor: 2 });
    const page = await openTimeline(touch, run);
    const { g, left, top } = await geometryOf(page);
    const r = rowOf('bob');
    await page.touchscreen.tap(left + xOf(g, 25), top + rowTop(g, r) + g.rowHeight / 2);
    const tooltip = page.locator('.tl-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('bob');
    expect(await tooltip.textContent()).toContain('lock');
    expect(await page.evaluate(() => (window as unknown as W).hovers.at(-1))).toMatchObject({ type: 'span' });
    // It stays after the finger lifts (a touch "leaves" the canvas on lifting).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await tooltip.isVisible()).toBe(true);
    await touch.close();
    expect(b).toEqual([]);
  });
});
