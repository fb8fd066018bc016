// Benchmark (b)'s program, written once: `n` tasks, each sleeping a random
// virtual time below 10 s and logging once; the top level sleeps 10 s and
// prints "all done". Used by bench/runtime.ts (b), bench/heap.ts and bench/ab.mjs.

/**
 * @param {number} n how many tasks
 * @returns {string} the program's TypeScript source
 */
export function tasksProgram(n) {
  return `
  import { createTask, sleep } from 'miniloop';
  for (let i = 0; i < ${n}; i++) {
    createTask(async () => {
      await sleep(Math.floor(Math.random() * 10_000));
      console.log('woke', i);
    });
  }
  await sleep(10_000); // every task sleeps less than this
  console.log('all done');
`;
}
