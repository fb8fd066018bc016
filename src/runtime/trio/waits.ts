/**
 * Small trio waits that the core's `sleep`/`checkpoint` do not cover:
 * trio.sleep_forever, trio.sleep_until and the two halves of a checkpoint
 * from trio.lowlevel. All are cancellable the trio way (cancel-delivery.ts).
 * Tests: tests/runtime/trio-cancel.test.ts.
 */
import { Future, Yield } from '../future.ts';
import { getLoop } from '../loop.ts';
import { sleep } from '../time.ts';
import { cancelledCheckpoint, shieldedCheckpoint } from './cancel-delivery.ts';
import { requireTask } from './cancel-scope.ts';

/** Wait until cancelled (trio.sleep_forever); use it inside a scope or nursery that will be cancelled. */
export function sleepForever(): Future<never> {
  return new Future<never>({ kind: 'sleep', what: 'sleep forever' });
}

/** Sleep until absolute virtual time `t` in ms (trio.sleep_until); a time already past yields once. */
export function sleepUntil(t: number): Future<undefined> | Yield<undefined> {
  return sleep(t - getLoop().now);
}

/**
 * Raise Cancelled (after one schedule point) if the running task is in a
 * cancelled scope, else do nothing and do not yield (trio.lowlevel.checkpoint_if_cancelled).
 */
export function checkpointIfCancelled(): Future<never> | Yield<undefined> | undefined {
  const task = requireTask('checkpointIfCancelled');
  return cancelledCheckpoint(task, { kind: 'other', what: 'checkpoint' }) ?? undefined;
}

/** Yield to the loop once without ever raising Cancelled (trio.lowlevel.cancel_shielded_checkpoint). */
export function cancelShieldedCheckpoint(): Future<undefined> {
  const task = requireTask('cancelShieldedCheckpoint');
  return shieldedCheckpoint(task, { kind: 'other', what: 'checkpoint' }, undefined);
}
