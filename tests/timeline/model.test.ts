import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramResult } from '../../src/runtime/program.ts';
import { buildModel, extentOf, firstEndingAtOrAfter, rowsFor, seqAtTime, spanRows, timeAtSeq, type TimelineModel } from '../../src/timeline/model.ts';
import { runSource } from '../runtime/run-source.ts';

const kitchen = readFileSync(new URL('./fixtures/kitchen.ts', import.meta.url), 'utf8');
let run: ProgramResult;
let model: TimelineModel;

beforeAll(async () => {
  run = await runSource(kitchen, { loopEvents: true });
  model = buildModel(run);
});

describe('rows', () => {
  it('nests tasks under their parent and TaskGroup members under a group header; threads last', () => {
    expect(model.rows.map((r) => [r.kind, r.label, r.depth])).toEqual([
      ['task', 'main', 0],
      ['group', 'cooks', 1],
      ['task', 'ann', 2],
      ['task', 'bob', 2],
      ['task', 'waiter', 1],
      ['task', 'runner', 1],
      ['thread', 'thread 1', 0],
    ]);
  });
  it('the microtasks view adds the loop lane on top; the others do not', () => {
    expect(rowsFor(model, 'microtasks')[0]!.kind).toBe('loop');
    expect(rowsFor(model, 'time')).toBe(model.rows);
    expect(rowsFor(model, 'steps')).toBe(model.rows);
  });
  it('a second group after an ungrouped sibling gets its own header again', async () => {
    const m = buildModel(await runSource(`
      import { TaskGroup, createTask, sleep } from 'miniloop';
      await new TaskGroup({ name: 'g1' }).run(async (g) => { g.createTask(() => sleep(1), { name: 'a' }); });
      await createTask(() => sleep(1), { name: 'solo' });
      await new TaskGroup({ name: 'g2' }).run(async (g) => { g.createTask(() => sleep(1), { name: 'b' }); g.createTask(() => sleep(1), { name: 'c' }); });
    `));
    expect(m.rows.map((r) => `${r.depth}:${r.kind === 'group' ? `[${r.label}]` : r.label}`)).toEqual(['0:main', '1:[g1]', '2:a', '1:solo', '1:[g2]', '2:b', '2:c']);
  });
});

describe('trio nurseries', () => {
  it('children of each nursery sit under their own header, under the task that opened it', async () => {
    const m = buildModel(await runSource(`
      import { openNursery, sleep } from 'miniloop';
      async function child(name: string, delay: number) { await sleep(delay); console.log(name); }
      await openNursery(async (nursery) => {
        nursery.startSoon(child, 'a', 300);
        nursery.startSoon(child, 'b', 100);
        nursery.startSoon(child, 'c', 200);
      });
      await openNursery(async (nursery) => {
        nursery.startSoon(child, 'd', 100);
        await sleep(200);
      });
    `));
    const shape = m.rows.map((r) => `${r.depth}:${r.kind === 'group' ? 'group' : 'task'}`);
    const groups = m.rows.filter((r) => r.kind === 'group');
    expect(groups).toHaveLength(2);
    expect(groups.every((g) => g.label.startsWith('nursery'))).toBe(true);
    // main, [nursery], 3 children, [nursery], 1 child: children one level below their header.
    expect(shape).toEqual(['0:task', '1:group', '2:task', '2:task', '2:task', '1:group', '2:task']);
  });
});

describe('counts and the loop lane', () => {
  it('counts task spans and marks as the lanes hold them', () => {
    const spans = model.timeline.lanes.reduce((n, l) => n + l.spans.length, 0);
    const marks = model.timeline.lanes.reduce((n, l) => n + l.marks.length, 0) + model.timeline.loopMarks.length;
    expect(model.spanCount).toBe(spans);
    expect(model.markCount).toBe(marks);
    expect(model.taskCount).toBe(5);
  });
  it('hasLoop follows the loopEvents option', async () => {
    expect(model.hasLoop).toBe(true);
    expect(buildModel(await runSource(kitchen)).hasLoop).toBe(false);
  });
  it('records the blockFor stall and the thread job', () => {
    expect(model.timeline.stalls).toHaveLength(1);
    expect(model.timeline.stalls[0]!.end - model.timeline.stalls[0]!.start).toBe(20);
    expect(model.timeline.threads[0]!.spans[0]!.end - model.timeline.threads[0]!.spans[0]!.start).toBe(40);
  });
});

describe('axes', () => {
  it('the i-th console line is the i-th log event', () => {
    expect(model.logSeqs).toHaveLength(run.lines.length);
    model.logSeqs.forEach((seq, i) => {
      const e = run.trace.find((ev) => ev.seq === seq)!;
      expect(e.kind).toBe('log');
      expect(e.kind === 'log' && e.detail.text).toBe(run.lines[i]!.text);
      expect(timeAtSeq(model, seq)).toBe(run.lines[i]!.t);
    });
  });
  it('seqAtTime gives the first step at or after t', () => {
    for (const e of run.trace) {
      const seq = seqAtTime(model, e.t);
      expect(seq).toBeLessThanOrEqual(e.seq);
      const first = run.trace.find((ev) => ev.t >= e.t)!;
      expect(seq).toBe(first.seq);
    }
    expect(seqAtTime(model, run.endTime + 1)).toBe(model.timeline.endSeq);
  });
  it('extents: endTime on the time axis, endSeq on the steps axis', () => {
    expect(extentOf(model, 'time')).toMatchObject({ min: 0, max: run.endTime });
    expect(extentOf(model, 'steps')).toMatchObject({ min: 0, max: model.timeline.endSeq });
  });
  it('firstEndingAtOrAfter agrees with a linear scan on both axes', () => {
    for (const lane of model.timeline.lanes) {
      for (const axis of ['time', 'steps'] as const) {
        const max = axis === 'time' ? run.endTime : model.timeline.endSeq;
        for (let v = -1; v <= max + 1; v += axis === 'time' ? 7 : 3) {
          const expected = lane.spans.findIndex((s) => (axis === 'time' ? s.end : s.seqEnd) >= v);
          expect(firstEndingAtOrAfter(lane.spans, v, axis)).toBe(expected === -1 ? lane.spans.length : expected);
        }
      }
    }
  });
});

describe('table alternative', () => {
  it('lists every span with task, state, times and what it waits on', () => {
    const rows = spanRows(model);
    expect(rows).toHaveLength(model.spanCount);
    const bobLock = rows.find((r) => r.task === 'bob' && r.state === 'waiting' && r.on?.kind === 'lock');
    expect(bobLock).toBeDefined();
    // bob waits for the lock until ann releases it after her 50 ms sleep.
    expect(bobLock!.from).toBe(0);
    expect(bobLock!.to).toBe(50);
    for (const r of rows) expect(r.state === 'waiting').toBe(r.on !== undefined);
    expect(spanRows(model, 3)).toHaveLength(3);
  });
});
