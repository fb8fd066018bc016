/**
 * Property tests of the loop core: random small programs from a tiny DSL
 * (tasks that sleep, yield, log, schedule callbacks, spawn subtasks, await and
 * cancel each other, or wait on a future nobody sets) are turned into TypeScript, compiled and run; then the
 * trace and the output must satisfy invariants that hold for every program:
 * - virtual time never goes backwards, and seq numbers count up by one;
 * - every spawned task ends in exactly one `done` event, or the run reports a
 *   deadlock that lists it;
 * - nothing runs twice: each scheduled callback and each DSL statement logs a
 *   unique id at most once;
 * - every task that started and ended ran its `finally` exactly once, before
 *   its `done` (in particular cancelled tasks clean up);
 * - the same seed gives an identical trace (runs are deterministic).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgramResult } from '../../src/runtime/program.ts';
import type { TraceEvent } from '../../src/runtime/trace.ts';
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram } from '../../src/runtime/program.ts';

type Op =
  | { op: 'sleep'; ms: number }
  | { op: 'randomSleep' }
  | { op: 'checkpoint' }
  | { op: 'awaitNever' }
  | { op: 'log' }
  | { op: 'await'; target: number }
  | { op: 'cancel'; target: number }
  | { op: 'callback'; kind: 'callLater' | 'setTimeout' | 'callSoon' | 'queueMicrotask'; ms: number }
  | { op: 'spawn'; target: number };

/** A program: task specs (index = task number), each with a parent (-1: the top level) and a body. */
interface Spec {
  main: Op[];
  tasks: Array<{ parent: number; body: Op[] }>;
}

function opArb(taskCount: number): fc.Arbitrary<Op> {
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 30 }) }), weight: 4 },
    { arbitrary: fc.constant({ op: 'randomSleep' as const }), weight: 1 },
    { arbitrary: fc.constant({ op: 'checkpoint' as const }), weight: 2 },
    { arbitrary: fc.constant({ op: 'awaitNever' as const }), weight: 1 },
    { arbitrary: fc.constant({ op: 'log' as const }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant('await' as const), target: fc.nat(taskCount - 1) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('cancel' as const), target: fc.nat(taskCount - 1) }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant('callback' as const),
        kind: fc.constantFrom('callLater' as const, 'setTimeout' as const, 'callSoon' as const, 'queueMicrotask' as const),
        ms: fc.integer({ min: 0, max: 30 }),
      }),
      weight: 2,
    },
  );
}

const specArb: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      main: fc.array(opArb(n), { maxLength: 4 }),
      tasks: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({ parent: fc.integer({ min: -1, max: i - 1 }), body: fc.array(opArb(n), { maxLength: 6 }), spawnAt: fc.nat() }),
        ),
      ),
    })
    .map(({ main, tasks }) => {
      // Insert each task's spawn into its parent's body (tasks only spawn tasks with a higher number: no cycles).
      const bodies = tasks.map((t) => [...t.body]);
      const mainOps = [...main];
      tasks.forEach((t, i) => {
        const body = t.parent === -1 ? mainOps : bodies[t.parent]!;
        body.splice(t.spawnAt % (body.length + 1), 0, { op: 'spawn', target: i });
      });
      return { main: mainOps, tasks: tasks.map((t, i) => ({ parent: t.parent, body: bodies[i]! })) };
    }),
);

/** The DSL as TypeScript. Each statement that logs uses a unique id, so a statement that ran twice shows. */
function toSource(spec: Spec): string {
  let uid = 0;
  const statements = (ops: Op[], self: number): string[] =>
    ops.map((o) => {
      switch (o.op) {
        case 'sleep':
          return `await sleep(${o.ms});`;
        case 'randomSleep':
          return 'await sleep(Math.floor(Math.random() * 20));';
        case 'checkpoint':
          return 'await checkpoint();';
        case 'awaitNever':
          return 'await never;';
        case 'log':
          return `console.log('log ${++uid}');`;
        case 'await':
          // A task awaiting itself is a different error (asyncio raises RuntimeError); leave it out.
          // Await cycles between tasks are allowed: the run must report them as a deadlock.
          return o.target === self ? '' : `if (tasks[${o.target}]) await tasks[${o.target}];`;
        case 'cancel':
          return `tasks[${o.target}]?.cancel();`;
        case 'spawn':
          return `tasks[${o.target}] = createTask(body${o.target}, { name: 't${o.target}' });`;
        case 'callback': {
          const log = `() => console.log('cb ${++uid}')`;
          if (o.kind === 'callLater') return `callLater(${o.ms}, ${log});`;
          if (o.kind === 'setTimeout') return `setTimeout(${log}, ${o.ms});`;
          if (o.kind === 'callSoon') return `callSoon(${log});`;
          return `queueMicrotask(${log});`;
        }
      }
    });
  const lines = [
    "import { callLater, callSoon, checkpoint, createTask, Future, sleep, type Task } from 'miniloop';",
    'const tasks: Array<Task<void> | undefined> = [];',
    "const never = new Future<void>({ kind: 'future', what: 'never' });",
  ];
  spec.tasks.forEach((task, i) => {
    lines.push(
      `async function body${i}(): Promise<void> {`,
      `  console.log('start t${i}');`,
      '  try {',
      ...statements(task.body, i).map((s) => `    ${s}`),
      '  } finally {',
      `    console.log('finally t${i}');`,
      '  }',
      '}',
    );
  });
  lines.push(...statements(spec.main, -1));
  return lines.join('\n');
}

function checkInvariants(result: ProgramResult, source: string): void {
  const trace = result.trace;
  // 1. Time never goes backwards; seq counts events.
  trace.forEach((e, i) => {
    expect(e.seq, source).toBe(i);
    if (i > 0) expect(e.t, source).toBeGreaterThanOrEqual(trace[i - 1]!.t);
  });

  // 2. Exactly one `done` per spawned task, or a deadlock report naming it.
  const spawned = trace.filter((e) => e.kind === 'spawn').map((e) => e.task);
  const done = new Map<number, TraceEvent[]>();
  for (const e of trace) if (e.kind === 'done') done.set(e.task, [...(done.get(e.task) ?? []), e]);
  const deadlock = trace.find((e) => e.kind === 'deadlock');
  const blocked = new Set(deadlock?.kind === 'deadlock' ? deadlock.detail.blocked.map((b) => b.task) : []);
  for (const id of spawned) {
    const count = done.get(id)?.length ?? 0;
    expect(count, `task ${id} done events\n${source}`).toBeLessThanOrEqual(1);
    if (count === 0) expect(blocked.has(id), `task ${id} neither done nor reported blocked\n${source}`).toBe(true);
  }
  for (const id of blocked) expect(done.has(id), `task ${id} reported blocked but done\n${source}`).toBe(false);
  const problems = result.problems.map((p) => p.kind);
  expect(problems.filter((k) => k !== 'deadlock'), `${result.problems.map((p) => p.message).join('\n')}\n${source}`).toEqual([]);
  expect(problems.includes('deadlock')).toBe(deadlock !== undefined);

  // 3. Nothing runs twice: every logged id is unique.
  const texts = result.lines.map((l) => l.text);
  for (const text of texts) {
    if (/^(log|cb|start|finally) /.test(text)) expect(texts.filter((t) => t === text).length, `"${text}" printed twice\n${source}`).toBe(1);
  }

  // 4. A task that started and ended ran its finally, before its done event (cancelled ones included).
  const logSeq = new Map<string, number>();
  for (const e of trace) if (e.kind === 'log') logSeq.set(e.detail.text, e.seq);
  const names = new Map(result.tasks.map((t) => [t.id, t.name]));
  for (const [id, events] of done) {
    const name = names.get(id)!;
    if (name === 'main' || !logSeq.has(`start ${name}`)) continue;
    const cleanup = logSeq.get(`finally ${name}`);
    expect(cleanup, `${name} (${events[0]!.kind === 'done' ? events[0]!.detail.outcome : ''}) ended without its finally\n${source}`).toBeDefined();
    expect(cleanup!).toBeLessThan(events[0]!.seq);
  }
}

describe('random programs (fast-check)', () => {
  it('keep time monotonic, end every task once, run nothing twice, clean up cancelled tasks, and repeat with the same seed', async () => {
    let cancelledSeen = 0;
    let deadlocksSeen = 0;
    await fc.assert(
      fc.asyncProperty(specArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (spec, seed) => {
        const source = toSource(spec);
        const compiled = await compileInNode(source);
        if (!compiled.ok) throw new Error(`generated program does not compile: ${JSON.stringify(compiled.errors)}\n${source}`);
        const first = runProgram(compiled, { seed, timeLimit: 60_000 });
        checkInvariants(first, source);
        // 5. Same seed, same trace (compared as plain data).
        const second = runProgram(compiled, { seed, timeLimit: 60_000 });
        expect(JSON.stringify(second.trace)).toBe(JSON.stringify(first.trace));
        expect(second.lines).toEqual(first.lines);
        cancelledSeen += first.trace.filter((e) => e.kind === 'done' && e.detail.outcome === 'cancelled').length;
        if (first.problems.some((p) => p.kind === 'deadlock')) deadlocksSeen++;
      }),
      { numRuns: 100 },
    );
    // The generator must actually reach the interesting cases.
    expect(cancelledSeen).toBeGreaterThan(0);
    expect(deadlocksSeen).toBeGreaterThan(0);
  }, 120_000);

  it('generates programs that compile to the expected TypeScript', () => {
    const source = toSource({
      main: [{ op: 'spawn', target: 0 }, { op: 'sleep', ms: 5 }],
      tasks: [{ parent: -1, body: [{ op: 'log' }, { op: 'await', target: 0 }, { op: 'callback', kind: 'callLater', ms: 3 }] }],
      // (the await of itself is left out)
    });
    expect(source.split('\n').slice(3)).toEqual([
      'async function body0(): Promise<void> {',
      "  console.log('start t0');",
      '  try {',
      "    console.log('log 1');",
      '    ',
      "    callLater(3, () => console.log('cb 2'));",
      '  } finally {',
      "    console.log('finally t0');",
      '  }',
      '}',
      "tasks[0] = createTask(body0, { name: 't0' });",
      'await sleep(5);',
    ]);
  });

  // Regression (found by the property test above, fixed in c337be6): two tasks that await each other are
  // left over when the top level ends; runProgram cancels them as asyncio.run does, and Task.cancel used
  // to recurse through the futWaiter chain t0 -> t1 -> t0 -> ... until the stack overflowed (CPython has
  // the same unbounded recursion, python/cpython#80637). The playground must not crash: a failed run
  // whose report names both tasks.
  it('reports two tasks that await each other instead of crashing', async () => {
    const compiled = await compileInNode(`
      import { createTask, sleep, type Task } from 'miniloop';
      const tasks: Task<void>[] = [];
      tasks[0] = createTask(async () => { await sleep(1); await tasks[1]; }, { name: 't0' });
      tasks[1] = createTask(async () => { await sleep(1); await tasks[0]; }, { name: 't1' });
      await sleep(5);
    `);
    if (!compiled.ok) throw new Error('compile error');
    const result = runProgram(compiled);
    expect(result.status).toBe('failed');
    const report = result.problems.map((p) => p.message).join('\n');
    expect(report).toContain('t0');
    expect(report).toContain('t1');
  });
});
