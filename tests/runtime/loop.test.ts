/** The loop core: turns, timers, virtual time, attribution, budgets and reports. */
import { describe, expect, it } from 'vitest';
import { Loop } from '../../src/runtime/loop.ts';
import { outputOf, runSource } from './run-source.ts';

describe('Loop (callbacks only)', () => {
  it('runs ready callbacks in FIFO order and timers by (time, order set)', () => {
    const loop = new Loop();
    const seen: string[] = [];
    loop.callLater(20, () => seen.push(`b@${loop.now}`));
    loop.callLater(10, () => seen.push(`a@${loop.now}`));
    loop.callLater(20, () => seen.push(`c@${loop.now}`));
    loop.callSoon(() => seen.push(`soon1@${loop.now}`));
    loop.callSoon(() => seen.push(`soon2@${loop.now}`));
    loop.runUntilIdle();
    expect(seen).toEqual(['soon1@0', 'soon2@0', 'a@10', 'b@20', 'c@20']);
    expect(loop.now).toBe(20);
  });

  it('runs only the callbacks that were ready when a turn began (asyncio _run_once)', () => {
    const loop = new Loop();
    const seen: string[] = [];
    loop.callSoon(() => {
      seen.push('a');
      loop.callSoon(() => seen.push('c'));
    });
    loop.callSoon(() => seen.push('b'));
    loop.runUntilIdle();
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('drains microtasks after every callback, before the next one', () => {
    const loop = new Loop();
    const seen: string[] = [];
    loop.callSoon(() => {
      seen.push('cb1');
      loop.enqueueJob(() => {
        seen.push('job1');
        loop.enqueueJob(() => seen.push('job2'));
      });
    });
    loop.callSoon(() => seen.push('cb2'));
    loop.runUntilIdle();
    expect(seen).toEqual(['cb1', 'job1', 'job2', 'cb2']);
  });

  it('recycles only its own wake-up handles: a handle given out by callSoon is never reused', () => {
    const loop = new Loop();
    const seen: string[] = [];
    const mine = loop.callSoon(() => seen.push('mine'));
    const mineFn = mine.fn;
    // Internal wake-ups interleaved over several turns (queued as slots, without handles): they never touch a public handle.
    let left = 5;
    const wake = (n: number): void => {
      seen.push(`wake${n}`);
      if (--left > 0) loop.schedule(wake, null, 'test', n + 1);
    };
    loop.schedule(wake, null, 'test', 1);
    loop.schedule(() => seen.push('second'), null, 'test', undefined);
    loop.runUntilIdle();
    expect(seen).toEqual(['mine', 'wake1', 'second', 'wake2', 'wake3', 'wake4', 'wake5']);
    expect(mine.fn).toBe(mineFn);
    // Cancelling the ran public handle later must not cancel anybody else's wake-up.
    loop.schedule(() => seen.push('after'), null, 'test', undefined);
    mine.cancel();
    loop.runUntilIdle();
    expect(seen.at(-1)).toBe('after');
  });

  it('expires deadlines before callbacks already queued, and jumps the clock to them', () => {
    const loop = new Loop();
    const seen: string[] = [];
    loop.callSoon(() => {
      loop.deadlineAt(5, () => seen.push(`deadline@${loop.now}`));
      loop.callLater(5, () => seen.push(`timer@${loop.now}`));
      loop.advanceBlocked(10); // the deadline passes while the loop is blocked
      loop.callSoon(() => seen.push(`queued-before@${loop.now}`));
    });
    const dropped = loop.deadlineAt(20, () => seen.push('cancelled deadline ran'));
    dropped.cancel();
    loop.deadlineAt(30, () => seen.push(`late@${loop.now}`));
    loop.runUntilIdle();
    expect(seen).toEqual(['deadline@10', 'queued-before@10', 'timer@10', 'late@30']);
    expect(loop.now).toBe(30);
  });

  it('skips cancelled handles and keeps time at the last run callback', () => {
    const loop = new Loop();
    const seen: number[] = [];
    const h = loop.callLater(50, () => seen.push(50));
    loop.callLater(30, () => seen.push(30));
    h.cancel();
    loop.runUntilIdle();
    expect(seen).toEqual([30]);
    expect(loop.now).toBe(30);
  });

  it('stops at the time limit, recording the limit and that the next timer would pass it (no text: messages.ts makes it)', () => {
    const loop = new Loop({ timeLimit: 1000 });
    loop.callLater(5000, () => {});
    loop.runUntilIdle();
    expect(loop.stopped).toEqual({ reason: 'time-limit', limit: 1000, passed: false });
    expect(loop.trace.events.at(-1)).toMatchObject({ kind: 'stop', detail: { reason: 'time-limit', limit: 1000, passed: false } });
    expect(loop.now).toBe(0);
  });

  it('stops at the step limit', () => {
    const loop = new Loop({ stepLimit: 100 });
    const again = (): void => void loop.callSoon(again);
    loop.callSoon(again);
    loop.runUntilIdle();
    expect(loop.stopped).toEqual({ reason: 'step-limit', limit: 100 });
    expect(loop.steps).toBe(101);
  });
});

describe('programs on the loop', () => {
  it('virtual time: an hour of sleeping takes a handful of loop steps and reads 3,600,000 ms', async () => {
    const result = await runSource(`
      import { sleep, now } from "miniloop";
      await sleep(60 * 60 * 1000);
      console.log(now(), Date.now() - new Date(0).getTime() > 0, performance.now());
    `);
    expect(result.lines.map((l) => l.text)).toEqual(['3600000 true 3600000']);
    expect(result.steps).toBeLessThan(20);
  });

  it('attributes every console line to the task that printed it, with its virtual time', async () => {
    const result = await runSource(`
      import { sleep, createTask } from "miniloop";
      const worker = async (ms: number) => { await sleep(ms); console.log("woke", ms); };
      createTask(() => worker(30), { name: "slow" });
      createTask(() => worker(10), { name: "fast" });
      console.log("top");
      setTimeout(() => console.log("timer"), 20);
    `);
    expect(result.lines.map((l) => [l.t, l.task, l.text])).toEqual([
      [0, 'main', 'top'],
      [10, 'fast', 'woke 10'],
      [20, 'main', 'timer'],
      [30, 'slow', 'woke 30'],
    ]);
  });

  it('is deterministic: same program, same trace (Math.random is seeded)', async () => {
    const src = `
      import { sleep, createTask } from "miniloop";
      for (let i = 0; i < 5; i++) createTask(async () => { await sleep(Math.floor(Math.random() * 100)); console.log(i); });
    `;
    const a = await runSource(src);
    const b = await runSource(src);
    expect(a.trace).toEqual(b.trace);
    const c = await runSource(src, { seed: 7 });
    expect(c.lines.map((l) => l.t)).not.toEqual(a.lines.map((l) => l.t));
  });

  it('records running, ready and waiting stretches with what a task waits on', async () => {
    const result = await runSource(`
      import { sleep, createTask } from "miniloop";
      const t = createTask(async () => { await sleep(100); }, { name: "sleeper" });
      await t;
    `);
    const sleeper = result.tasks.find((t) => t.name === 'sleeper')!.id;
    const kinds = result.trace.filter((e) => e.task === sleeper).map((e) => (e.kind === 'wait' ? `wait:${e.detail.on.what}` : e.kind));
    expect(kinds).toEqual(['spawn', 'ready', 'run', 'wait:sleep 100ms', 'ready', 'run', 'done']);
    const main = result.trace.filter((e) => e.task === 1 && e.kind === 'wait').map((e) => e.kind === 'wait' && e.detail.on.what);
    expect(main).toEqual(['task sleeper']);
  });

  it('blockFor stalls the loop: nothing else runs and due tasks wait, ready, until it ends', async () => {
    const result = await runSource(`
      import { sleep, createTask, blockFor, now } from "miniloop";
      createTask(async () => { await sleep(10); console.log("b woke", now()); }, { name: "b" });
      createTask(async () => { blockFor(100); console.log("a unblocked", now()); }, { name: "a" });
    `);
    expect(result.lines.map((l) => `${l.t} ${l.text}`)).toEqual(['100 a unblocked 100', '100 b woke 100']);
    const b = result.tasks.find((t) => t.name === 'b')!.id;
    const ready = result.trace.find((e) => e.task === b && e.kind === 'ready' && e.t === 100);
    expect(ready && ready.kind === 'ready' && ready.detail.since).toBe(10);
  });

  it('reports a deadlock naming each blocked task and what it waits on', async () => {
    const result = await runSource(`
      import { Future, createTask } from "miniloop";
      const f1 = new Future<void>({ kind: "event", what: "event A" });
      const f2 = new Future<void>({ kind: "event", what: "event B" });
      const a = createTask(async () => { await f1; f2.setResult(); }, { name: "a" });
      const b = createTask(async () => { await f2; f1.setResult(); }, { name: "b" });
      await a;
    `);
    expect(result.status).toBe('failed');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.kind).toBe('deadlock');
    expect(result.problems[0]!.message).toContain('task main waits on task a');
    expect(result.problems[0]!.message).toContain('task a waits on event A');
    expect(result.problems[0]!.message).toContain('task b waits on event B');
  });

  it('cancels what is left when the top level is done (as asyncio.run does), running cleanups', async () => {
    const result = await runSource(`
      import { Future, createTask } from "miniloop";
      createTask(async () => { try { await new Future(); } finally { console.log("server cleanup"); } }, { name: "server" });
      console.log("main done");
    `);
    expect(result.lines.map((l) => l.text)).toEqual(['main done', 'server cleanup']);
    expect(result.problems).toEqual([]);
  });

  it("an uncaught error stops the run with a stack pointing at the reader's lines", async () => {
    const result = await runSource(['console.log("before");', 'function fail(): never {', '  throw new TypeError("nope");', '}', 'setTimeout(fail, 10);', 'setTimeout(() => console.log("never"), 20);'].join('\n'));
    expect(result.lines.map((l) => l.text)).toEqual(['before']);
    expect(result.problems[0]!.kind).toBe('error');
    expect(result.problems[0]!.message).toMatch(/^TypeError: nope\n    at fail \(main\.ts:3:9\)/);
  });

  it('reports task exceptions nobody retrieved and unhandled rejections at the end', async () => {
    const result = await runSource(`
      import { createTask, sleep } from "miniloop";
      createTask(async () => { throw new Error("lost"); }, { name: "orphan" });
      Promise.reject(new RangeError("nobody catches me"));
      const handledLater = Promise.reject(new Error("late"));
      await sleep(1);
      handledLater.catch(() => {});
    `);
    expect(result.problems.map((p) => p.kind)).toEqual(['unretrieved', 'unhandled-rejection']);
    expect(result.problems[0]!.message).toContain('task orphan');
    expect(result.problems[0]!.message).toContain('Error: lost');
    expect(result.problems[1]!.message).toContain('RangeError: nobody catches me');
  });

  it('stops a flood of output at the output limit', async () => {
    const result = await runSource('for (let i = 0; ; i++) console.log(i);', { outputLimit: 50 });
    expect(result.lines).toHaveLength(50);
    expect(result.problems.map((p) => p.kind)).toEqual(['output-limit']);
  });

  it('stops an endless await loop at the step limit', async () => {
    const result = await runSource('while (true) await null;', { stepLimit: 10_000 });
    expect(result.problems.map((p) => p.kind)).toEqual(['step-limit']);
  });

  it('stops an endless interval at the time limit', async () => {
    const result = await runSource('let n = 0; setInterval(() => n++, 1000);', { timeLimit: 10_000 });
    expect(result.problems.map((p) => p.kind)).toEqual(['time-limit']);
    expect(result.endTime).toBe(10_000);
  });
});

describe('wait labels', () => {
  it('a callback of a waiting task does not change what the task is shown waiting on', async () => {
    const result = await runSource("import { sleep } from 'miniloop';\nsetTimeout(() => {}, 10);\nawait sleep(100);");
    const waits = result.trace.filter((e) => e.task === 1 && e.kind === 'wait').map((e) => e.kind === 'wait' && `${e.t} ${e.detail.on.what}`);
    expect(waits).toEqual(['0 sleep 100ms', '10 sleep 100ms']);
  });
});
