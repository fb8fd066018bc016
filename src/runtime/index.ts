/**
 * miniloop: the public API a program imports (`import { sleep } from "miniloop"`).
 * Names are camelCase versions of asyncio's and trio's; time is in
 * milliseconds. The reference page is generated from the doc comments of
 * these exports, so every export carries one.
 */
export { now, sleep, checkpoint, callSoon, callLater, callAt, blockFor } from './time.ts';
export { run, type RunOptions } from './asyncio/run.ts';
export { Future, Yield } from './future.ts';
export { Task, currentTask, type TaskOptions } from './task.ts';
export { CancelledError, TimeoutError, InvalidStateError, ValueError, RuntimeError, BaseExceptionGroup, ExceptionGroup, type GroupCondition } from './errors.ts';
export type { Handle } from './loop.ts';

import { Task, type TaskOptions } from './task.ts';

/**
 * Wrap `fn` (called on the next turn) or an already running promise in a Task
 * (asyncio.create_task). Prefer the function form, `createTask(() => work())`:
 * like a Python coroutine it starts on the next loop turn, inside the task, so
 * its lines and waits are attributed to the task. A promise passed directly
 * has already started in the caller (JavaScript runs async functions eagerly),
 * so its work stays attributed to the caller; the task only tracks its result.
 */
export function createTask<T>(fn: (() => T | PromiseLike<T>) | PromiseLike<T>, options: TaskOptions = {}): Task<T> {
  return new Task(fn, options);
}

// Layers built on the core, each with its own barrel.
export * from './asyncio/index.ts';
export * from './trio/index.ts';
export * from './net/index.ts';
