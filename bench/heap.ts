/**
 * `npm run bench:heap`: what one sleeping task keeps alive. Runs benchmark
 * (b)'s program (N tasks, each sleeping a random virtual time, then logging)
 * with N = 10,000, takes a V8 heap snapshot when every task sleeps (at the
 * first console line), and prints each kind of object there are at least N of,
 * with its bytes per task (self sizes). This is where bench/README.md's
 * per-object figures (Task, SleepFuture, Frame, the generator and its hidden
 * class...) come from. Nothing is judged: it prints.
 * Options: --tasks N.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { compileInNode } from '../src/compiler/node.ts';
import { runProgram } from '../src/runtime/program.ts';
import { takeNumberOption } from './options.mjs';
import { tasksProgram } from './tasks-program.mjs';

const args = process.argv.slice(2);
const tasksArg = takeNumberOption(args, '--tasks', 10_000);
if (args.length !== 0 || !Number.isInteger(tasksArg) || tasksArg < 100) {
  console.error('usage: node bench/heap.ts [--tasks N]   (N: a whole number, at least 100)');
  process.exit(2);
}
const TASKS = tasksArg;

const source = tasksProgram(TASKS);

const compiled = await compileInNode(source, 'bench-heap.ts');
if (!compiled.ok) throw new Error(`the program does not compile: ${JSON.stringify(compiled.errors)}`);

let file: string | undefined;
const result = runProgram(compiled, {
  outputLimit: TASKS + 10,
  onEvent(event) {
    // The first line is printed when the first sleep ends: every task has started and sleeps.
    if (file === undefined && event.kind === 'log') file = writeHeapSnapshot(join(tmpdir(), `miniloop-heap-${process.pid}.heapsnapshot`));
  },
});
if (result.status !== 'ok' || file === undefined) throw new Error(`the run did not end as expected (${result.status})`);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}
const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
rmSync(file);
const fields = snapshot.snapshot.meta.node_fields;
const types = snapshot.snapshot.meta.node_types[0];
const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
const kinds = new Map<string, { count: number; bytes: number }>();
let total = 0;
for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
  const type = types[snapshot.nodes[i + TYPE]!]!;
  const name = snapshot.strings[snapshot.nodes[i + NAME]!]!;
  const size = snapshot.nodes[i + SIZE]!;
  total += size;
  // Objects and closures by constructor; V8's own records (hidden classes, arrays...) by their kind.
  const key = type === 'object' || type === 'closure' ? `${type} ${name || '(anonymous)'}` : type === 'object shape' ? 'hidden class (map)' : `${type} ${name.slice(0, 30)}`;
  const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
  kind.count++;
  kind.bytes += size;
  kinds.set(key, kind);
}

console.log(`heap snapshot with ${TASKS.toLocaleString('en')} tasks asleep (Node ${process.version}): ${(total / 1048576).toFixed(1)} MB in all, this process's own objects included`);
console.log('kinds of object with at least one per task, bytes per task (self sizes):');
const rows = [...kinds].filter(([, k]) => k.count >= TASKS).sort((a, b) => b[1].bytes - a[1].bytes);
for (const [key, k] of rows) {
  console.log(`  ${(k.bytes / TASKS).toFixed(0).padStart(5)} B  ${(k.count / TASKS).toFixed(2).padStart(5)} per task  ${key}`);
}
const perTask = rows.reduce((sum, [, k]) => sum + k.bytes, 0) / TASKS;
console.log(`  ${perTask.toFixed(0).padStart(5)} B  in all (the rows above)`);
