/**
 * TaskGroup (asyncio.TaskGroup, CPython 3.13 taskgroups.py, ported line by
 * line). TypeScript spelling of `async with asyncio.TaskGroup() as tg:` is
 * `await withTaskGroup(async (tg) => { tg.createTask(() => work()); })`.
 *
 * Design notes (tests in tests/runtime/asyncio-taskgroup.test.ts):
 * - The body runs in the calling (parent) task; children are ordinary Tasks
 *   whose spawn events carry the group's name, so the timeline nests them.
 * - The first child to fail cancels every other child and the parent (which
 *   is then interrupted wherever the body waits); `uncancel()` at the exit
 *   takes that request back, so the parent only sees CancelledError if it was
 *   also cancelled from outside.
 * - On exit the group waits for all children, even while being cancelled,
 *   then raises every error together as an ExceptionGroup
 *   ("unhandled errors in a TaskGroup"), children's errors first in the order
 *   they finished, then the body's own error.
 * - Children are cancelled in the order they were created (CPython iterates
 *   a set; creation order is what it usually amounts to for small programs).
 */
import { CancelledError, ExceptionGroup } from '../errors.ts';
import { Future } from '../future.ts';
import { currentTask, Task } from '../task.ts';
import type { WaitLabel } from '../trace.ts';
import { co, nextInstance, runtimeError } from './internal.ts';

/** Options of TaskGroup.createTask. */
export interface GroupTaskOptions {
  /** The task's name (default "Task-N"). */
  name?: string;
}

/**
 * A group of tasks that are awaited together (asyncio.TaskGroup): the group
 * ends when every task has ended; the first failure cancels the rest, and
 * errors come out together as an ExceptionGroup.
 */
export class TaskGroup {
  /** The group's name on the timeline ("taskgroup#1"). */
  readonly name: string;
  readonly #label: WaitLabel;
  #entered = false;
  #exiting = false;
  #aborting = false;
  #parentTask: Task<unknown> | null = null;
  #parentCancelRequested = false;
  #tasks = new Set<Task<unknown>>();
  #errors: unknown[] = [];
  #onCompletedFut: Future<boolean> | null = null;

  /** Create a group; run it with run(body) or use withTaskGroup(). */
  constructor(options: { name?: string } = {}) {
    this.name = options.name ?? `taskgroup#${nextInstance('taskgroup')}`;
    this.#label = { kind: 'nursery', what: this.name };
  }

  /**
   * Run `body(group)` in the current task, then wait for every task of the
   * group (Python: the `async with` block and its exit).
   */
  run<T>(body: (group: TaskGroup) => T | PromiseLike<T>): Promise<T> {
    const self = this;
    return co(function* () {
      self.#enter();
      let result: T;
      try {
        result = (yield body(self)) as T;
      } catch (error) {
        yield* self.#aexit(true, error);
        throw error;
      }
      yield* self.#aexit(false, undefined);
      return result;
    });
  }

  #enter(): void {
    if (this.#entered) throw runtimeError(`TaskGroup ${this.name} has already been entered`);
    const parent = currentTask();
    if (parent === null) throw runtimeError(`TaskGroup ${this.name} cannot determine the parent task`);
    this.#parentTask = parent;
    this.#entered = true;
  }

  *#aexit(raised: boolean, exc: unknown): Generator<unknown, void, unknown> {
    this.#exiting = true;
    let propagateCancellationError: CancelledError | null = raised && exc instanceof CancelledError ? exc : null;

    // The parent is being cancelled, or the body raised: cancel the children.
    if (raised && !this.#aborting) this.#abort();

    // A loop, because the wait can be cancelled repeatedly if the parent is.
    while (this.#tasks.size > 0) {
      if (this.#onCompletedFut === null) this.#onCompletedFut = new Future<boolean>(this.#label);
      try {
        yield this.#onCompletedFut;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (!this.#aborting) {
          // The parent was cancelled while the children still run.
          propagateCancellationError = error;
          this.#abort();
        }
      }
      this.#onCompletedFut = null;
    }

    const parent = this.#parentTask!;
    if (this.#parentCancelRequested) {
      // We cancelled the parent ourselves: take the request back.
      if (parent.uncancel() === 0) propagateCancellationError = null;
    }
    // CancelledError propagates unless there are errors, which have priority.
    if (propagateCancellationError !== null && this.#errors.length === 0) throw propagateCancellationError;

    if (raised && !(exc instanceof CancelledError)) this.#errors.push(exc);

    if (this.#errors.length > 0) {
      // Cancelled from outside as well: uncancel and re-cancel to keep the count stable.
      if (parent.cancelling()) {
        parent.uncancel();
        parent.cancel();
      }
      throw new ExceptionGroup('unhandled errors in a TaskGroup', this.#errors);
    }
  }

  /**
   * Start `fn` as a task of the group (asyncio.TaskGroup.create_task).
   * RuntimeError if the group is not running or is shutting down.
   */
  createTask<T>(fn: (() => T | PromiseLike<T>) | PromiseLike<T>, options: GroupTaskOptions = {}): Task<T> {
    if (!this.#entered) throw runtimeError(`TaskGroup ${this.name} has not been entered`);
    if (this.#exiting && this.#tasks.size === 0) throw runtimeError(`TaskGroup ${this.name} is finished`);
    if (this.#aborting) throw runtimeError(`TaskGroup ${this.name} is shutting down`);
    const task = new Task<T>(fn, { ...options, group: this.name });
    this.#tasks.add(task as Task<unknown>);
    task.addDoneCallback((t) => this.#onTaskDone(t as Task<unknown>), null);
    return task;
  }

  #abort(): void {
    this.#aborting = true;
    for (const t of this.#tasks) if (!t.done()) t.cancel();
  }

  #onTaskDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    if (this.#onCompletedFut !== null && this.#tasks.size === 0 && !this.#onCompletedFut.done()) {
      this.#onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === undefined) return;
    this.#errors.push(exc);
    const parent = this.#parentTask!;
    // CPython logs "task has errored out but its parent is already completed" here.
    if (parent.done()) return;
    if (!this.#aborting && !this.#parentCancelRequested) {
      // Interrupt the body wherever it waits; __aexit__ takes this cancel back with uncancel().
      this.#abort();
      this.#parentCancelRequested = true;
      parent.cancel();
    }
  }
}

/**
 * Run `body(tg)` with a new TaskGroup and wait for all its tasks
 * (Python: `async with asyncio.TaskGroup() as tg:`). Resolves to the body's
 * result; rejects with an ExceptionGroup if any task (or the body) failed.
 * `options.name` names the group on the timeline (default "taskgroup#N").
 */
export function withTaskGroup<T>(body: (group: TaskGroup) => T | PromiseLike<T>, options: { name?: string } = {}): Promise<T> {
  return new TaskGroup(options).run(body);
}
