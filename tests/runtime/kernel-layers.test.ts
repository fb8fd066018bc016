/**
 * The kernel and the layers on it: the kernel (clock, queues, Future, Task,
 * driver, traps) knows nothing of trio; the trio layer plugs into tasks only
 * through `TaskHooks` and Task's own methods and assigns no field of a Task;
 * per-run state hangs off the run (RunSlot), not module tables. The hooks and
 * traps themselves are checked by behaviour here; the trio tests
 * (trio-*.test.ts, the semantics corpus) check that trio still behaves as trio
 * through them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { co } from '../../src/runtime/driver.ts';
import { CancelledError } from '../../src/runtime/errors.ts';
import { Future, Yield } from '../../src/runtime/future.ts';
import { Loop, RunSlot } from '../../src/runtime/loop.ts';
import { Task, type TaskHooks } from '../../src/runtime/task.ts';
import { checkpoint, sleep } from '../../src/runtime/time.ts';
import { AWAITED_SLEEP, FUTURE, FUTURE_DONE, PROMISE, SLEEP, trapOf, TURN } from '../../src/runtime/traps.ts';

const RUNTIME = join(import.meta.dirname, '../../src/runtime');

/** The kernel: the files every layer builds on. */
const KERNEL = ['loop.ts', 'timer-heap.ts', 'promise.ts', 'future.ts', 'task.ts', 'traps.ts', 'driver.ts', 'time.ts', 'async-generator.ts'];

function source(file: string): string {
  return readFileSync(join(RUNTIME, file), 'utf8');
}

describe('the kernel knows no layer', () => {
  it.each(KERNEL)('%s names trio only as the Python counterpart of a public function (trio.name)', (file) => {
    const offending = source(file)
      .split('\n')
      .map((line, i) => ({ line: i + 1, text: line }))
      .filter(({ text }) => /trio/i.test(text.replace(/\btrio(\.[a-z_]+)+/g, '')) || (/trio/i.test(text) && !/^\s*(\*|\/\/|\/\*\*)/.test(text)));
    expect(offending).toEqual([]);
  });

  it.each(KERNEL)('%s imports nothing from a layer', (file) => {
    expect(source(file).match(/from '\.\/(asyncio|trio|net)\//g) ?? []).toEqual([]);
  });

  it('keeps no per-run table in a module (WeakMap keyed by the loop): a run holds its state in RunSlots', () => {
    const offending: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(RUNTIME, dir), { withFileTypes: true })) {
        const rel = join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (entry.name.endsWith('.ts') && /WeakMap<Loop\b/.test(source(rel))) offending.push(rel);
      }
    };
    walk('.');
    expect(offending).toEqual([]);
  });
});

describe('the trio layer writes no field of a Task', () => {
  const files = readdirSync(join(RUNTIME, 'trio')).filter((f) => f.endsWith('.ts'));
  // Task's state, the loop's bookkeeping of a task, and the hooks slot: only Task's methods change them.
  const fields = ['futWaiter', 'mustCancel', 'resumeError', 'pendingThrow', 'atCheckpoint', 'waitLabel', 'waitOn', 'queued', 'hooks', 'onExit', 'trioTiming', 'cancelDelayed', 'takePendingCancel', 'takeResumeError'];
  const assignment = new RegExp(`\\.(${fields.join('|')})\\s*(=(?!=)|\\+\\+|--|[-+|&]=)`);

  it.each(files)('trio/%s assigns none of Task\'s fields', (file) => {
    const lines = source(join('trio', file)).split('\n').filter((line) => assignment.test(line));
    expect(lines).toEqual([]);
  });

  it('the pattern finds such an assignment (so the check above can fail)', () => {
    expect(assignment.test('    task.mustCancel = true;')).toBe(true);
    expect(assignment.test('    task.takePendingCancel = hook;')).toBe(true);
    expect(assignment.test('    if (task.mustCancel === true) x();')).toBe(false);
  });
});

/** Run `body` as the first task of a fresh loop and return what it logged. */
function runTask(body: (log: string[]) => () => unknown, hooks?: TaskHooks): { log: string[]; loop: Loop } {
  const loop = new Loop();
  const log: string[] = [];
  loop.withActive(() => {
    const task = new Task(body(log), { name: 'main' });
    if (hooks) task.setHooks(hooks);
  });
  loop.runUntilIdle();
  return { log, loop };
}

describe('traps: the ways a task suspends', () => {
  it('classifies every awaited value', () => {
    const loop = new Loop();
    loop.withActive(() => {
      const pending = new Future();
      const done = new Future();
      done.setResult(1);
      expect(trapOf(pending)).toBe(FUTURE);
      expect(trapOf(done)).toBe(FUTURE_DONE);
      expect(trapOf(new Yield(1))).toBe(TURN);
      expect(trapOf(checkpoint())).toBe(TURN);
      expect(trapOf(loop.Promise.resolve(1))).toBe(PROMISE);
      expect(trapOf(42)).toBe(PROMISE);
      expect(trapOf(AWAITED_SLEEP)).toBe(SLEEP);
      expect(trapOf({ ms: 1 })).toBe(PROMISE);
    });
  });

  it('a task suspended on a future is its futWaiter until woken; one yielding a turn is at a checkpoint until it resumes', () => {
    const loop = new Loop();
    const seen: string[] = [];
    loop.withActive(() => {
      const future = new Future<string>();
      const task = new Task(() =>
        co(function* () {
          seen.push(`got ${(yield future) as string}`);
          yield checkpoint();
          seen.push('resumed');
        }),
      );
      const observer = new Task(() =>
        co(function* () {
          yield checkpoint();
          seen.push(`waiter is the future: ${task.futWaiter === future}`);
          future.setResult('x');
          yield checkpoint();
          seen.push(`at checkpoint: ${task.atCheckpoint}, waiter: ${task.futWaiter}`);
        }),
      );
      void observer;
    });
    loop.runUntilIdle();
    expect(seen).toEqual(['waiter is the future: true', 'got x', 'at checkpoint: true, waiter: null', 'resumed']);
  });

  it('a cancellation requested while running cancels the future the task then suspends on', () => {
    const { log } = runTask((log) => () =>
      co(function* () {
        const future = new Future();
        const task = currentTaskOf(future);
        task.cancel('stop');
        try {
          yield future;
        } catch (error) {
          log.push(`${(error as Error).name}; future cancelled: ${future.cancelled()}, still owed: ${task.mustCancel}`);
        }
      }),
    );
    expect(log).toEqual(['CancelledError; future cancelled: true, still owed: false']);
  });
});

/** The task whose code is running (the future's loop knows it). */
function currentTaskOf(future: Future<unknown>): Task<unknown> {
  return future.loop.current as Task<unknown>;
}

describe('TaskHooks: how a layer plugs into a task', () => {
  it('sleepTimer times the task\'s sleeps (here: as a loop deadline, which runs before callbacks queued at that instant)', () => {
    const order: string[] = [];
    const loop = new Loop();
    loop.withActive(() => {
      loop.callAt(10, () => order.push('timer at 10'));
      const task = new Task(() =>
        co(function* () {
          yield sleep(10);
          order.push('sleeper woke');
        }),
      );
      task.setHooks({ sleepTimer: (l, at, wake, arg) => (order.push(`sleep until ${at}`), l.deadlineAt(at, wake, 'sleep', arg)) });
    });
    loop.runUntilIdle();
    // Without the hook the sleep's timer would follow the timer set first; as a deadline it expires first.
    expect(order).toEqual(['sleep until 10', 'sleeper woke', 'timer at 10']);
  });

  it('setResumeError is thrown at the next resume, takeResumeError tells the hook, withdrawResumeError takes it back', () => {
    const taken: unknown[] = [];
    const error = new Error('owed');
    const { log } = runTask(
      (log) => () =>
        co(function* () {
          const task = currentTaskOf(new Future());
          task.setResumeError(error);
          try {
            yield checkpoint();
          } catch (e) {
            log.push(`thrown: ${(e as Error).message}`);
          }
          task.setResumeError(new Error('withdrawn'));
          log.push(`withdrawn other: ${task.withdrawResumeError(error)}`);
          log.push(`withdrawn: ${task.withdrawResumeError(task.resumeError)}, owed: ${task.mustCancel}`);
          yield checkpoint();
          log.push('resumed normally');
        }),
      { resumeErrorTaken: (_task, e) => taken.push(e) },
    );
    expect(log).toEqual(['thrown: owed', 'withdrawn other: false', 'withdrawn: true, owed: false', 'resumed normally']);
    expect(taken).toEqual([error]);
  });

  it('delayResumeError passes one more turn before an owed error is thrown at a yielded turn', () => {
    const order: string[] = [];
    let delayed = false;
    const loop = new Loop();
    loop.withActive(() => {
      const task = new Task(() =>
        co(function* () {
          task.setResumeError(new CancelledError('late'));
          try {
            yield checkpoint();
          } catch {
            order.push('thrown');
          }
        }),
      );
      task.setHooks({
        delayResumeError: () => (delayed ? false : (delayed = true)),
        turnResumed: () => order.push('turn resumed'),
      });
      new Task(() =>
        co(function* () {
          yield checkpoint();
          order.push('other 1');
          yield checkpoint();
          order.push('other 2');
        }),
      );
    });
    loop.runUntilIdle();
    expect(order).toEqual(['other 1', 'turn resumed', 'thrown', 'other 2']);
  });

  it('exited is called at once with the error the task ended with, before its done callbacks run', () => {
    const order: string[] = [];
    const loop = new Loop();
    loop.withActive(() => {
      const task = new Task(() => {
        throw new Error('boom');
      });
      task.setHooks({ exited: (t, error) => order.push(`exited ${(error as Error).message}, done: ${t.done()}`) });
      task.addDoneCallback(() => order.push('done callback'));
    });
    loop.runUntilIdle();
    expect(order).toEqual(['exited boom, done: true', 'done callback']);
  });

  it('a task takes the hooks of one layer', () => {
    const loop = new Loop();
    loop.withActive(() => {
      const task = new Task(() => 1);
      task.setHooks({});
      expect(() => task.setHooks({})).toThrow(/one layer/);
    });
  });
});

describe('RunSlot: per-run state', () => {
  it('is made once per run, on first use, and each run has its own', () => {
    let made = 0;
    const slot = new RunSlot('test', (loop) => ({ loop, n: ++made }));
    const a = new Loop();
    const b = new Loop();
    expect(made).toBe(0);
    expect(a.slot(slot)).toBe(a.slot(slot));
    expect(a.slot(slot).loop).toBe(a);
    expect(b.slot(slot).n).toBe(2);
    expect(a.slot(slot).n).toBe(1);
  });
});
