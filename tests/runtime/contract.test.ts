/**
 * The compiler-runtime contract (src/contract/program.ts): the names compiled
 * code uses are exactly those the contract lists, and the runtime provides each.
 */
import { describe, expect, it } from 'vitest';
import {
  FIXUP_HELPERS,
  FIXUP_REPLACES,
  HELPER_NAMES,
  HELPERS_PARAM,
  PROGRAM_PARAMETERS,
  REPLACED_HELPERS,
  WRAPPER_LINES,
  wrapProgram,
} from '../../src/contract/program.ts';
import { compileInNode } from '../../src/compiler/node.ts';
import { STATE_MACHINE_NAMES } from '../../src/compiler/state-machines.ts';
import { runProgram } from '../../src/runtime/program.ts';

// Uses every helper: an async function, an async generator with `return expr`,
// `yield*` over a sync iterable inside it, `yield*` in a sync generator, for await,
// an async arrow and an async method (marked by the lowered-function pass), an awaited sleep, a
// task made of an arrow's state machine.
const EVERY_HELPER = `
import { createTask, sleep } from 'miniloop';
await sleep(1);
await createTask(async () => { await sleep(1); });
function* digits() { yield* [1, 2]; }
async function* numbers() {
  yield* digits();
  await null;
  return 3;
}
async function sum() {
  let total = 0;
  for await (const n of numbers()) total += n;
  return total;
}
const twice = async (x) => x * 2;
const calc = { async half(x) { return x / 2; } };
console.log(await calc.half(await twice(await sum())));
`;

describe('compiler-runtime contract', () => {
  it('a fix-up name has the length of the esbuild name it replaces (columns do not move)', () => {
    for (const [fixup, replaced] of Object.entries(FIXUP_REPLACES)) expect([fixup, fixup.length]).toEqual([fixup, replaced.length]);
    expect(Object.keys(FIXUP_REPLACES).sort()).toEqual(Object.keys(FIXUP_HELPERS).sort());
  });

  it('compiled code reaches the runtime only through the listed helpers and parameters', async () => {
    const compiled = await compileInNode(EVERY_HELPER);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const used = new Set([...compiled.code.matchAll(new RegExp(`\\b${HELPERS_PARAM}\\.(\\w+)`, 'g'))].map((m) => m[1]));
    expect([...used].sort()).toEqual([...new Set(Object.values(HELPER_NAMES))].sort());
    // Every esbuild helper the runtime replaces is gone as esbuild wrote it.
    for (const name of Object.keys(REPLACED_HELPERS)) expect(compiled.code).not.toMatch(new RegExp(`var ${name} = \\(`));
    // Free names starting with "__" are parameters or helper names of the contract.
    const known = new Set<string>([...PROGRAM_PARAMETERS, ...Object.keys(HELPER_NAMES)]);
    const dunder = new Set([...compiled.code.matchAll(/(?<![\w$.@])(__\w+)/g)].map((m) => m[1]!));
    // ... or declared by the compiler: esbuild's own helpers (`var`), shared bodies (`let`, compiler/shared-bodies.ts),
    // a state machine's parameter and constant (compiler/state-machines.ts).
    const declared = (name: string): boolean =>
      new RegExp(`var ${name} = |\\blet (?:\\w+, )*${name}\\b`).test(compiled.code) ||
      (STATE_MACHINE_NAMES.includes(name) && new RegExp(`next\\(${name}\\)|const ${name} = `).test(compiled.code));
    expect([...dunder].filter((name) => !known.has(name) && !declared(name))).toEqual([]);
  });

  it('the runtime provides every helper: a program using all of them runs as V8 runs it', async () => {
    const compiled = await compileInNode(EVERY_HELPER);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const result = runProgram(compiled);
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => l.text)).toEqual(['3']);
  });

  it('the wrapper adds exactly WRAPPER_LINES lines before the reader\'s first', async () => {
    expect(wrapProgram('const a = __ml;', 'x\ny').split('\n').indexOf('x')).toBe(WRAPPER_LINES);
    const compiled = await compileInNode('const a = 1;\n\nthrow new Error("here");\n');
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const result = runProgram(compiled);
    expect(result.problems[0]?.message).toMatch(/at main\.ts:3:7/);
  });
});
