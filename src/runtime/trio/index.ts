/**
 * The trio layer of the public API: structured concurrency (nurseries),
 * cancel scopes with deadlines, and memory channels, in TypeScript spelling
 * (time in milliseconds). `sleep`, `checkpoint` and `now` are the core's
 * (trio.sleep, trio.lowlevel.checkpoint, trio.current_time).
 * Design notes: cancel-delivery.ts (how Cancelled reaches checkpoints),
 * cancel-scope.ts, nursery.ts, channel.ts.
 */
export { openNursery, Nursery, TASK_STATUS_IGNORED, type TaskStatus } from './nursery.ts';
export {
  CancelScope,
  moveOnAfter,
  moveOnAt,
  failAfter,
  failAt,
  currentEffectiveDeadline,
  type CancelScopeOptions,
} from './cancel-scope.ts';
export { sleepForever, sleepUntil, checkpointIfCancelled, cancelShieldedCheckpoint } from './waits.ts';
export {
  openMemoryChannel,
  MemorySendChannel,
  MemoryReceiveChannel,
  type MemoryChannelStatistics,
} from './channel.ts';
export {
  Cancelled,
  TooSlowError,
  WouldBlock,
  EndOfChannel,
  ClosedResourceError,
  BrokenResourceError,
  type CancelSource,
} from './errors.ts';
