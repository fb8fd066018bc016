/**
 * Nurseries (trio.open_nursery, Nursery.start_soon / start, TaskStatus).
 *
 * Design, after trio's Nursery and NurseryManager (_core/_run.py):
 * - `openNursery(body)` enters the nursery's own cancel scope in the calling
 *   task and runs `body(nursery)` there (the "nested child"). Children are
 *   core Tasks whose cancel status is the nursery scope's status, so
 *   cancelling an outer scope reaches them.
 * - Every error - the body's or a child's - is recorded and cancels the
 *   nursery scope (trio's _add_exc), so the siblings get Cancelled at their
 *   next checkpoint.
 * - When the body is done the parent waits, NOT cancellably (trio's
 *   Abort.FAILED), until every child has finished; with no children left it
 *   still passes one schedule point. Then the recorded errors are raised as
 *   one ExceptionGroup("Exceptions from Trio nursery") - always a group, even
 *   for one error (strict_exception_groups=True, trio's default since 0.25) -
 *   through the nursery scope, which strips the Cancelleds it caused.
 * - `start(fn)` runs fn in a private "old" nursery of the caller until fn calls
 *   `taskStatus.started(value)`; then the task and its cancel statuses move
 *   under this nursery and `start` resolves with the value. An error before
 *   started() comes out of `start` unwrapped (trio #2611).
 * Timeline: children are Tasks with `group: "nursery#N"`; the parent's wait is
 * labelled `{ kind: 'nursery' }`.
 * Tests: tests/runtime/trio-nursery.test.ts.
 */
import { BaseExceptionGroup, CancelledError } from '../errors.ts';
import { getLoop } from '../loop.ts';
import { nextInstance } from '../instances.ts';
import { Task } from '../task.ts';
import type { WaitLabel } from '../trace.ts';
import { activate, trioState, type ChildOwner } from './cancel-delivery.ts';
import { CancelScope, requireTask, type CancelStatus } from './cancel-scope.ts';
import { NURSERY_GROUP_MESSAGE, reprError, RuntimeError } from './errors.ts';


/** What `nursery.start` gives the started function as its FIRST argument (trio.TaskStatus). */
export interface TaskStatus<T = undefined> {
  /** Report that the task has initialized: `nursery.start` resolves with `value` and the task moves into the nursery. */
  started(...value: undefined extends T ? [value?: T] : [value: T]): void;
}

/** A TaskStatus that ignores `started()`, for calling a start-style function directly (trio.TASK_STATUS_IGNORED). */
export const TASK_STATUS_IGNORED: TaskStatus<any> = Object.freeze({ started(): void {} });

/**
 * A nursery: the only way to start concurrent tasks in trio (trio.Nursery).
 * Obtain one from `openNursery`; it stays open until its body and every child
 * have finished.
 */
export class Nursery implements ChildOwner {
  /** The nursery's cancel scope: cancel it to cancel the body and every child (trio.Nursery.cancel_scope). */
  readonly cancelScope: CancelScope;
  /** The task that opened the nursery (trio.Nursery.parent_task). */
  readonly parentTask: Task<unknown>;
  /** Timeline name of the nursery, e.g. "nursery#1"; children carry it as their group. */
  readonly label: string;
  /** @internal Running children. */
  readonly _children = new Set<Task<unknown>>();
  #pendingExcs: unknown[] = [];
  #nestedChildRunning = true;
  #pendingStarts = 0;
  #closed = false;
  #onClosed: ((errors: unknown[]) => void) | null = null;

  /** @internal Use openNursery(). */
  constructor(parentTask: Task<unknown>, cancelScope: CancelScope, label: string) {
    this.parentTask = parentTask;
    this.cancelScope = cancelScope;
    this.label = label;
  }

  /** The children still running (trio.Nursery.child_tasks). */
  get childTasks(): Task<unknown>[] {
    return [...this._children];
  }

  /**
   * Start `fn(...args)` as a child task (trio.Nursery.start_soon); returns at once,
   * before the child runs. Throws RuntimeError if the nursery has closed.
   */
  startSoon<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    if (this.#closed) throw new RuntimeError('Nursery is closed to new arrivals');
    this._spawn(() => fn(...args), fn.name, this.label);
  }

  /**
   * Start `fn(taskStatus, ...args)` as a child and wait until it calls
   * `taskStatus.started(value)`; resolves with that value (trio.Nursery.start). Until
   * then the child runs under the caller: its error is raised here, and
   * cancelling the caller cancels it.
   */
  start<V = undefined, A extends unknown[] = []>(fn: (taskStatus: TaskStatus<V>, ...args: A) => unknown, ...args: A): Promise<V> {
    const loop = getLoop();
    const P = loop.Promise;
    let caller: Task<unknown>;
    try {
      if (this.#closed) throw new RuntimeError('Nursery is closed to new arrivals');
      caller = requireTask('Nursery.start');
    } catch (error) {
      return P.reject(error);
    }
    this.#pendingStarts++;
    const scope = new CancelScope();
    scope._enter(caller);
    const oldNursery = new Nursery(caller, scope, this.label);
    const status = new StartStatus<V>(oldNursery, this);
    oldNursery._spawn(() => fn(status as TaskStatus<V>, ...args), fn.name, this.label);
    return new P<V>((resolve, reject) => {
      oldNursery._nestedChildFinished(false, undefined, { kind: 'nursery', what: `${this.label} start ${fn.name || 'task'}` }, (errors) => {
        this.#pendingStarts--;
        const outcome = scope._exit(caller, errors.length > 0, errors.length > 0 ? new BaseExceptionGroup(NURSERY_GROUP_MESSAGE, errors) : undefined);
        if (outcome.failed) {
          // Unwrap the private nursery's group: the child's own error comes out of start().
          const error = outcome.error;
          reject(error instanceof BaseExceptionGroup && error.exceptions.length === 1 ? error.exceptions[0] : error);
        } else if (!status._hasValue) {
          reject(new RuntimeError('child exited without calling task_status.started()'));
        } else {
          resolve(status._value as V);
        }
        this._checkClosed();
      });
    });
  }

  /** @internal Create a child task in this nursery. */
  _spawn(thunk: () => unknown, name: string, group: string): Task<unknown> {
    const task = new Task(thunk, { name: name || undefined, group });
    const state = trioState(task);
    state.owner = this;
    this._children.add(task);
    activate(task, this.cancelScope._status);
    // Its end reaches _childFinished at once, through the trio hooks' `exited` (cancel-delivery.ts).
    return task;
  }

  /** @internal A child ended: record its error, if any (trio's _child_finished). */
  _childFinished(task: Task<unknown>, exitError?: unknown): void {
    this._children.delete(task);
    const state = trioState(task);
    if (task.cancelled()) {
      // Ended by Cancelled (the core Task records that as "cancelled"), or cancelled the asyncio way.
      const cancelled = exitError instanceof CancelledError ? exitError : (state.armed ?? new CancelledError());
      this._addExc(cancelled, `child task raised exception ${reprError(cancelled)}`, task);
    } else {
      try {
        task.result();
      } catch (error) {
        this._addExc(error, `child task raised exception ${reprError(error)}`, task);
      }
    }
    activate(task, null);
    state.owner = null;
    this._checkClosed();
  }

  /** @internal Record an error and cancel everything in the nursery (trio's _add_exc); `reason` as trio words it. */
  _addExc(error: unknown, reason: string, source: Task<unknown>): void {
    this.#pendingExcs.push(error);
    this.cancelScope._cancelFrom('nursery', reason, source);
  }

  /**
   * @internal The body (or start()'s caller) is done: wait, without being
   * cancellable, until the children are, then call `onClosed(errors)` (trio's
   * _nested_child_finished).
   */
  _nestedChildFinished(failed: boolean, error: unknown, label: WaitLabel, onClosed: (errors: unknown[]) => void): void {
    if (failed) this._addExc(error, `Code block inside nursery contextmanager raised exception ${reprError(error)}`, this.parentTask);
    this.#nestedChildRunning = false;
    this.#onClosed = onClosed;
    // The parent cannot be cancelled while it waits for the children, and since trio 0.23 (#1457)
    // a cancellation of its scope meanwhile adds no Cancelled to the errors; with no child left it
    // passes a cancel-shielded schedule point, which never raises one either. So the nursery's
    // scope reports cancelledCaught only when a child or the body raised Cancelled
    // (tests/corpus/semantics/57-trio-nursery-wait-uncancellable).
    trioState(this.parentTask).shielded++;
    const loop = this.parentTask.loop;
    if (loop.current === this.parentTask) this.parentTask.labelWait(label);
    this._checkClosed();
  }

  /** @internal Close once the body, every child and every pending start are done. */
  _checkClosed(): void {
    if (this.#closed || this.#nestedChildRunning || this._children.size > 0 || this.#pendingStarts > 0) return;
    this.#closed = true;
    const onClosed = this.#onClosed!;
    const errors = this.#pendingExcs;
    this.#pendingExcs = [];
    // One schedule point before the parent goes on, as trio's reschedule / cancel_shielded_checkpoint.
    const loop = this.parentTask.loop;
    loop.callSoon(() => {
      trioState(this.parentTask).shielded--;
      onClosed(errors);
    }, null, 'nursery');
  }
}

/** The TaskStatus handed to a function started with `nursery.start` (trio's _TaskStatus). */
class StartStatus<T> implements TaskStatus<T> {
  _hasValue = false;
  _value: T | undefined = undefined;
  readonly #oldNursery: Nursery;
  readonly #newNursery: Nursery;

  constructor(oldNursery: Nursery, newNursery: Nursery) {
    this.#oldNursery = oldNursery;
    this.#newNursery = newNursery;
  }

  started(...args: undefined extends T ? [value?: T] : [value: T]): void {
    if (this._hasValue) throw new RuntimeError("called 'started' twice on the same task status");
    this._hasValue = true;
    this._value = args[0];
    const oldStatus = this.#oldNursery.cancelScope._status!;
    // The caller is being cancelled: leave the child where it is; it will exit on its own (trio does the same).
    if (oldStatus.effectivelyCancelled) return;
    for (const task of this.#oldNursery._children) {
      trioState(task).owner = this.#newNursery;
      this.#newNursery._children.add(task);
    }
    this.#oldNursery._children.clear();
    // Move the child's cancel statuses and tasks under the new nursery's scope.
    const newStatus = this.#newNursery.cancelScope._status as CancelStatus;
    const statuses = [...oldStatus.children];
    const tasks = [...oldStatus.tasks].filter((task) => task !== this.#oldNursery.parentTask);
    for (const status of statuses) status.setParent(null);
    for (const task of tasks) activate(task, null);
    for (const status of statuses) status.setParent(newStatus);
    for (const task of tasks) activate(task, newStatus);
    this.#oldNursery._checkClosed();
  }
}

/**
 * Open a nursery and run `body(nursery)` in it (trio's `async with
 * trio.open_nursery() as nursery:`). Resolves, with body's result, once the
 * body and every child task have finished. If any of them raised, the others
 * are cancelled and the errors are raised together as an `ExceptionGroup`
 * (even a single one, as trio does by default since 0.25).
 */
export function openNursery<T>(body: (nursery: Nursery) => T | PromiseLike<T>): Promise<T | undefined> {
  const loop = getLoop();
  const P = loop.Promise;
  let task: Task<unknown>;
  let scope: CancelScope;
  try {
    task = requireTask('openNursery');
    scope = new CancelScope();
    scope._enter(task);
  } catch (error) {
    return P.reject(error);
  }
  const nursery = new Nursery(task, scope, `nursery#${nextInstance('nursery')}`);
  const label: WaitLabel = { kind: 'nursery', what: nursery.label };
  return new P<T | undefined>((resolve, reject) => {
    let value: T | undefined;
    const closed = (errors: unknown[]): void => {
      const failed = errors.length > 0;
      const outcome = scope._exit(task, failed, failed ? new BaseExceptionGroup(NURSERY_GROUP_MESSAGE, errors) : undefined);
      if (outcome.failed) reject(outcome.error);
      else resolve(value);
    };
    let result: T | PromiseLike<T>;
    try {
      result = body(nursery);
    } catch (error) {
      nursery._nestedChildFinished(true, error, label, closed);
      return;
    }
    P.resolve(result).then(
      (v) => {
        value = v;
        nursery._nestedChildFinished(false, undefined, label, closed);
      },
      (error: unknown) => nursery._nestedChildFinished(true, error, label, closed),
    );
  });
}
