/**
 * The asyncio layer of the public API: CPython's asyncio (3.12/3.13) ported
 * onto the loop, in TypeScript spelling (camelCase names, milliseconds,
 * functions returning promises where Python passes coroutines, and a body
 * function where Python uses `async with`). Each module says which CPython
 * file it follows and which tests hold its behaviour.
 */
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, type PrimitiveOptions } from './locks.ts';
export { Barrier, BrokenBarrierError } from './barrier.ts';
export { Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull, QueueShutDown } from './queues.ts';
export { ensureFuture, type Awaitable, type AwaitedOf } from './ensure.ts';
export { gather, shield, GatheringFuture, type GatherOptions } from './gather.ts';
export {
  wait,
  waitFor,
  asCompleted,
  AsCompleted,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  type ReturnWhen,
  type WaitOptions,
} from './wait.ts';
export { timeout, timeoutAt, Timeout } from './timeouts.ts';
export { TaskGroup, withTaskGroup, type GroupTaskOptions } from './taskgroup.ts';
export { toThread, runInExecutor, setThreadPoolSize, DEFAULT_THREAD_POOL_SIZE } from './threads.ts';
export { allTasks, isFuture } from './introspection.ts';
