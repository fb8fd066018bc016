/**
 * Introspection helpers of asyncio that cost nothing to offer.
 */
import { getLoop } from '../loop.ts';
import { SetPrototypeAdd } from '../primordials.ts';
import { Future } from '../future.ts';
import { Task, taskRegistry } from '../task.ts';

/** The tasks of this run that are not done yet (asyncio.all_tasks), in creation order. */
export function allTasks(): Set<Task<unknown>> {
  const tasks = new Set<Task<unknown>>();
  const live = taskRegistry(getLoop()).live.toList();
  for (let i = 0; i < live.length; i++) SetPrototypeAdd(tasks, live[i]!);
  return tasks;
}

/** True for a Task or Future of the loop (asyncio.isfuture). */
export function isFuture(x: unknown): x is Future<unknown> {
  return x instanceof Future;
}
