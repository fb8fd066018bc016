/**
 * Warming esbuild-wasm up while the reader is idle.
 *
 * V8 first runs WebAssembly with its baseline compiler and optimizes the hot
 * functions in background threads, so esbuild's transforms get faster only
 * after it has run a while - and sooner when the transforms are spaced out
 * (back-to-back, the background compiler gets no CPU). `npm run bench:compile`
 * measures a 100-line compile right after start-up and after this warm-up
 * (medians 13 ms and 7 ms in Node on the 2-core machine). So once the
 * compiler has started, a few transforms of a representative program run in
 * the gaps,
 * never while a reader's own compile is in flight.
 */

/** A program that exercises what readers' programs use: async functions, generators, classes, for await. */
export const WARM_UP_PROGRAM = `import { sleep, createTask, Queue } from 'miniloop';
interface Job { id: number; ms: number }
class Worker {
  done = 0;
  constructor(readonly name: string, private queue: Queue<Job>) {}
  async run(): Promise<void> {
    for (;;) {
      const job = await this.queue.get();
      await sleep(job.ms);
      this.done++;
      this.queue.taskDone();
    }
  }
}
async function* ticks(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) { await sleep(10); yield i; }
}
const queue = new Queue<Job>();
const workers = ['a', 'b', 'c'].map((name) => new Worker(name, queue));
const tasks = workers.map((w) => createTask(() => w.run(), { name: w.name }));
for (let id = 0; id < 9; id++) await queue.put({ id, ms: (id * 7) % 20 });
for await (const t of ticks(3)) console.log('tick', t);
await queue.join();
for (const task of tasks) task.cancel();
console.log(workers.map((w) => \`\${w.name}:\${w.done}\`).join(' '));
`;

/** How to warm up: how many transforms, the gap between them, and the timer and busy check to use. */
export interface WarmUpOptions {
  transforms: number;
  gapMs: number;
  /** True while a reader's compile is in flight: the warm-up waits for it. */
  isBusy: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Call `transform(i)` `options.transforms` times, one at a time, each after
 * `gapMs` of idle time, skipping turns while `isBusy()`. Resolves when done;
 * a failing transform ends the warm-up quietly (the reader's compile reports
 * real problems).
 */
export function warmUp(transform: (i: number) => Promise<unknown>, options: WarmUpOptions): Promise<void> {
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  return new Promise((resolve) => {
    let done = 0;
    const step = (): void => {
      if (done >= options.transforms) return resolve();
      if (options.isBusy()) {
        setTimer(step, options.gapMs);
        return;
      }
      transform(done++).then(
        () => setTimer(step, options.gapMs),
        () => resolve(),
      );
    };
    setTimer(step, options.gapMs);
  });
}
