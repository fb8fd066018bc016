/**
 * Compile speed of esbuild-wasm with and without the playground's warm-up
 * (src/playground/compiler-warmup.ts), in Node with the same package and the
 * same compile() the browser uses. Run: `npm run bench:compile`.
 *
 * Prints the median time to compile a 100-line example (the bench:web program)
 * right after esbuild starts, and again after the playground's warm-up
 * (25 transforms of WARM_UP_PROGRAM, 50 ms apart). Both are measured the way
 * a reader compiles: one at a time, with a pause between them. In Node
 * esbuild-wasm runs in a child process, so each figure includes a pipe round
 * trip; the browser's figure is `npm run bench:web`.
 */
import * as esbuild from 'esbuild-wasm';
import { compile, type EsbuildLike } from '../src/compiler/compile.ts';
import { WARM_UP_PROGRAM, warmUp } from '../src/playground/compiler-warmup.ts';

const SAMPLES = 12;
const PAUSE_MS = 150;
const compiler = esbuild as unknown as EsbuildLike;

function example(tag: number): string {
  const lines = ["import { sleep, createTask } from 'miniloop';", ''];
  for (let i = 0; lines.length < 98; i++) {
    lines.push(`async function step${i}(n: number): Promise<number> {`, `  await sleep(${i % 7});`, `  return n + ${i};`, '}');
  }
  lines.push('const total = await step0(1);', `console.log(total, ${tag});`);
  return lines.join('\n');
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
let tag = 0;

async function sample(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const result = await compile(example(tag++), compiler);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error('the benchmark program does not compile');
    await pause(PAUSE_MS);
  }
  return times;
}

const startedAt = performance.now();
await compile('await 0;', compiler); // what startCompiler does before the warm-up
console.log(`esbuild-wasm start and first transform: ${(performance.now() - startedAt).toFixed(0)} ms`);
const cold = await sample();
console.log(`100-line compile, just started:     median ${median(cold).toFixed(1)} ms (${cold.map((x) => x.toFixed(1)).join(', ')})`);
const warmStarted = performance.now();
await warmUp((i) => compile(`${WARM_UP_PROGRAM}// ${i}\n`, compiler), { transforms: 25, gapMs: 50, isBusy: () => false });
console.log(`playground warm-up (25 transforms, 50 ms apart): ${(performance.now() - warmStarted).toFixed(0)} ms`);
const warm = await sample();
console.log(`100-line compile, after the warm-up: median ${median(warm).toFixed(1)} ms (${warm.map((x) => x.toFixed(1)).join(', ')})`);
console.log('budget (PRODUCT.md, in the browser): 10 ms');
process.exit(0);
