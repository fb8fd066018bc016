/**
 * Cancel scopes (trio.CancelScope) and the timeouts built on them
 * (move_on_after/at, fail_after/at, current_effective_deadline).
 *
 * Design, after trio's _core/_run.py:
 * - Entering a scope gives the task a new `CancelStatus` whose parent is the
 *   task's previous one; statuses form a tree that mirrors the nesting of
 *   scopes across tasks (a nursery's children hang under the nursery's scope).
 *   A status is effectively cancelled if its scope's cancel was called, or its
 *   parent is effectively cancelled and the scope is not shielded.
 * - When a scope is cancelled (by `cancel()`, its deadline or a nursery), every
 *   task in the subtree that is now effectively cancelled gets a check queued
 *   (cancel-delivery.ts), which delivers Cancelled at its next checkpoint.
 * - On exit, a scope catches `Cancelled` (and the Cancelleds inside an
 *   ExceptionGroup, via split) only if it is effectively cancelled and its
 *   parent's cancellation is not visible to it: so the OUTERMOST cancelled
 *   scope catches, as in trio's CancelScope._close.
 * - A deadline is a loop deadline (`Loop.deadlineAt`, expired before anything
 *   queued runs, as trio expires deadlines before it resumes tasks), kept
 *   while the scope is entered and not cancelled; changing `deadline` moves
 *   it.
 * `run(fn)` is the `with` block, written as a generator coroutine of the
 * calling task (`coBlock`, driver.ts): it awaits fn's promise, and because a
 * `with` block is not a checkpoint, its own resumes never take the task's
 * pending Cancelled.
 * Tests: tests/runtime/trio-cancel.test.ts.
 */
import { getLoop, maybeLoop, type Handle } from '../loop.ts';
import { BaseExceptionGroup, ValueError } from '../errors.ts';
import { currentTask, Task } from '../task.ts';
import { co, coBlock } from '../driver.ts';
import { Future } from '../future.ts';
import { activate, cancelNowOrAtCheckpoint, peekTrioState, trioState, type StatusLike } from './cancel-delivery.ts';
import { Cancelled, RuntimeError, splitCancelled, TooSlowError, type CancelSource } from './errors.ts';

/** One node of the cancel-status tree (trio's CancelStatus): the cancel state of one entered scope. */
export class CancelStatus implements StatusLike {
  readonly scope: CancelScope;
  parent: CancelStatus | null;
  readonly children = new Set<CancelStatus>();
  /** Tasks whose innermost scope this is. */
  readonly tasks = new Set<Task<unknown>>();

  constructor(scope: CancelScope, parent: CancelStatus | null) {
    this.scope = scope;
    this.parent = parent;
    parent?.children.add(this);
  }

  /** Checkpoints of the tasks here raise Cancelled. */
  get effectivelyCancelled(): boolean {
    return this.scope._cancelCalled || this.parentCancellationIsVisibleToUs;
  }

  /** The parent is cancelled and this scope does not shield from it. */
  get parentCancellationIsVisibleToUs(): boolean {
    return this.parent !== null && !this.scope.shield && this.parent.effectivelyCancelled;
  }

  /** Move this subtree under another parent (TaskStatus.started()). */
  setParent(parent: CancelStatus | null): void {
    this.parent?.children.delete(this);
    this.parent = parent;
    if (parent !== null) {
      parent.children.add(this);
      this.notify();
    }
  }

  /** Queue a delivery check for every task of this subtree that is now effectively cancelled. */
  notify(): void {
    const todo: CancelStatus[] = [this];
    while (todo.length > 0) {
      const status = todo.pop()!;
      if (status.effectivelyCancelled) for (const task of status.tasks) cancelNowOrAtCheckpoint(task);
      for (const child of status.children) todo.push(child);
    }
  }

  /** The earliest deadline that applies here (-Infinity when already cancelled). */
  effectiveDeadline(): number {
    if (this.effectivelyCancelled) return -Infinity;
    if (this.parent === null || this.scope.shield) return this.scope.deadline;
    return Math.min(this.scope.deadline, this.parent.effectiveDeadline());
  }

  makeCancelled(): Cancelled {
    // The scope whose cancellation reaches this status: the nearest cancelled one, not crossing a shield.
    let status: CancelStatus | null = this;
    while (status !== null && !status.scope._cancelCalled) status = status.scope.shield ? null : status.parent;
    const why = status?.scope._cancelReason;
    return new Cancelled(why?.source ?? 'explicit', why?.sourceTask ?? null, why?.reason ?? null);
  }
}

/** Options of `new CancelScope()`. */
export interface CancelScopeOptions {
  /** Absolute virtual time (ms) at which the scope cancels itself; default Infinity (never). */
  deadline?: number;
  /**
   * Virtual ms from when the scope is entered to its deadline (trio 0.27's
   * relative_deadline); not together with `deadline`. Until it is entered the
   * scope has no absolute deadline: reading `deadline` raises RuntimeError.
   */
  relativeDeadline?: number;
  /** Protect the code inside from cancellation of outer scopes; default false. */
  shield?: boolean;
}

/**
 * A unit of cancellable work (trio.CancelScope). `await scope.run(async (scope) => ...)`
 * is trio's `with scope:` block. Cancelling the scope (`cancel()`, or reaching
 * `deadline`) raises `Cancelled` at the next checkpoint of every task inside it,
 * including children of nurseries opened inside it; the scope itself catches
 * that Cancelled, so `run` then resolves with undefined and `cancelledCaught`
 * is true. A scope can be run only once.
 */
export class CancelScope {
  /** True if this scope caught a Cancelled when it exited (trio.CancelScope.cancelled_caught). */
  cancelledCaught = false;
  /** @internal Set once cancel() was called or the deadline passed (read cancelCalled instead). */
  _cancelCalled = false;
  /** @internal Why it was cancelled, for the Cancelled it raises. */
  _cancelReason: { source: CancelSource; reason: string | null; sourceTask: string | null } | null = null;
  /** @internal The status while the scope is entered. */
  _status: CancelStatus | null = null;
  #entered = false;
  #deadline: number;
  /** Infinity unless the scope was made relative and is not entered yet (trio keeps at most one of the two finite). */
  #relativeDeadline: number;
  #shield: boolean;
  #deadlineHandle: Handle | null = null;
  #deadlineAt = Infinity;

  /** A scope with an optional absolute `deadline` or `relativeDeadline` (virtual ms) and `shield`. */
  constructor(options: CancelScopeOptions = {}) {
    const deadline = options.deadline ?? Infinity;
    const relative = options.relativeDeadline ?? Infinity;
    if (Number.isNaN(deadline)) throw new ValueError('deadline must not be NaN');
    if (Number.isNaN(relative)) throw new ValueError('relative deadline must not be NaN');
    if (relative < 0) throw new ValueError('timeout must be non-negative');
    if (relative !== Infinity && deadline !== Infinity) throw new ValueError('Cannot specify both a deadline and a relative deadline');
    this.#deadline = deadline;
    this.#relativeDeadline = relative;
    this.#shield = options.shield ?? false;
  }

  /**
   * Absolute virtual time (ms) at which the scope cancels itself; settable at
   * any time, effective at once. A relative scope not entered yet has none:
   * RuntimeError (trio 0.34).
   */
  get deadline(): number {
    if (this.#relativeDeadline !== Infinity) throw new RuntimeError('Unentered relative cancel scope does not have an absolute deadline.');
    return this.#deadline;
  }

  set deadline(value: number) {
    if (Number.isNaN(value)) throw new ValueError('deadline must not be NaN');
    if (this.#relativeDeadline !== Infinity) throw new RuntimeError('Unentered relative cancel scope does not have an absolute deadline.');
    this.#deadline = value;
    this.#syncDeadline();
  }

  /**
   * Virtual ms left until the deadline (trio.CancelScope.relative_deadline):
   * once entered, `deadline - now`, and setting it moves the deadline to now +
   * value; before, the relative deadline the scope will start with.
   * RuntimeError for an unentered scope with an absolute deadline.
   */
  get relativeDeadline(): number {
    if (this.#entered) return this.#deadline - getLoop().now;
    if (this.#deadline !== Infinity) throw new RuntimeError('Unentered non-relative cancel scope does not have a relative deadline');
    return this.#relativeDeadline;
  }

  set relativeDeadline(value: number) {
    if (Number.isNaN(value)) throw new ValueError('relative deadline must not be NaN');
    if (value < 0) throw new ValueError('relative deadline must be non-negative');
    if (this.#entered) {
      this.#deadline = getLoop().now + value;
      this.#syncDeadline();
    } else if (this.#deadline !== Infinity) {
      throw new RuntimeError('Unentered non-relative cancel scope does not have a relative deadline');
    } else {
      this.#relativeDeadline = value;
    }
  }

  /** null once entered; before, whether the scope has a relative deadline (trio.CancelScope.is_relative). */
  get isRelative(): boolean | null {
    return this.#entered ? null : this.#relativeDeadline !== Infinity;
  }

  /** While true, cancellations of outer scopes do not reach the code inside; settable at any time. */
  get shield(): boolean {
    return this.#shield;
  }

  set shield(value: boolean) {
    if (typeof value !== 'boolean') throw new TypeError('shield must be a bool');
    this.#shield = value;
    this._status?.notify();
  }

  /**
   * True once cancellation was requested, by `cancel()` or by the deadline
   * (trio.CancelScope.cancel_called). It does not say the code was interrupted: see
   * `cancelledCaught`.
   */
  get cancelCalled(): boolean {
    // As trio does: a deadline that passed counts even if its loop deadline has not run yet.
    const loop = maybeLoop();
    if (!this._cancelCalled && (this._status !== null || !this.#entered) && loop !== null && loop.now >= this.#deadline) {
      this.#cancel('deadline', null);
    }
    return this._cancelCalled;
  }

  /** Cancel the scope now (idempotent; trio.CancelScope.cancel). `reason` shows in the message of the Cancelled raised. */
  cancel(reason?: string): void {
    this.#cancel('explicit', reason ?? null);
  }

  /** @internal Cancel on behalf of a nursery whose child or body failed (trio's _add_exc). */
  _cancelFrom(source: CancelSource, reason: string, sourceTask: Task<unknown>): void {
    this.#cancel(source, reason, sourceTask);
  }

  #cancel(source: CancelSource, reason: string | null, sourceTask?: Task<unknown>): void {
    if (this._cancelCalled) return;
    this._cancelCalled = true;
    // The first reason stays (trio: "not overwritten"); a deadline names no task.
    const task = sourceTask ?? (maybeLoop()?.current as Task<unknown> | null | undefined);
    this._cancelReason = { source, reason, sourceTask: source === 'deadline' ? null : (task?.name ?? null) };
    this.#syncDeadline();
    this._status?.notify();
  }

  /**
   * Run `fn` inside the scope (trio's `with scope:`). Resolves with fn's
   * result, or with undefined if the scope caught a Cancelled; rejects with
   * whatever else fn threw.
   */
  run<T>(fn: (scope: CancelScope) => T | PromiseLike<T>): Promise<T | undefined> {
    const P = getLoop().Promise;
    let task: Task<unknown>;
    try {
      task = requireTask('CancelScope.run');
      this._enter(task);
    } catch (error) {
      return P.reject(error);
    }
    const scope = this;
    return coBlock(function* () {
      let value: T;
      try {
        const result = fn(scope);
        // A body that returns a loop Future (`() => sleep(300)`) is awaited through a coroutine
        // of the task (co), so the task is blocked on it and a cancel of this scope reaches it.
        const awaited = result instanceof Future ? co(function* () { return (yield result) as T; }) : result;
        value = (yield P.resolve(awaited)) as T;
      } catch (error) {
        const outcome = scope._exit(task, true, error);
        if (outcome.failed) throw outcome.error;
        return undefined;
      }
      const outcome = scope._exit(task, false, undefined);
      if (outcome.failed) throw outcome.error;
      return value;
    });
  }

  /** @internal Enter the scope in `task` (trio's __enter__). */
  _enter(task: Task<unknown>): void {
    if (this.#entered) throw new RuntimeError("Each CancelScope may only be used for a single 'with' block");
    this.#entered = true;
    if (this.#relativeDeadline !== Infinity) {
      this.#deadline = task.loop.now + this.#relativeDeadline;
      this.#relativeDeadline = Infinity;
    }
    if (task.loop.now >= this.#deadline) this.#cancel('deadline', null);
    this._status = new CancelStatus(this, (trioState(task).status as CancelStatus | null) ?? null);
    activate(task, this._status);
    this.#syncDeadline();
  }

  /**
   * @internal Leave the scope in `task` (trio's _close): decide whether the
   * error that ends the block is a Cancelled this scope catches.
   */
  _exit(task: Task<unknown>, failed: boolean, error: unknown): { failed: boolean; error: unknown } {
    const status = this._status;
    if (status === null) {
      return { failed: true, error: new RuntimeError('Cancel scope stack corrupted: attempted to exit a scope which had already been exited') };
    }
    if (failed && status.effectivelyCancelled && !status.parentCancellationIsVisibleToUs) {
      if (error instanceof Cancelled) {
        this.cancelledCaught = true;
        failed = false;
        error = undefined;
      } else if (error instanceof BaseExceptionGroup) {
        const { matched, rest } = splitCancelled(error);
        if (matched) {
          this.cancelledCaught = true;
          if (rest === null) {
            failed = false;
            error = undefined;
          } else {
            error = rest;
          }
        }
      }
    }
    const state = trioState(task);
    const parent = status.parent;
    if (state.status === status) activate(task, parent);
    // Splice the status out of the tree. Normally it has no children and no other task left; they
    // remain when scopes are run concurrently in one task (Promise.all of two scope.run calls),
    // which trio forbids but JavaScript makes easy: keep them attached to what is still open.
    for (const other of [...status.tasks]) activate(other, parent);
    for (const child of [...status.children]) child.setParent(parent);
    parent?.children.delete(status);
    this._status = null;
    this.#syncDeadline();
    return { failed, error };
  }

  /** Keep exactly one loop deadline (Loop.deadlineAt) at the scope's deadline while it is entered and not cancelled. */
  #syncDeadline(): void {
    const want = this._status !== null && !this._cancelCalled && this.#deadline !== Infinity;
    if (this.#deadlineHandle !== null && (!want || this.#deadlineAt !== this.#deadline)) {
      this.#deadlineHandle.cancel();
      this.#deadlineHandle = null;
    }
    if (want && this.#deadline <= getLoop().now) {
      // Already due: cancel now rather than on the next turn, so the very next checkpoint raises
      // (trio expires deadlines before it resumes any task; a loop timer would run after tasks already queued).
      this.#cancel('deadline', null);
      return;
    }
    if (want && this.#deadlineHandle === null) {
      this.#deadlineAt = this.#deadline;
      // A loop deadline, not a timer: it is expired before tasks already queued resume, as in trio.
      this.#deadlineHandle = getLoop().deadlineAt(this.#deadline, () => {
        this.#deadlineHandle = null;
        this.#cancel('deadline', null);
      });
    }
  }
}

/** The running task, for APIs that must run inside one. */
export function requireTask(what: string): Task<unknown> {
  const task = currentTask();
  if (!(task instanceof Task)) throw new RuntimeError(`${what} must be called from a task running on the loop`);
  return task;
}

function checkTimeout(ms: number): void {
  if (Number.isNaN(ms)) throw new ValueError('timeout must not be NaN');
  if (ms < 0) throw new ValueError('timeout must be non-negative');
}

/**
 * Run `fn` with a deadline at absolute virtual time `t` (trio.move_on_at):
 * when the deadline passes, fn is cancelled at its next checkpoint and the
 * program moves on. Resolves with the scope; `scope.cancelledCaught` says
 * whether the deadline cut fn short.
 */
export function moveOnAt(t: number, fn: (scope: CancelScope) => unknown, options: { shield?: boolean } = {}): Promise<CancelScope> {
  const scope = new CancelScope({ deadline: t, shield: options.shield ?? false });
  return coBlock(function* () {
    yield scope.run(fn);
    return scope;
  });
}

/**
 * Run `fn` for at most `ms` virtual milliseconds (trio.move_on_after).
 * Resolves with the scope; `scope.cancelledCaught` is true if time ran out.
 */
export function moveOnAfter(ms: number, fn: (scope: CancelScope) => unknown, options: { shield?: boolean } = {}): Promise<CancelScope> {
  try {
    checkTimeout(ms);
  } catch (error) {
    return getLoop().Promise.reject(error);
  }
  return moveOnAt(getLoop().now + ms, fn, options);
}

/**
 * Run `fn` with a deadline at absolute virtual time `t` (trio.fail_at):
 * resolves with fn's result, or rejects with `TooSlowError` if the deadline
 * cancelled it.
 */
export function failAt<T>(t: number, fn: (scope: CancelScope) => T | PromiseLike<T>, options: { shield?: boolean } = {}): Promise<T> {
  const scope = new CancelScope({ deadline: t, shield: options.shield ?? false });
  return coBlock(function* () {
    const value = (yield scope.run(fn)) as T;
    if (scope.cancelledCaught) throw new TooSlowError();
    return value;
  });
}

/**
 * Run `fn` for at most `ms` virtual milliseconds (trio.fail_after):
 * resolves with fn's result, or rejects with `TooSlowError` if time ran out.
 */
export function failAfter<T>(ms: number, fn: (scope: CancelScope) => T | PromiseLike<T>, options: { shield?: boolean } = {}): Promise<T> {
  try {
    checkTimeout(ms);
  } catch (error) {
    return getLoop().Promise.reject(error);
  }
  return failAt(getLoop().now + ms, fn, options);
}

/**
 * The earliest deadline (virtual ms) of the scopes around the running task,
 * -Infinity if one is already cancelled, Infinity if none has a deadline
 * (trio.current_effective_deadline).
 */
export function currentEffectiveDeadline(): number {
  const task = requireTask('currentEffectiveDeadline');
  const status = peekTrioState(task)?.status as CancelStatus | null | undefined;
  return status ? status.effectiveDeadline() : Infinity;
}
