/**
 * Task: runs an async function on the loop (asyncio.Task).
 *
 * Invariant (from asyncio): a task is either waiting on one future
 * (`futWaiter`), or its next step is scheduled, or it is running - never two at
 * once. Only the driver (driver.ts) sets `futWaiter`; `cancel()` reads it.
 * Tests: tests/runtime/task.test.ts and the semantics corpus.
 */
import { adoptRoot, awaitFor, watchForRoot } from './driver.ts';
import { CancelledError } from './errors.ts';
import { isLoopPromise } from './promise.ts';
import { Future } from './future.ts';
import { getLoop, type Loop, type LoopTask } from './loop.ts';
import type { WaitLabel } from './trace.ts';

/** Options for creating a task. */
export interface TaskOptions {
  /** A name shown in the console and on the timeline (default "Task-N"). */
  name?: string;
  /** The TaskGroup or nursery the task belongs to, for the timeline. */
  group?: string;
}

interface Registry {
  nextId: number;
  live: Set<Task<unknown>>;
  /** Tasks that ended with an exception (checked at the end for ones nobody retrieved). */
  failed: Task<unknown>[];
}

const registries = new WeakMap<Loop, Registry>();

/** The tasks of a loop: live ones (for deadlock reports) and failed ones (for the end-of-run report). */
export function taskRegistry(loop: Loop): Registry {
  let registry = registries.get(loop);
  if (!registry) {
    registry = { nextId: 1, live: new Set(), failed: [] };
    registries.set(loop, registry);
  }
  return registry;
}

/** An async function running on the loop; awaitable for its result (asyncio.Task). */
export class Task<T = unknown> extends Future<T> implements LoopTask {
  /** Unique within the run; 1 is the program's top level. */
  readonly id: number;
  /** Display name. */
  name: string;
  /** The task that created this one (null for the top level). */
  readonly parent: Task<unknown> | null;
  /** Work queued for this task (kept by the loop). */
  queued = 0;
  /** What the task waits on when it stops running (kept by the driver). */
  waitLabel: WaitLabel | null = null;
  /** The future the task is suspended on, if any (kept by the driver). */
  futWaiter: Future<unknown> | null = null;
  /** Cancellation requested while not waiting on a future: delivered at the next resume. */
  mustCancel = false;
  /** Errors to throw into the task at its next resume instead of CancelledError (used by cancel scopes). */
  pendingThrow: unknown = undefined;
  /** @internal True while the task is suspended at a checkpoint (`await checkpoint()`/`sleep(0)`) whose resume is queued (kept by the driver). */
  atCheckpoint = false;
  /**
   * @internal The task runs trio code (set by the trio layer), which times two things as trio
   * does: its sleeps are deadlines (trio.sleep is a cancel scope with a deadline, so it expires
   * in order with the other deadlines of its instant), and a Cancelled due at a checkpoint is
   * thrown one schedule point later (trio.lowlevel.checkpoint yields shielded, then blocks again).
   */
  trioTiming = false;
  /** @internal The extra schedule point of a cancelled trio checkpoint was taken (kept by the driver). */
  cancelDelayed = false;
  /**
   * @internal Called at once when the task ends, before its done callbacks run, with the
   * error it ended with (trio's task_exited: a nursery hears of a child's end in the same step).
   */
  onExit: ((task: Task<unknown>, error: unknown) => void) | null = null;
  #locals: Map<symbol, unknown> | undefined;
  #numCancelsRequested = 0;
  #inCancel = false;
  #pendingMessage: string | undefined;
  #label: WaitLabel | undefined;
  /** What the first step runs (dropped once it has started). */
  #body: TaskBody | null;

  /** What a task awaiting this one waits on ("task NAME"); made on first use, since most tasks are never awaited. */
  override get label(): WaitLabel {
    return (this.#label ??= { kind: 'task', what: `task ${this.name}` });
  }

  override set label(label: WaitLabel) {
    this.#label = label;
  }

  /** Create and schedule a task running `fn()` (or waiting for an already running promise). */
  constructor(fn: (() => T | PromiseLike<T>) | PromiseLike<T>, options: TaskOptions = {}) {
    super(TASK_WAIT);
    this.#body = fn as TaskBody;
    const loop = this.loop;
    const registry = taskRegistry(loop);
    this.id = registry.nextId++;
    this.name = options.name ?? `Task-${this.id}`;
    this.parent = (loop.current as Task<unknown> | null) ?? null;
    registry.live.add(this as Task<unknown>);
    const spawn: { name: string; parent: number; group?: string } = { name: this.name, parent: this.parent?.id ?? 0 };
    if (options.group) spawn.group = options.group;
    loop.trace.add(loop.now, this.id, 'spawn', spawn);
    loop.schedule(startTask, this, 'task-start', this as Task<unknown>);
  }

  /** @internal First step (called from the ready queue). */
  start(): void {
    const fn = this.#body as (() => T | PromiseLike<T>) | PromiseLike<T>;
    this.#body = null;
    if (this.mustCancel) {
      // Cancelled before its first step: the body never runs (asyncio throws into the unstarted coroutine).
      this.mustCancel = false;
      this.#finish(CANCEL, this.#pendingMessage);
      return;
    }
    let result: T | PromiseLike<T>;
    const loop = this.loop;
    if (typeof fn === 'function') {
      watchForRoot(loop);
      try {
        result = fn();
      } catch (error) {
        adoptRoot(loop, this as Task<unknown>, undefined); // adopts nothing; ends the watch
        this.fail(error);
        return;
      }
      // An async function's frame reports to the task when it completes (no reaction held meanwhile).
      if (adoptRoot(loop, this as Task<unknown>, result)) return;
    } else {
      result = fn;
    }
    if (result instanceof Future) {
      // `createTask(() => sleep(200))`: the task waits on that future as if it awaited it, so cancel() reaches it.
      this.futWaiter = result;
      this.waitLabel = result.label;
      result.onDone(finishFromFuture, { task: this as Task<unknown>, future: result as Future<unknown> }, this);
      return;
    }
    if (isLoopPromise(result)) {
      // One of this run's promises (an async function's): the spec's Await, no derived promise, no closures.
      awaitFor(loop)(result, succeedTask, failTask, this as Task<unknown>);
    } else if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<T>).then === 'function') {
      (result as PromiseLike<T>).then(
        (value) => this.succeed(value),
        (error: unknown) => this.fail(error),
      );
    } else {
      this.succeed(result as T);
    }
  }

  /** @internal The future the task's body returned is done. */
  settleFrom(future: Future<T>): void {
    if (this.futWaiter === future) this.futWaiter = null;
    let value: T;
    try {
      value = future.result();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.succeed(value);
  }

  /** @internal The body returned `value`. */
  succeed(value: T): void {
    if (this.mustCancel) {
      // Cancelled right before the body returned: the task counts as cancelled (asyncio 3.11).
      this.mustCancel = false;
      this.#finish(CANCEL, this.#pendingMessage);
    } else {
      this.#finish(RESULT, value);
    }
  }

  /** @internal The body threw `error`. */
  fail(error: unknown): void {
    if (error instanceof CancelledError) this.#finish(CANCEL, error.message || undefined, error);
    else this.#finish(EXCEPTION, error);
  }

  #finish(how: typeof RESULT | typeof EXCEPTION | typeof CANCEL, value: unknown, cancelError?: unknown): void {
    if (this.done()) return;
    const loop = this.loop;
    const registry = taskRegistry(loop);
    if (how === RESULT) this.setResult(value as T);
    else if (how === EXCEPTION) this.setException(value);
    else super.cancel(value as string | undefined);
    registry.live.delete(this as Task<unknown>);
    this.futWaiter = null;
    if (how === RESULT) {
      loop.trace.add(loop.now, this.id, 'done', DONE_OK);
    } else if (how === CANCEL) {
      loop.trace.add(loop.now, this.id, 'done', DONE_CANCELLED);
    } else {
      registry.failed.push(this as Task<unknown>);
      loop.trace.add(loop.now, this.id, 'done', { outcome: 'error', error: describeError(value) });
    }
    if (this.onExit !== null) this.onExit(this as Task<unknown>, how === EXCEPTION ? value : cancelError);
  }

  /**
   * Request cancellation (asyncio semantics): if the task waits on a future,
   * that future is cancelled and the task wakes with CancelledError; otherwise
   * CancelledError is thrown into it at its next resume. Returns false if the
   * task is already done.
   */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    this.#numCancelsRequested++;
    this.loop.trace.add(this.loop.now, this.id, 'cancel', message === undefined ? {} : { message });
    // Tasks awaiting each other would cancel each other forever: the second
    // visit only marks the task (asyncio recurses until RecursionError).
    if (this.futWaiter !== null && !this.#inCancel) {
      this.#inCancel = true;
      try {
        if (this.futWaiter.cancel(message)) return true;
      } finally {
        this.#inCancel = false;
      }
    }
    this.mustCancel = true;
    this.#pendingMessage = message;
    return true;
  }

  /** Per-task data for library layers (trio's cancel status, TaskGroup membership); created on first use. */
  get locals(): Map<symbol, unknown> {
    return (this.#locals ??= new Map());
  }

  /** How many cancellation requests are pending (asyncio.Task.cancelling). */
  cancelling(): number {
    return this.#numCancelsRequested;
  }

  /** Decrement the pending cancellation count (asyncio.Task.uncancel); returns the new count. */
  uncancel(): number {
    if (this.#numCancelsRequested > 0) this.#numCancelsRequested--;
    return this.#numCancelsRequested;
  }

  /** The error to throw into the task when a pending cancellation is delivered. */
  takePendingCancel(): unknown {
    this.mustCancel = false;
    if (this.pendingThrow !== undefined) {
      const error = this.pendingThrow;
      this.pendingThrow = undefined;
      return error;
    }
    return new CancelledError(this.#pendingMessage ?? '');
  }

  /** The name (asyncio.Task.get_name). */
  getName(): string {
    return this.name;
  }

  /** Rename the task (asyncio.Task.set_name). */
  setName(name: string): void {
    this.name = name;
  }

  /** True if the task ended with an exception nobody retrieved (reported at the end of a run). */
  hasUnretrievedException(): boolean {
    return this.exceptionUnretrieved;
  }

  override get [Symbol.toStringTag](): string {
    return 'Task';
  }
}

type TaskBody = (() => unknown) | PromiseLike<unknown>;

const TASK_WAIT: WaitLabel = { kind: 'task', what: 'task' };

const RESULT = 0;
const EXCEPTION = 1;
const CANCEL = 2;
const DONE_OK = Object.freeze({ outcome: 'ok' as const });
const DONE_CANCELLED = Object.freeze({ outcome: 'cancelled' as const });

function finishFromFuture(arg: { task: Task<unknown>; future: Future<unknown> }): void {
  arg.task.settleFrom(arg.future);
}

function startTask(task: Task<unknown>): void {
  task.start();
}

function succeedTask(value: unknown, task: Task<unknown>): void {
  task.succeed(value);
}

function failTask(error: unknown, task: Task<unknown>): void {
  task.fail(error);
}

/** The task running now, or null (asyncio.current_task). */
export function currentTask(): Task<unknown> | null {
  return (getLoop().current as Task<unknown> | null) ?? null;
}

/** One-line description of an error for the trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
