/**
 * Delivering trio's `Cancelled` at checkpoints, on top of the core loop.
 *
 * trio's rule: a task inside a cancelled scope gets `Cancelled` at its next
 * checkpoint, and at every checkpoint after that until it leaves the scope; a
 * task blocked in a trio wait is woken with it at once; a task that computes
 * without checkpoints is never interrupted.
 *
 * How it is done here, through the kernel's task hooks (`TaskHooks`, the
 * points where trio builds cancel scopes into its core) and Task's own
 * methods - the trio layer writes no field of a Task:
 * - Each task that touches trio gets a `TrioTaskState` in `Task.locals`: its
 *   active `CancelStatus` (the innermost cancel scope it is in), plus the
 *   bookkeeping below, and the layer's hooks (`TRIO_HOOKS`).
 * - When a scope is cancelled (cancel(), deadline, shield dropped, moved under
 *   a cancelled nursery), a task blocked in a wait is woken at once, as
 *   trio's cancel() calls the abort function synchronously
 *   (`cancelNowOrAtCheckpoint`). Otherwise - the task is running, or its wake-
 *   up is already queued, or it entered a scope, was spawned into a cancelled
 *   nursery, or a Cancelled was just consumed - `scheduleCheck` queues
 *   `deliverCancel` on the loop (callSoon, attributed to nobody). It runs when
 *   the task is certainly suspended - never in the middle of its code, which
 *   is what makes delivery happen at suspension points only. A wait that
 *   already completed (wake-up queued) returns normally; the next checkpoint
 *   raises, as trio does for a task that was already rescheduled.
 * - `deliverCancel` "arms" the task: `Task.setResumeError(new Cancelled)`, so
 *   the driver throws it into the task at its next resume; and if the task is
 *   blocked on a loop Future (sleep, a channel, an asyncio primitive), it
 *   cancels that future (after running the trio wait's abort function, which
 *   takes the task off the primitive's queue), so the task wakes now. Futures
 *   that are Tasks are never cancelled (awaiting a task is not a trio wait;
 *   cancelling it would cancel the other task).
 * - When the driver throws our Cancelled (hook `resumeErrorTaken`), another
 *   check is queued, so the NEXT checkpoint raises again if the task is still
 *   in the cancelled scope (e.g. `await sleep()` in a `finally` of a
 *   cancelled scope raises at once, as in trio).
 * - Timing kept from trio: a task's `sleep(ms)` is a loop deadline (hook
 *   `sleepTimer`: trio.sleep is a cancel scope with a deadline, so it expires
 *   in order with the other deadlines of its instant), and a Cancelled owed
 *   at a checkpoint comes one schedule point later (hook `delayResumeError`:
 *   trio.lowlevel.checkpoint yields shielded, then blocks again).
 * - Non-cancellable waits: a nursery's parent waiting for its children
 *   (trio's Abort.FAILED) and the schedule point after a successful channel
 *   operation (trio's cancel_shielded_checkpoint) are marked (`shielded`,
 *   `noCancel`) and skipped; a check is queued when they end.
 * - A task leaving its last cancelled scope is disarmed
 *   (`Task.withdrawResumeError`).
 * - A nursery hears of a child's end at once (hook `exited`, trio's
 *   task_exited).
 *
 * Tests: tests/runtime/trio-cancel.test.ts (checkpoints, finally, shield) and
 * tests/runtime/trio-nursery.test.ts.
 */
import { Future } from '../future.ts';
import { Task, type TaskHooks } from '../task.ts';
import { isSleepFuture } from '../time.ts';
import type { WaitLabel } from '../trace.ts';
import { Cancelled } from './errors.ts';

/** The part of a cancel status the delivery needs (the full class is in cancel-scope.ts). */
export interface StatusLike {
  readonly tasks: Set<Task<unknown>>;
  readonly effectivelyCancelled: boolean;
  /** A fresh Cancelled describing why this status is cancelled. */
  makeCancelled(): Cancelled;
}

/** What a nursery child needs to tell its nursery when it ends. */
export interface ChildOwner {
  _childFinished(task: Task<unknown>, exitError?: unknown): void;
}

/** Per-task trio bookkeeping, kept in `Task.locals`. */
export interface TrioTaskState {
  /** The innermost cancel status the task is in (null: outside every trio scope). */
  status: StatusLike | null;
  /** The Cancelled we put in `pendingThrow` and that was not thrown yet. */
  armed: Cancelled | null;
  /** The trio wait the task is parked in, with its abort function (trio's abort_fn). */
  wait: { future: Future<unknown>; abort: () => void } | null;
  /** > 0 while the task is in a wait that must not be cancelled (a nursery waiting for its children). */
  shielded: number;
  /** The nursery the task is a child of (changes when `TaskStatus.started()` moves it). */
  owner: ChildOwner | null;
  /** A completed wait whose wake-up a check already let pass (bounds the deferral to once per wait). */
  deferredFor?: Future<unknown> | null;
  /** The extra schedule point of a cancelled checkpoint was taken (see delayResumeError). */
  turnDelayed: boolean;
}

const STATE = Symbol('trio.task');

/** Futures whose waiters must not be cancelled: completed hand-overs and shielded schedule points. */
const noCancel = new WeakSet<Future<unknown>>();

/** What trio plugs into each of its tasks (the same object for all of them). */
const TRIO_HOOKS: TaskHooks = {
  // trio.sleep is a cancel scope with a deadline: it expires in order with the scopes' deadlines of its instant.
  sleepTimer: (loop, at, wakeSleeper, arg) => loop.deadlineAt(at, wakeSleeper, 'sleep', arg),
  // trio.lowlevel.checkpoint yields shielded, then blocks again to be cancelled: a Cancelled comes one turn later.
  delayResumeError(task) {
    const state = peekTrioState(task)!;
    if (state.turnDelayed) return false;
    state.turnDelayed = true;
    return true;
  },
  turnResumed(task) {
    peekTrioState(task)!.turnDelayed = false;
  },
  // The driver throws our Cancelled now: the next checkpoint raises again if the task is still cancelled.
  resumeErrorTaken(task, error) {
    const state = peekTrioState(task);
    if (state !== undefined && error === state.armed) state.armed = null;
    scheduleCheck(task);
  },
  // trio's task_exited: the nursery hears at once, so siblings rescheduled for this instant see it cancelled.
  // It also hands over the Cancelled the child ended with (the Task records only "cancelled").
  exited(task, error) {
    const owner = peekTrioState(task)?.owner;
    if (owner) owner._childFinished(task, error);
  },
};

/** The trio state of `task`, created (and the layer's hooks installed) on first use. */
export function trioState(task: Task<unknown>): TrioTaskState {
  let state = task.locals.get(STATE) as TrioTaskState | undefined;
  if (state === undefined) {
    const created: TrioTaskState = { status: null, armed: null, wait: null, shielded: 0, owner: null, turnDelayed: false };
    task.locals.set(STATE, created);
    task.setHooks(TRIO_HOOKS);
    state = created;
  }
  return state;
}

/** The trio state of `task` if it has one (reading does not create it). */
export function peekTrioState(task: Task<unknown>): TrioTaskState | undefined {
  return task.locals.get(STATE) as TrioTaskState | undefined;
}

/** True if checkpoints of `task` must raise Cancelled now. */
export function isCancelled(state: TrioTaskState): boolean {
  return state.status !== null && state.status.effectivelyCancelled;
}

/** Make `status` the task's active cancel status (trio's Task._activate_cancel_status). */
export function activate(task: Task<unknown>, status: StatusLike | null): void {
  const state = trioState(task);
  state.status?.tasks.delete(task);
  state.status = status;
  if (status === null) {
    disarm(task, state);
    return;
  }
  status.tasks.add(task);
  if (status.effectivelyCancelled) scheduleCheck(task);
  else disarm(task, state);
}

/**
 * `task` may have just become cancelled (its scope was cancelled, a shield
 * dropped, it was moved under a cancelled nursery): as trio's cancel() does,
 * wake it now if it is blocked in a wait, else deliver at its next checkpoint.
 */
export function cancelNowOrAtCheckpoint(task: Task<unknown>): void {
  const state = peekTrioState(task);
  const waiter = task.futWaiter;
  const blocked = waiter !== null && !waiter.done() && !noCancel.has(waiter);
  // At a checkpoint whose resume is queued, trio checks for cancellation when the task resumes: arm it now.
  // So for a sleep that has ended but not resumed: trio's sleep ends through its own deadline scope,
  // whose Cancelled an outer scope cancelled meanwhile takes over (it does not return normally).
  const atCheckpoint = waiter === null ? task.atCheckpoint : waiter.done() && isSleepFuture(waiter);
  if (task.loop.current !== task && (blocked || atCheckpoint)) deliverCancel(task);
  else scheduleCheck(task);
}

/** Queue a cancellation check for `task` (cheap no-op when it is not in a cancelled scope). */
export function scheduleCheck(task: Task<unknown>): void {
  const state = peekTrioState(task);
  if (state === undefined || task.done() || !isCancelled(state)) return;
  task.loop.callSoon(deliverCancel, null, 'trio-cancel', task);
}

/** Runs between the task's steps: arm the task with Cancelled and wake it if it is blocked. */
function deliverCancel(task: Task<unknown>): void {
  if (task.done()) return;
  const state = peekTrioState(task);
  if (state === undefined) return;
  if (!isCancelled(state)) {
    disarm(task, state);
    return;
  }
  if (state.shielded > 0) return;
  const waiter = task.futWaiter;
  if (waiter !== null && noCancel.has(waiter)) return;
  if (waiter !== null && waiter.done() && !isSleepFuture(waiter) && state.armed === null && state.deferredFor !== waiter) {
    // Its wait already completed and the wake-up is queued: as in trio (the task was rescheduled),
    // the wait returns normally and the NEXT checkpoint raises; look again after the wake-up.
    state.deferredFor = waiter;
    scheduleCheck(task);
    return;
  }
  state.deferredFor = null;
  if (task.resumeError === undefined) {
    const error = state.status!.makeCancelled();
    state.armed = error;
    task.setResumeError(error);
    task.loop.trace.add(task.loop.now, task.id, 'cancel', { message: error.message });
  } else if (task.resumeError !== state.armed) {
    // Another layer's error is pending; it is thrown first, and its consumption queues a new check.
    return;
  }
  if (state.wait !== null) {
    const wait = state.wait;
    state.wait = null;
    wait.abort();
    if (wait.future !== waiter) wait.future.cancel();
  }
  if (waiter !== null && !(waiter instanceof Task)) waiter.cancel();
}

/** Take back our armed Cancelled (the task left the cancelled scope before reaching a checkpoint). */
function disarm(task: Task<unknown>, state: TrioTaskState): void {
  if (state.armed === null) return;
  task.withdrawResumeError(state.armed);
  state.armed = null;
}

/**
 * Park `task` on a fresh future (trio's wait_task_rescheduled): `abort` must
 * take the task off the primitive's wait queue; it runs if a cancellation is
 * delivered before someone calls `wake`.
 */
export function park<T>(task: Task<unknown>, label: WaitLabel, abort: () => void): Future<T> {
  const future = new Future<T>(label);
  trioState(task).wait = { future: future as Future<unknown>, abort };
  return future;
}

/**
 * Wake a parked task (trio's reschedule): `settle` sets the future's result or
 * error. From now on the hand-over cannot be undone by a cancellation; the
 * next checkpoint raises as usual.
 */
export function wake(task: Task<unknown>, future: Future<unknown>, settle: () => void): void {
  const state = peekTrioState(task);
  if (state !== undefined && state.wait !== null && state.wait.future === future) state.wait = null;
  noCancel.add(future);
  settle();
  scheduleCheck(task);
}

/**
 * trio.lowlevel.checkpoint_if_cancelled for a primitive: if `task` is in a
 * cancelled scope, a future that fails with Cancelled after one schedule
 * point; otherwise null (the operation goes ahead).
 */
export function cancelledCheckpoint(task: Task<unknown>, label: WaitLabel): Future<never> | null {
  const state = peekTrioState(task);
  if (state === undefined || !isCancelled(state)) return null;
  const future = new Future<never>(label);
  const error = state.status!.makeCancelled();
  task.loop.callSoon(() => {
    if (!future.done()) future.setException(error);
    scheduleCheck(task);
  }, null, 'trio-cancel');
  return future;
}

/**
 * trio.lowlevel.cancel_shielded_checkpoint, resolving with `value`: one
 * schedule point that never raises Cancelled (used after an operation that
 * already took effect, so it is not undone).
 */
export function shieldedCheckpoint<T>(task: Task<unknown>, label: WaitLabel, value: T): Future<T> {
  const future = new Future<T>(label);
  noCancel.add(future as Future<unknown>);
  // Settled right after this step (a microtask), so the task's wake-up is the one schedule point.
  task.loop.enqueueJob(() => {
    future.setResult(value);
    scheduleCheck(task);
  }, null);
  return future;
}
