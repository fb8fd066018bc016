/**
 * toThread / runInExecutor: blocking work "in another thread" on virtual
 * time (asyncio.to_thread, loop.run_in_executor with the default
 * ThreadPoolExecutor).
 *
 * The pool is simulated: each run has N threads (default 4, like a small
 * ThreadPoolExecutor; setThreadPoolSize changes it). A job occupies a thread
 * for `ms` virtual milliseconds while the loop keeps running other tasks;
 * when every thread is busy, jobs wait in FIFO order, so the limit of
 * parallelism shows on the timeline. Each start and finish is a `thread`
 * trace event naming the thread, so every simulated thread gets its own lane.
 *
 * `fn` runs at the end of its `ms` (a simulation of work that takes that
 * long); its return value or exception settles the awaited future. As with a
 * real thread, cancelling the awaiting task does not stop a job that has
 * started: it runs to its end and its result is dropped. A job still queued
 * for a thread is dropped (concurrent.futures cancels jobs not yet running).
 * Tests: tests/runtime/asyncio-threads.test.ts.
 */
import { Future } from '../future.ts';
import { formatMs } from '../../trace/format-ms.ts';
import { getLoop, RunSlot, type Loop } from '../loop.ts';
import type { Task } from '../task.ts';

/** The default number of simulated threads per run. */
export const DEFAULT_THREAD_POOL_SIZE = 4;

interface Job {
  fn: () => unknown;
  ms: number;
  future: Future<unknown>;
  label: string;
  taskId: number;
}

interface Pool {
  size: number;
  busy: Array<Job | null>;
  queue: Job[];
  /** Futures of run() shutdowns waiting for the pool to fall idle (asyncio/run.ts). */
  idleWaiters: Future<void>[];
}

/** The run's simulated thread pool. */
const POOL = new RunSlot<Pool>('thread pool', () => ({ size: DEFAULT_THREAD_POOL_SIZE, busy: [], queue: [], idleWaiters: [] }));

function poolOf(loop: Loop): Pool {
  return loop.slot(POOL);
}

/**
 * Set how many simulated threads this run's pool has (default 4), like
 * `loop.set_default_executor(ThreadPoolExecutor(max_workers=n))`. Growing the
 * pool starts queued jobs at once; shrinking lets running jobs finish.
 */
export function setThreadPoolSize(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('thread pool size must be a positive integer');
  const loop = getLoop();
  const pool = poolOf(loop);
  pool.size = n;
  startQueued(loop, pool);
}

function freeThread(pool: Pool): number {
  for (let i = 0; i < pool.size; i++) if (!pool.busy[i]) return i;
  return -1;
}

function startQueued(loop: Loop, pool: Pool): void {
  for (;;) {
    // Drop jobs whose awaiter went away before they got a thread.
    while (pool.queue.length > 0 && pool.queue[0]!.future.done()) pool.queue.shift();
    if (pool.queue.length === 0) return;
    const thread = freeThread(pool);
    if (thread < 0) return;
    start(loop, pool, thread, pool.queue.shift()!);
  }
}

function start(loop: Loop, pool: Pool, thread: number, job: Job): void {
  pool.busy[thread] = job;
  loop.trace.add(loop.now, job.taskId, 'thread', { thread: thread + 1, end: false, label: job.label });
  loop.callLater(job.ms, () => {
    let value: unknown;
    let error: unknown;
    let failed = false;
    try {
      value = job.fn();
    } catch (e) {
      failed = true;
      error = e;
    }
    pool.busy[thread] = null;
    loop.trace.add(loop.now, job.taskId, 'thread', { thread: thread + 1, end: true, label: job.label });
    if (!job.future.done()) {
      if (failed) job.future.setException(error);
      else job.future.setResult(value);
    }
    startQueued(loop, pool);
    if (pool.idleWaiters.length > 0 && isIdle(pool)) for (const waiter of pool.idleWaiters.splice(0)) if (!waiter.done()) waiter.setResult(undefined);
  }, null, 'thread');
}

function submit<T>(fn: () => T, ms: number): Future<T> {
  if (typeof fn !== 'function') throw new TypeError('toThread expects a function to run in the thread');
  const loop = getLoop();
  const pool = poolOf(loop);
  const task = loop.current as Task<unknown> | null;
  const name = fn.name || 'function';
  const label = `${name}${task ? ` for ${task.name}` : ''} (${formatMs(ms, { compact: true })})`;
  const future = new Future<T>({ kind: 'thread', what: `thread: ${name}` });
  const job: Job = { fn, ms: Math.max(0, ms), future: future as Future<unknown>, label, taskId: task?.id ?? 0 };
  pool.queue.push(job);
  startQueued(loop, pool);
  return future;
}

/**
 * Run the synchronous `fn` in a simulated worker thread for `ms` virtual
 * milliseconds without blocking the loop; resolves to its return value
 * (asyncio.to_thread). Jobs wait for a free thread when all are busy.
 */
export function toThread<T>(fn: () => T, ms: number): Future<T> {
  return submit(fn, ms);
}

/**
 * Like toThread, with asyncio's lower-level spelling (loop.run_in_executor(None, fn)):
 * the same simulated pool.
 */
export function runInExecutor<T>(fn: () => T, ms: number): Future<T> {
  return submit(fn, ms);
}

function isIdle(pool: Pool): boolean {
  return pool.busy.every((job) => !job) && pool.queue.every((job) => job.future.done());
}

/**
 * For run()'s shutdown (asyncio's shutdown_default_executor): a future done
 * when no simulated thread is busy and no job waits for one, or after
 * `timeoutMs` (the join timeout); null when the pool is idle already.
 */
export function threadsIdle(loop: Loop, timeoutMs: number): Future<void> | null {
  const pool = poolOf(loop);
  if (isIdle(pool)) return null;
  const future = new Future<void>({ kind: 'thread', what: 'the thread pool to finish' });
  pool.idleWaiters.push(future);
  const timer = loop.callLater(timeoutMs, () => {
    if (!future.done()) future.setResult(undefined);
  }, null, 'thread join timeout');
  future.onDone((t) => t.cancel(), timer, null);
  return future;
}
