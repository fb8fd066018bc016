/**
 * The ASCII timeline, checked against text derived by hand from each program's
 * semantics and the layout rules in src/trace/ascii-timeline.ts.
 */
import { describe, expect, it } from 'vitest';
import { asciiTimeline, niceStep } from '../../src/trace/ascii-timeline.ts';
import { runSource } from '../runtime/run-source.ts';

describe('asciiTimeline', () => {
  it('draws a parent sleeping 20ms and a worker that sleeps 10ms, logs, sleeps 5ms', async () => {
    // main: runs at 0 (#), sleeps 0..20 (s), logs "end" at 20 (*).
    // worker: starts at 0 (#), sleeps 0..10, logs at 10 (*), sleeps 10..15, runs and ends at 15 (#).
    // endTime 20; labels "main" and "  worker" (8 wide); 40 - 8 - 1 = 31 columns free, so 1 ms per column, 21 columns.
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      createTask(async () => {
        await sleep(10);
        console.log('tick');
        await sleep(5);
      }, { name: 'worker' });
      await sleep(20);
      console.log('end');
    `);
    expect(asciiTimeline(result, { width: 40 })).toBe(
      [
        '         0ms       10ms      20ms',
        '         |---------|---------|',
        'main     #sssssssssssssssssss*',
        '  worker #sssssssss*ssss#',
        'legend:  # running  * log  s sleep',
      ].join('\n'),
    );
  });

  it('shows a blockFor stall, the running stretch that blocked, and a task ready during the stall', async () => {
    // main runs from 0 and blocks the loop until 5 (running 0..5, the stall row B over 0..5), then waits on sleeper (w) until 7.
    // sleeper is ready from its spawn at 0 until the loop is free at 5 (+), starts at 5 (#), sleeps 5..7 (s), logs at 7 (*).
    // endTime 7 over 40 - 9 - 1 = 30 columns: 0.2 ms needs 36 columns, 0.5 ms needs 15: column c is [c/2, c/2 + 0.5).
    const result = await runSource(`
      import { blockFor, createTask, sleep } from 'miniloop';
      const sleeper = createTask(async () => { await sleep(2); console.log('late'); }, { name: 'sleeper' });
      blockFor(5);
      await sleeper;
    `);
    expect(asciiTimeline(result, { width: 40 })).toBe(
      [
        '          0ms       5ms',
        '          |---------|----',
        'main      ##########wwww#',
        '  sleeper ++++++++++#sss*',
        '(blocked) BBBBBBBBBB',
        'legend:  # running  + ready  * log',
        '         s sleep  w task  B loop blocked',
      ].join('\n'),
    );
  });

  it('scales long runs to the width with a nice step', async () => {
    // endTime 1000 over 80 - 4 - 1 = 75 columns: 10 ms is too fine (101 columns), 20 ms fits (51 columns).
    const result = await runSource(`
      import { sleep } from 'miniloop';
      await sleep(1000);
    `);
    const text = asciiTimeline(result);
    const lines = text.split('\n');
    expect(lines[0]).toBe('     0ms       200ms     400ms     600ms     800ms     1s');
    expect(lines[1]).toBe('     |---------|---------|---------|---------|---------|');
    expect(lines[2]).toBe('main #' + 's'.repeat(49) + '#');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('picks 1, 2 or 5 times a power of ten per column', () => {
    expect(niceStep(20, 31)).toBe(1);
    expect(niceStep(1000, 75)).toBe(20);
    expect(niceStep(3, 40)).toBe(0.1);
    expect(niceStep(0, 40)).toBe(1);
    expect(niceStep(86_400_000, 60)).toBe(2_000_000);
  });

  it('labels wait kinds with letters (t = thread, l = lock) from a hand-written trace', () => {
    const ev = (t: number, task: number, kind: string, detail: object) => ({ t, task, kind, detail });
    const trace = [
      ev(0, 1, 'spawn', { name: 'main', parent: 0 }),
      ev(0, 1, 'run', {}),
      ev(0, 1, 'thread', { thread: 1, end: false, label: 'hash' }),
      ev(0, 1, 'wait', { on: { kind: 'thread', what: 'thread job' } }),
      ev(4, 1, 'thread', { thread: 1, end: true, label: 'hash' }),
      ev(4, 1, 'ready', { since: 4 }),
      ev(4, 1, 'run', {}),
      ev(4, 1, 'wait', { on: { kind: 'lock', what: 'lock#1' } }),
      ev(9, 1, 'run', {}),
      ev(9, 1, 'done', { outcome: 'ok' }),
    ].map((e, seq) => ({ ...e, seq })) as never;
    // endTime 9 over 30 - 8 - 1 = 21 columns: 0.5 ms per column, 19 columns; the legend wraps at 30.
    expect(asciiTimeline({ trace }, { width: 30 })).toBe(
      [
        '         0ms       5ms',
        '         |---------|--------',
        'main     #ttttttt#lllllllll#',
        'thread 1 ========',
        'legend:  # running  l lock',
        '         t thread',
        '         = thread busy',
      ].join('\n'),
    );
  });
});
