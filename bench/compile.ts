/**
 * Compile speed of esbuild-wasm with and without the playground's warm-up
 * (src/playground/compiler-warmup.ts), in Node with the same package and the
 * same compile() the browser uses. Run: `npm run bench:compile`.
 *
 * Prints the median time to compile a 100-line example (the bench:web program)
 * right after esbuild starts, and again after the playground's warm-up
 * (25 transforms of WARM_UP_PROGRAM, 50 ms apart). Both are measured the way
 * a reader compiles: one at a time, with a pause between them. A third figure
 * is a program of async generators of the same size, whose compile also runs
 * the acorn fix-ups (src/compiler/async-generator-fixups.ts); the share of
 * the lowered-function pass (src/compiler/lowered-functions.ts) is printed for
 * the 100-line example, without and with the shared-bodies analysis it runs
 * (src/compiler/shared-bodies.ts). In Node
 * esbuild-wasm runs in a child process, so each figure includes a pipe round
 * trip; the browser's figure is `npm run bench:web`.
 */
import * as esbuild from 'esbuild-wasm';
import { parse } from 'acorn';
import { fixAsyncGenerators, type ParseFn } from '../src/compiler/async-generator-fixups.ts';
import { compile, type EsbuildLike } from '../src/compiler/compile.ts';
import { fixLoweredFunctions } from '../src/compiler/lowered-functions.ts';
import { sharedBodyEdits } from '../src/compiler/shared-bodies.ts';
import { WARM_UP_PROGRAM, warmUp } from '../src/playground/compiler-warmup.ts';
import { median } from './stats.mjs';

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

/** The same size of program made of async generators, so the compiler's acorn fix-ups run too. */
function generatorExample(tag: number): string {
  const lines = [''];
  for (let i = 0; lines.length < 98; i++) {
    lines.push(`async function* gen${i}(n: number): AsyncGenerator<number, number> {`, `  yield* [n, ${i}];`, `  return n + ${i};`, '}');
  }
  lines.push('for await (const v of gen0(1)) console.log(v);', `console.log(${tag});`);
  return lines.join('\n');
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let tag = 0;

async function sample(program: (tag: number) => string = example): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const result = await compile(program(tag++), compiler);
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
await compile(generatorExample(tag++), compiler); // loads acorn once, as the playground does
const generators = await sample(generatorExample);
console.log(`100-line async-generator program, after the warm-up: median ${median(generators).toFixed(1)} ms (${generators.map((x) => x.toFixed(1)).join(', ')})`);
// The fix-ups' share: run them alone on esbuild's output for that program.
let lowered: { code: string; map: string } | undefined;
const recording: EsbuildLike = { transform: async (input, options) => (lowered = await compiler.transform(input, options)) };
await compile(generatorExample(tag++), recording);
const fixups: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const started = performance.now();
  fixAsyncGenerators(lowered!.code, lowered!.map, parse as unknown as ParseFn);
  fixups.push(performance.now() - started);
}
console.log(`  of which the acorn fix-ups alone: median ${median(fixups).toFixed(1)} ms`);
// The lowered-function pass (every program with an async function) alone, on the 100-line example's output.
await compile(example(tag++), recording);
const loweredPass: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const started = performance.now();
  fixLoweredFunctions(lowered!.code, lowered!.map, parse as unknown as ParseFn);
  loweredPass.push(performance.now() - started);
}
console.log(`100-line compile: of which the lowered-function pass alone: median ${median(loweredPass).toFixed(1)} ms`);
// With the shared-bodies analysis (every program with an async function of its own), which runs in that pass.
const withSharing: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const started = performance.now();
  fixLoweredFunctions(lowered!.code, lowered!.map, parse as unknown as ParseFn, sharedBodyEdits);
  withSharing.push(performance.now() - started);
}
console.log(`100-line compile: the same pass sharing bodies (shared-bodies.ts): median ${median(withSharing).toFixed(1)} ms`);
console.log('budget (PRODUCT.md, in the browser): 10 ms');
process.exit(0);
