/**
 * The trace's `queue` facts: what enters and leaves a buffer between tasks,
 * and how many items it holds after. asyncio's queues (asyncio/queues.ts) and
 * trio's memory channels (trio/channel.ts) record them; the exercises'
 * `max-queue` check and the ASCII timeline read them.
 * Tests: tests/runtime/asyncio-queues.test.ts, tests/runtime/trio-channel.test.ts.
 */
import { maybeLoop } from './loop.ts';
import type { QueueOp } from './trace.ts';

/** Record in the trace that the running task put an item into or got one from the queue `what` (now holding `size`). */
export function recordQueueOp(op: QueueOp, what: string, size: number): void {
  const loop = maybeLoop();
  if (loop !== null) loop.trace.add(loop.now, loop.current?.id ?? 0, 'queue', { op, what, size });
}
