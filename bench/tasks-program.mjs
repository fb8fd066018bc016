// Benchmark (b)'s program, written once: `n` tasks, each sleeping a random
// virtual time below 10 s and logging once; the top level sleeps 10 s and
// prints "all done". Used by bench/runtime.ts (b), bench/heap.ts, bench/ab.mjs
// and bench/phases.mjs.

/**
 * @param {number} n how many tasks
 * @param {{ order?: 'random' | 'creation', marks?: boolean }} [options]
 *   `order: 'creation'`: task i sleeps i * 10,000 / n ms instead of a random time, so the
 *   tasks wake in the order they were made (the same number of distinct instants: bench/phases.mjs).
 *   `marks: true`: the program calls `globalThis.__benchMark(name)` when every task is made
 *   ("spawned"), when every task has started ("started": a task made last, which the FIFO ready
 *   queue runs after all the others' first steps) and when every task has woken ("woken").
 *   The lines it prints are the same.
 * @returns {string} the program's TypeScript source
 */
export function tasksProgram(n, { order = 'random', marks = false } = {}) {
  const ms = order === 'creation' ? `Math.floor((i * 10_000) / ${n})` : 'Math.floor(Math.random() * 10_000)';
  const mark = (name) => (marks ? `\n  (globalThis as any).__benchMark('${name}');` : '');
  return `
  import { createTask, sleep } from 'miniloop';
  for (let i = 0; i < ${n}; i++) {
    createTask(async () => {
      await sleep(${ms});
      console.log('woke', i);
    });
  }${mark('spawned')}${marks ? `\n  createTask(async () => {${mark('started')}\n  });` : ''}
  await sleep(10_000); // every task sleeps less than this${mark('woken')}
  console.log('all done');
`;
}
