import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hitTest, itemPx, markX, MIN_RUNNING_PX, rowAt, rowTop, valueAt, xOf, type Geometry, type Scene } from '../../src/timeline/geometry.ts';
import { buildModel, extentOf, rowsFor, type TimelineModel, type ViewMode } from '../../src/timeline/model.ts';
import { runSource } from '../runtime/run-source.ts';

const kitchen = readFileSync(new URL('./fixtures/kitchen.ts', import.meta.url), 'utf8');
let model: TimelineModel;

beforeAll(async () => {
  model = buildModel(await runSource(kitchen, { loopEvents: true }));
});

function setup(mode: ViewMode): { g: Geometry; scene: Scene } {
  const axis = mode === 'time' ? 'time' : 'steps';
  const e = extentOf(model, axis);
  const g: Geometry = { width: 1000, height: 400, labelWidth: 100, headerHeight: 26, rowHeight: 22, scrollY: 0, range: { from: e.min, to: e.max }, axis };
  const scene: Scene = { rows: rowsFor(model, mode), stalls: model.timeline.stalls, loopMarks: model.timeline.loopMarks, loop: mode === 'microtasks' ? model.timeline.loop : [] };
  return { g, scene };
}
const rowIndex = (scene: Scene, label: string): number => scene.rows.findIndex((r) => r.label === label);
const midY = (g: Geometry, r: number): number => rowTop(g, r) + g.rowHeight / 2;

describe('layout', () => {
  it('x and value are inverse; rows stack under the axis strip', () => {
    const { g } = setup('time');
    expect(valueAt(g, xOf(g, 123.4))).toBeCloseTo(123.4, 9);
    expect(xOf(g, 0)).toBe(g.labelWidth);
    expect(rowAt(g, 10)).toBe(-1);
    expect(rowAt(g, rowTop(g, 3) + 1)).toBe(3);
    expect(rowAt({ ...g, scrollY: 22 }, rowTop(g, 3) + 1)).toBe(4);
  });
  it('a zero-length running span gets the minimum width on the time axis only', () => {
    const { g } = setup('time');
    const running = model.timeline.lanes[0]!.spans.find((s) => s.state === 'running')!;
    const [a, b] = itemPx(g, running, MIN_RUNNING_PX);
    expect(b - a).toBeCloseTo(MIN_RUNNING_PX, 9);
    const steps = setup('steps').g;
    const [c, d] = itemPx(steps, running, 0);
    expect(d - c).toBeCloseTo(((running.seqEnd - running.seqStart) / model.timeline.endSeq) * (steps.width - steps.labelWidth - 10), 6);
  });
});

describe('hit testing', () => {
  it('finds a console mark on its lane', () => {
    const { g, scene } = setup('time');
    const r = rowIndex(scene, 'ann');
    const row = scene.rows[r]!;
    const log = row.kind === 'task' ? row.lane.marks.find((m) => m.kind === 'log')! : null;
    const hit = hitTest(scene, g, markX(g, log!) + 2, midY(g, r));
    expect(hit).toMatchObject({ type: 'mark', mark: { kind: 'log', text: 'ann has the stove' } });
  });
  it('finds a mark on the steps axis, where it sits half a step right of its seq', () => {
    const { g, scene } = setup('steps');
    for (const label of ['ann', 'bob', 'runner']) {
      const r = rowIndex(scene, label);
      const row = scene.rows[r]!;
      if (row.kind !== 'task') throw new Error('task row');
      for (const m of row.lane.marks) {
        const hit = hitTest(scene, g, markX(g, m), midY(g, r));
        expect(hit?.type, `${label} ${m.kind}@${m.seqStart}`).toBe('mark');
        // Same pixel may hold several marks only if their seqs are within a pixel; here each has its own.
        if (hit?.type === 'mark') expect(Math.abs(markX(g, hit.mark) - markX(g, m))).toBeLessThan(1);
      }
    }
  });
  it('finds the waiting span and what it waits on', () => {
    const { g, scene } = setup('time');
    const r = rowIndex(scene, 'bob');
    const hit = hitTest(scene, g, xOf(g, 25), midY(g, r));
    expect(hit?.type).toBe('span');
    expect(hit && hit.type === 'span' && hit.span.on).toEqual({ kind: 'lock', what: expect.any(String) });
    const runner = hitTest(scene, g, xOf(g, 15), midY(g, rowIndex(scene, 'runner')));
    expect(runner && runner.type === 'span' && runner.span.on?.kind).toBe('queue');
  });
  it('prefers the running span where zero-length spans meet (time axis)', () => {
    // sleep until 10, ready and running at 10 (zero-length in ms), then sleep again.
    const spans = [
      { start: 0, end: 10, seqStart: 1, seqEnd: 5, state: 'waiting' as const, on: { kind: 'sleep' as const, what: 'sleep 10ms' } },
      { start: 10, end: 10, seqStart: 5, seqEnd: 6, state: 'ready' as const },
      { start: 10, end: 10, seqStart: 6, seqEnd: 7, state: 'running' as const },
      { start: 10, end: 20, seqStart: 7, seqEnd: 9, state: 'waiting' as const, on: { kind: 'sleep' as const, what: 'sleep 10ms' } },
    ];
    const lane = { id: 2, name: 't', parent: 0, depth: 0, start: 0, seqStart: 0, end: 20, seqEnd: 10, outcome: 'ok' as const, spans, marks: [] };
    const scene: Scene = { rows: [{ kind: 'task', lane, depth: 0, label: 't' }], stalls: [], loopMarks: [], loop: [] };
    const g: Geometry = { width: 310, height: 100, labelWidth: 100, headerHeight: 26, rowHeight: 22, scrollY: 0, range: { from: 0, to: 20 }, axis: 'time' };
    const x10 = xOf(g, 10);
    expect(hitTest(scene, g, x10 + 1, midY(g, 0))).toMatchObject({ type: 'span', span: { state: 'running' } });
    expect(hitTest(scene, g, x10 + MIN_RUNNING_PX + 1, midY(g, 0))).toMatchObject({ type: 'span', span: { state: 'waiting', start: 10 } });
    expect(hitTest(scene, g, x10 - 2, midY(g, 0))).toMatchObject({ type: 'span', span: { state: 'waiting', start: 0 } });
    // On the steps axis each has its own width.
    const steps: Geometry = { ...g, axis: 'steps', range: { from: 0, to: 10 } };
    expect(hitTest(scene, steps, xOf(steps, 5.5), midY(g, 0))).toMatchObject({ type: 'span', span: { state: 'ready' } });
    expect(hitTest(scene, steps, xOf(steps, 6.5), midY(g, 0))).toMatchObject({ type: 'span', span: { state: 'running' } });
  });
  it('thread lane, stall band in the axis strip, nothing in the label column', () => {
    const { g, scene } = setup('time');
    const job = model.timeline.threads[0]!.spans[0]!;
    const hit = hitTest(scene, g, xOf(g, (job.start + job.end) / 2), midY(g, rowIndex(scene, 'thread 1')));
    expect(hit).toMatchObject({ type: 'thread', span: { label: expect.any(String) } });
    const stall = model.timeline.stalls[0]!;
    expect(hitTest(scene, g, xOf(g, stall.start + 10), 10)).toMatchObject({ type: 'stall' });
    expect(hitTest(scene, g, 50, midY(g, 0))).toBeNull();
  });
  it('microtasks view: the loop row tells the macrotask from its checkpoint', () => {
    const { g, scene } = setup('microtasks');
    const m = model.timeline.loop.find((l) => l.checkpointSeq > l.seqStart + 1)!;
    const zoomed = { ...g, range: { from: m.seqStart - 1, to: m.seqEnd + 1 } };
    const atMacro = hitTest(scene, zoomed, xOf(zoomed, m.seqStart + 0.5), midY(zoomed, 0));
    const atCheckpoint = hitTest(scene, zoomed, xOf(zoomed, m.checkpointSeq + 0.5), midY(zoomed, 0));
    expect(atMacro).toMatchObject({ type: 'loop', part: 'macrotask', span: m });
    expect(atCheckpoint).toMatchObject({ type: 'loop', part: 'checkpoint', span: m });
  });
});
