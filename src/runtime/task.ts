/**
 * Task: runs an async function on the loop (asyncio.Task).
 *
 * Invariant (asyncio's tasks.py states the same one above its Task): at any
 * moment a task is exactly one of
 *   - running (the loop's `current`),
 *   - suspended on ONE future (`futWaiter`), which wakes it when done,
 *   - suspended for one turn (`atCheckpoint`: its resume is in the ready queue),
 *   - suspended on a plain promise (a reaction of its frame is registered), or
 *   - done.
 * `mustCancel` means: a cancellation (or a layer's resume error) is owed and is
 * thrown into the task at its next resume. Only Task's own methods change these
 * fields - `suspendOn` / `wokeFrom` (a future), `yieldTurn` / `resumeTurn` (one
 * turn), `takeResumeError`, `setResumeError` / `withdrawResumeError`, `cancel`
 * and the finish - and traps.ts names every way to suspend. Layers read them
 * through getters; tests/runtime/kernel-layers.test.ts checks that no layer
 * assigns them.
 *
 * Layers that build on tasks (cancel scopes, nurseries) plug in through
 * `TaskHooks` instead of changing Task: one hooks object per task, set once.
 * Tests: tests/runtime/task-root.test.ts, tests/runtime/kernel-layers.test.ts,
 * tests/runtime/properties.test.ts and the semantics corpus.
 */
import { append, list, ReflectApply } from './primordials.ts';
import { LiveTasks } from './live-tasks.ts';
import { ADOPTED, awaitFor, isDirectShell, startBody, startMachineBody } from './driver.ts';
import { CancelledError } from './errors.ts';
import { isLoopPromise } from './promise.ts';
import { Future } from './future.ts';
import { getLoop, PROMISE_WAIT, RunSlot, type Loop, type LoopTask, type Waiter } from './loop.ts';
import type { StateMachineBody } from '../contract/program.ts';
import type { WaitLabel } from './trace.ts';
import { waitLabelOf, type WaitOn } from './wait-labels.ts';

/** Options for creating a task. */
export interface TaskOptions {
  /** A name shown in the console and on the timeline (default "Task-N"). */
  name?: string;
  /** The TaskGroup or nursery the task belongs to, for the timeline. */
  group?: string;
}

/**
 * What a layer built on tasks may plug into one: the few points where a
 * structured-concurrency layer needs the kernel to ask it (as a core with
 * cancel scopes built in would decide itself). Every member is optional; one
 * object can serve every task of the layer.
 */
export interface TaskHooks {
  /**
   * How the task's `sleep(ms)` is timed: return the handle of a loop timer or
   * deadline that calls `wake(arg)` at virtual time `at`. Without the hook, a
   * sleep is an ordinary timer (`Loop.callAt`).
   */
  sleepTimer?<A>(loop: Loop, at: number, wake: (arg: A) => void, arg: A): { cancel(): void };
  /**
   * The task is about to resume from a yielded turn while a resume error is
   * owed: return true to pass one more turn first (called again then).
   */
  delayResumeError?(task: Task<unknown>): boolean;
  /** The task resumed from a yielded turn (whatever it resumes with). */
  turnResumed?(task: Task<unknown>): void;
  /** The owed resume error is being thrown into the task now. */
  resumeErrorTaken?(task: Task<unknown>, error: unknown): void;
  /**
   * The task ended: called at once, before its done callbacks are scheduled,
   * with the error it ended with (undefined when it returned).
   */
  exited?(task: Task<unknown>, error: unknown): void;
}

/** The tasks of one run. */
export interface TaskRegistry {
  nextId: number;
  /** The tasks not done yet, in creation order. */
  live: LiveTasks<Task<unknown>>;
  /** Tasks that ended with an exception (checked at the end for ones nobody retrieved). */
  failed: Task<unknown>[];
}

/** The run's task registry (a slot of the run, see RunSlot in loop.ts). */
export const TASKS = new RunSlot<TaskRegistry>('tasks', () => ({ nextId: 1, live: new LiveTasks(), failed: list<Task<unknown>>() }));

/** The tasks of a loop: live ones (for deadlock reports) and failed ones (for the end-of-run report). */
export function taskRegistry(loop: Loop): TaskRegistry {
  return loop.slot(TASKS);
}

/** The task's rare fields, made on first use (made in Task's static block). */
let rareOf: (task: Task<any>) => TaskRare;
/** A task whose body is `machine` (see machineTask; made in Task's static block). */
let makeMachineTask: (machine: StateMachineBody, options: TaskOptions | undefined) => Task<unknown>;
/** End `task` with a result, an exception or a cancellation (made in Task's static block). */
let finishTask: (task: Task<any>, how: typeof RESULT | typeof EXCEPTION | typeof CANCEL, value: unknown, cancelError?: unknown) => void;

/** An async function running on the loop; awaitable for its result (asyncio.Task). */
export class Task<T = unknown> extends Future<T> implements LoopTask {
  /** Unique within the run; 1 is the program's top level. */
  readonly id: number;
  /** The task that created this one (null for the top level). */
  readonly parent: Task<unknown> | null;
  /** Work queued for this task (kept by the loop). */
  queued = 0;
  /**
   * @internal What the task waits on when it stops running, as the runtime
   * carries it (a label, or a sleep's duration: wait-labels.ts). Set by Task
   * when it suspends; cleared by the loop when it runs.
   */
  waitOn: WaitOn | null = null;
  /** What cancel() reaches while the task is suspended: a Future, or a frame asleep on its own timer. */
  #waiter: Waiter | null = null;
  /** MUST_CANCEL, AT_CHECKPOINT (see mustCancel, atCheckpoint), BODY_DIRECT and BODY_MACHINE: one field for all. */
  #flags = 0;
  #hooks: TaskHooks | null = null;
  /** What few tasks use (a name, a cancellation, locals), made on first use: see TaskRare. */
  #rare: TaskRare | null = null;
  /** What the first step runs (dropped once it has started). */
  #body: TaskBody | null;

  /** Display name: the one given, else `Task-${id}` (derived, so reading it costs a task no side object). */
  get name(): string {
    return this.#rare?.name ?? `Task-${this.id}`;
  }

  set name(name: string) {
    rareOf(this).name = name;
  }

  /** What a task awaiting this one waits on ("task NAME"); made on first use, since most tasks are never awaited. */
  override get label(): WaitLabel {
    return (rareOf(this).label ??= { kind: 'task', what: `task ${this.name}` });
  }

  override set label(label: WaitLabel) {
    rareOf(this).label = label;
  }

  /** @internal The future the task is suspended on, if any (null while it sleeps on its frame's own timer: traps.ts, SLEEP). */
  get futWaiter(): Future<unknown> | null {
    const waiter = this.#waiter;
    return waiter instanceof Future ? waiter : null;
  }

  /** @internal What the task is suspended on, if any: a future, or a frame asleep on its own timer. */
  get waiter(): Waiter | null {
    return this.#waiter;
  }

  /** What the task waits on when it stops running (null while it runs or before it waits); the label of `waitOn`. */
  get waitLabel(): WaitLabel | null {
    return this.waitOn === null ? null : waitLabelOf(this.waitOn);
  }

  /** @internal A cancellation or resume error is owed: it is thrown in at the next resume. */
  get mustCancel(): boolean {
    return (this.#flags & MUST_CANCEL) !== 0;
  }

  /** @internal The error a layer asked to throw at the next resume instead of CancelledError (undefined: none). */
  get resumeError(): unknown {
    return this.#rare?.resumeError;
  }

  /** @internal True while the task is suspended for one turn (`await checkpoint()`/`sleep(0)`) whose resume is queued. */
  get atCheckpoint(): boolean {
    return (this.#flags & AT_CHECKPOINT) !== 0;
  }

  /** @internal The hooks a layer installed (null: none). */
  get hooks(): TaskHooks | null {
    return this.#hooks;
  }

  /** @internal Install a layer's hooks (once per task: two layers would need to be composed first). */
  setHooks(hooks: TaskHooks): void {
    if (this.#hooks !== null && this.#hooks !== hooks) throw new Error('miniloop: a task takes the hooks of one layer');
    this.#hooks = hooks;
  }

  /** Create and schedule a task running `fn()` (or waiting for an already running promise). */
  constructor(fn: (() => T | PromiseLike<T>) | PromiseLike<T>, options: TaskOptions = {}) {
    super(TASK_WAIT);
    this.#body = fn as TaskBody;
    const loop = this.loop;
    if (isDirectShell(loop, fn)) this.#flags |= BODY_DIRECT;
    const registry = loop.slot(TASKS);
    this.id = registry.nextId++;
    if (options.name !== undefined) rareOf(this).name = options.name;
    this.parent = (loop.current as Task<unknown> | null) ?? null;
    registry.live.add(this);
    loop.trace.addSpawn(loop.now, this.id, options.name ?? null, this.parent?.id ?? 0, options.group);
    loop.schedule(startTask, this, 'task-start', this as Task<unknown>);
  }

  /** @internal First step (called from the ready queue). */
  start(): void {
    const fn = this.#body as (() => T | PromiseLike<T>) | PromiseLike<T>;
    this.#body = null;
    if ((this.#flags & MUST_CANCEL) !== 0) {
      // Cancelled before its first step: the body never runs (asyncio throws into the unstarted coroutine).
      this.#flags &= ~MUST_CANCEL;
      finishTask(this, CANCEL, this.#rare?.pendingMessage);
      return;
    }
    let result: T | PromiseLike<T>;
    const loop = this.loop;
    const machine = (this.#flags & BODY_MACHINE) !== 0;
    if (typeof fn === 'function' || machine) {
      try {
        // An async body's frame reports to the task itself when it completes (no reaction held meanwhile).
        result = (machine ? startMachineBody(loop, this as Task<unknown>, fn as unknown as StateMachineBody) : startBody(loop, this as Task<unknown>, fn as () => unknown, (this.#flags & BODY_DIRECT) !== 0)) as T | PromiseLike<T>;
      } catch (error) {
        this.fail(error);
        return;
      }
      if (result === ADOPTED) return;
    } else {
      result = fn;
    }
    if (result instanceof Future) {
      // `createTask(() => sleep(200))`: the task waits on that future as if it awaited it, so cancel() reaches it.
      this.#waiter = result;
      this.waitOn = result.rawLabel;
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
    if (this.#waiter === future) this.#waiter = null;
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
    if ((this.#flags & MUST_CANCEL) !== 0) {
      // Cancelled right before the body returned: the task counts as cancelled (asyncio 3.11).
      this.#flags &= ~MUST_CANCEL;
      finishTask(this, CANCEL, this.#rare?.pendingMessage);
    } else {
      finishTask(this, RESULT, value);
    }
  }

  /** @internal The body threw `error`. */
  fail(error: unknown): void {
    if (error instanceof CancelledError) finishTask(this, CANCEL, error.message || undefined, error);
    else finishTask(this, EXCEPTION, error);
  }

  // Helpers that read private fields are made here, in a static block: as instance
  // private methods they would cost every task a field (V8's class brand), and as
  // static ones called through the class's name they make esbuild rename the class.
  static {
    rareOf = (task) => (task.#rare ??= new TaskRare());
    makeMachineTask = (machine, options) => {
      const task = new Task(machine as unknown as () => unknown, options);
      // Read when it starts (start()): the constructor only queued that.
      task.#flags |= BODY_MACHINE;
      return task;
    };
    finishTask = (task, how, value, cancelError) => {
      if (task.done()) return;
      const loop = task.loop;
      const registry = loop.slot(TASKS);
      if (how === RESULT) task.setResult(value);
      else if (how === EXCEPTION) task.setException(value);
      else ReflectApply(FuturePrototypeCancel, task, [value]);
      registry.live.delete(task);
      task.#waiter = null;
      if (how === RESULT) {
        loop.trace.add(loop.now, task.id, 'done', DONE_OK);
      } else if (how === CANCEL) {
        loop.trace.add(loop.now, task.id, 'done', DONE_CANCELLED);
      } else {
        append(registry.failed, task as Task<unknown>);
        loop.trace.add(loop.now, task.id, 'done', { outcome: 'error', error: describeError(value) });
      }
      const exited = task.#hooks?.exited;
      if (exited !== undefined) exited(task as Task<unknown>, how === EXCEPTION ? value : cancelError);
    };
  }

  /**
   * Request cancellation (asyncio semantics): if the task waits on a future,
   * that future is cancelled and the task wakes with CancelledError; otherwise
   * CancelledError is thrown into it at its next resume. Returns false if the
   * task is already done.
   */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    const rare = rareOf(this);
    rare.cancelsRequested++;
    this.loop.trace.add(this.loop.now, this.id, 'cancel', message === undefined ? {} : { message });
    // Tasks awaiting each other would cancel each other forever: the second
    // visit only marks the task (asyncio recurses until RecursionError).
    if (this.#waiter !== null && !rare.inCancel) {
      rare.inCancel = true;
      try {
        if (this.#waiter.cancel(message)) return true;
      } finally {
        rare.inCancel = false;
      }
    }
    this.#flags |= MUST_CANCEL;
    rare.pendingMessage = message;
    return true;
  }

  /** Per-task data for library layers (a cancel scope's status, TaskGroup membership); created on first use. */
  get locals(): Map<symbol, unknown> {
    return (rareOf(this).locals ??= new Map());
  }

  /** How many cancellation requests are pending (asyncio.Task.cancelling). */
  cancelling(): number {
    return this.#rare?.cancelsRequested ?? 0;
  }

  /** Decrement the pending cancellation count (asyncio.Task.uncancel); returns the new count. */
  uncancel(): number {
    const rare = this.#rare;
    if (rare === null) return 0;
    if (rare.cancelsRequested > 0) rare.cancelsRequested--;
    return rare.cancelsRequested;
  }

  // ---- The ways the task suspends and resumes (traps.ts names them; the driver calls these).

  /** @internal The task suspends on `waiter` (a future not done, or a frame's own sleep): it wakes through `wokeFrom` when that ends. */
  suspendOn(waiter: Waiter): void {
    this.#waiter = waiter;
    this.waitOn = waiter.rawLabel;
    // Cancelled while running: cancel what it now awaits (asyncio's __step does the same).
    // A layer's resume error is not a cancellation of the future: it stays owed.
    if ((this.#flags & MUST_CANCEL) !== 0 && this.#rare?.resumeError === undefined && waiter.cancel()) this.#flags &= ~MUST_CANCEL;
  }

  /** @internal What the task suspended on has ended; the task resumes now. */
  wokeFrom(waiter: Waiter): void {
    if (this.#waiter === waiter) this.#waiter = null;
  }

  /** @internal The task yields one turn (its resume is queued now). */
  yieldTurn(): void {
    this.waitOn = null;
    this.#flags |= AT_CHECKPOINT;
  }

  /** @internal The yielded turn came: true if the task resumes now, false if a hook asks for one more turn. */
  resumeTurn(): boolean {
    const hooks = this.#hooks;
    if (hooks !== null) {
      if ((this.#flags & MUST_CANCEL) !== 0 && hooks.delayResumeError !== undefined && hooks.delayResumeError(this as Task<unknown>)) return false;
      hooks.turnResumed?.(this as Task<unknown>);
    }
    this.#flags &= ~AT_CHECKPOINT;
    return true;
  }

  /** @internal The task suspends on a plain promise (shown as waiting on a promise unless it said more). */
  suspendOnPromise(): void {
    if (this.waitOn === null) this.waitOn = PROMISE_WAIT;
  }

  /** @internal Show the running task as waiting on `label` from now on (a layer's wait that is not a future). */
  labelWait(label: WaitLabel): void {
    this.waitOn = label;
  }

  /** @internal Take the owed error (the driver throws it into the task now): a layer's resume error, else CancelledError. */
  takeResumeError(): unknown {
    this.#flags &= ~MUST_CANCEL;
    let error: unknown;
    const rare = this.#rare;
    if (rare !== null && rare.resumeError !== undefined) {
      error = rare.resumeError;
      rare.resumeError = undefined;
    } else {
      error = new CancelledError(rare?.pendingMessage ?? '');
    }
    const taken = this.#hooks?.resumeErrorTaken;
    if (taken !== undefined) taken(this as Task<unknown>, error);
    return error;
  }

  /**
   * @internal Read what waking and ending the task will read, and nothing else (warmTask): its
   * slot among the live tasks, and `#flags` and `#hooks`, which lie on the last of the three cache
   * lines a task spans (160 bytes; continueFrame and finishTask read them). With those two, a run of
   * 100,000 sleeping tasks woke in ~8 ms less (bench/README.md, twelfth session).
   */
  warm(): number {
    return (this.loop.slot(TASKS).live.has(this as Task<unknown>) ? 1 : 0) + this.#flags + (this.#hooks === null ? 0 : 1);
  }

  /** @internal A layer owes the task `error`: it is thrown in at the next resume (instead of CancelledError). */
  setResumeError(error: unknown): void {
    rareOf(this).resumeError = error;
    this.#flags |= MUST_CANCEL;
  }

  /** @internal Take back `error` if it is still the owed one (the reason for it went away); true if it was. */
  withdrawResumeError(error: unknown): boolean {
    const rare = this.#rare;
    if (rare === null || rare.resumeError !== error) return false;
    rare.resumeError = undefined;
    this.#flags &= ~MUST_CANCEL;
    return true;
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

/** Task's #flags: a cancellation or resume error is owed. */
const MUST_CANCEL = 1;
/** Task's #flags: suspended for one turn whose resume is queued. */
const AT_CHECKPOINT = 2;
/** Task's #flags: the body is a lowered async function whose call runs nothing before its frame (driver.ts, Driver.directShell). */
const BODY_DIRECT = 4;
/** Task's #flags: the body is the state machine of an async arrow, made in its place (machineTask). */
const BODY_MACHINE = 8;

/** Future's cancel, for finishTask (outside the method, `super` is not at hand). */
const FuturePrototypeCancel = Future.prototype.cancel;

/**
 * The fields of a task that few tasks use, kept apart so that a task that only
 * runs and ends (most of 100,000) carries none of them.
 */
class TaskRare {
  /** The name given (undefined: the default, `Task-${id}`). */
  name: string | undefined = undefined;
  /** What a task awaiting this one waits on ("task NAME"). */
  label: WaitLabel | undefined = undefined;
  /** The error a layer asked to throw at the next resume instead of CancelledError. */
  resumeError: unknown = undefined;
  locals: Map<symbol, unknown> | undefined = undefined;
  /** asyncio's _num_cancels_requested. */
  cancelsRequested = 0;
  /** cancel() is cancelling the awaited future now (see cancel). */
  inCancel = false;
  pendingMessage: string | undefined = undefined;
}

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

/**
 * Read what ending `context`'s task will read - the task and its slot among
 * the live tasks - and nothing else (see SelfTimer.warm, loop.ts); a number
 * only so the reads are kept.
 */
export function warmTask(context: LoopTask | null): number {
  return context instanceof Task ? context.warm() : 0;
}

/**
 * The program's `__taskOf(machine, options?)` (contract/program.ts): the module's
 * `createTask(async () => ..., options?)` for an arrow the compiler replaced by its state machine
 * (compiler/shared-bodies.ts). The task keeps the machine, not a closure, and starts it as calling
 * the arrow would (driver.ts, startMachineBody). Tests: tests/runtime/task-machines.test.ts.
 */
export function machineTask(machine: StateMachineBody, options?: TaskOptions): Task<unknown> {
  return makeMachineTask(machine, options);
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
