/**
 * The await graph at a moment: each waiting task points at what it waits on,
 * and that thing points at the task that holds or will complete it *where the
 * trace says so*: a task's own label ("task alice") names it, and a label a
 * program or primitive wrote naming a task ("the fork (set by bob)") does too.
 * A lock or semaphore points at the task that holds it, from the recorded
 * `hold` facts (runtime/asyncio/locks.ts); a future at a task only where its
 * label names one.
 * Tests: tests/inspect/graph.test.ts.
 */
import type { WaitLabel } from '../runtime/trace.ts';
import { labelKey, type TaskState } from './state.ts';

/** A waiting task, what it waits on, and who holds or completes that (task id, when known). */
export interface AwaitEdge {
  task: number;
  on: WaitLabel;
  owner: number | null;
}

/** The edges of the graph for the tasks given (waiting ones only); `holders` (state.ts holdersAfter) names who holds a lock. */
export function awaitEdges(tasks: readonly TaskState[], holders: ReadonlyMap<string, readonly number[]> = new Map()): AwaitEdge[] {
  const edges: AwaitEdge[] = [];
  for (const task of tasks) {
    if (task.state !== 'waiting' || !task.on) continue;
    const held = holders.get(labelKey(task.on))?.find((id) => id !== task.id);
    edges.push({ task: task.id, on: task.on, owner: held ?? ownerOf(task.on, task.id, tasks) });
  }
  return edges;
}

/** The task a wait label names: `task NAME` for a task wait, else a task name standing as a word in the text (not the waiter's own). */
function ownerOf(on: WaitLabel, waiter: number, tasks: readonly TaskState[]): number | null {
  const alive = (t: TaskState) => t.state !== 'done' && t.state !== 'cancelled' && t.state !== 'failed';
  // Prefer an unfinished task of that name (names need not be unique).
  const byName = (name: string) => {
    const same = tasks.filter((t) => t.name === name && t.id !== waiter);
    return same.find(alive) ?? same[same.length - 1] ?? null;
  };
  if (on.kind === 'task' && on.what.startsWith('task ')) return byName(on.what.slice(5))?.id ?? null;
  // Longest names first, so "bob2" is not read as "bob".
  const names = [...new Set(tasks.filter((t) => t.id !== waiter).map((t) => t.name))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'u').test(on.what)) return byName(name)?.id ?? null;
  }
  return null;
}

/** Every cycle of the graph, each as task ids in order from its smallest id (each task waits on one thing, so each task is on at most one cycle). */
export function awaitCycles(edges: readonly AwaitEdge[]): number[][] {
  const next = new Map<number, number>();
  for (const e of edges) if (e.owner !== null) next.set(e.task, e.owner);
  const cycles: number[][] = [];
  const seen = new Set<number>();
  for (const start of [...next.keys()].sort((a, b) => a - b)) {
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let cur: number | undefined = start;
    while (cur !== undefined && !seen.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length);
      path.push(cur);
      cur = next.get(cur);
    }
    if (cur !== undefined && onPath.has(cur)) {
      const cycle = path.slice(onPath.get(cur)!);
      const min = cycle.indexOf(Math.min(...cycle));
      cycles.push([...cycle.slice(min), ...cycle.slice(0, min)]);
    }
    for (const id of path) seen.add(id);
  }
  return cycles;
}
