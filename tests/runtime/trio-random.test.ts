/**
 * Random trio programs, written twice from one description - for trio (with
 * MockClock(autojump_threshold=0), the semantics corpus's vclock.py) and for
 * miniloop - must print the same (virtual ms, message) lines; lines of one
 * instant are compared as multisets, as in the corpus. Children sleep,
 * checkpoint, run under move_on_after and shielded scopes, catch Cancelled
 * (and re-raise it), run finally blocks, raise, and open nurseries of their
 * own; a producer may send numbers through a memory channel (size 0, 1 or 2)
 * to a consumer; the main task sleeps and may cancel the nursery.
 *
 * trio runs each batch of ready tasks in a random direction and breaks ties
 * between deadlines of one instant by id(); here both are made FIFO (the order
 * miniloop uses, one of the orders trio allows), so a program has one expected
 * output. It needs Python with trio, so it runs only with
 * TRIO_PYTHON set: `TRIO_PYTHON=/usr/bin/python3 npx vitest run tests/runtime/trio-random.test.ts`.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buckets, keepFailedPair, PROGRAM_END, runPythonPrograms, samplePrograms } from './python-differential.ts';
import { runSource } from './run-source.ts';

type Stmt =
  | { k: 'log' }
  | { k: 'sleep'; d: number }
  | { k: 'checkpoint' }
  | { k: 'move-on'; t: number; body: Stmt[] }
  | { k: 'shield'; body: Stmt[] }
  | { k: 'guard'; body: Stmt[]; catchCancel: boolean; fin: boolean }
  | { k: 'raise' }
  | { k: 'nursery'; j: number; body: Stmt[] };
type MainStmt = { k: 'sleep'; d: number } | { k: 'log' } | { k: 'cancel' };
/** A producer sending `items` numbers through a memory channel of `size` to a consumer, each running statements too. */
interface Pipe {
  size: number;
  items: number;
  producer: Stmt[];
  consumer: Stmt[];
}
interface Program {
  workers: Stmt[][];
  spawn: number[];
  main: MainStmt[];
  pipe: Pipe | null;
}

const delay = fc.constantFrom(0, 1, 2, 5);
const stmt: fc.Memo<Stmt> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ k: 'log' as const }),
    fc.record({ k: fc.constant('sleep' as const), d: delay }),
    fc.constant({ k: 'checkpoint' as const }),
    fc.constant({ k: 'raise' as const }),
    ...(depth > 1
      ? [
          fc.record({ k: fc.constant('move-on' as const), t: fc.constantFrom(1, 2, 3), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }) }),
          fc.record({ k: fc.constant('shield' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }) }),
          fc.record({ k: fc.constant('guard' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }), catchCancel: fc.boolean(), fin: fc.boolean() }),
          fc.record({ k: fc.constant('nursery' as const), j: fc.nat(3), body: fc.array(stmt(depth - 1), { maxLength: 2 }) }),
        ]
      : []),
  ),
);
const mainStmt: fc.Arbitrary<MainStmt> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('sleep' as const), d: delay }) },
  { weight: 1, arbitrary: fc.constant({ k: 'log' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'cancel' as const }) },
);
const programArb: fc.Arbitrary<Program> = fc.record({
  workers: fc.array(fc.array(stmt(3), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  spawn: fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }),
  main: fc.array(mainStmt, { minLength: 0, maxLength: 4 }),
  pipe: fc.option(
    fc.record({ size: fc.constantFrom(0, 1, 2), items: fc.integer({ min: 1, max: 4 }), producer: fc.array(stmt(2), { maxLength: 2 }), consumer: fc.array(stmt(2), { maxLength: 2 }) }),
    { freq: 2 },
  ),
});

function python(p: Program, index: number): string {
  let n = 0;
  const out: string[] = [];
  const block = (stmts: Stmt[], i: number, indent: string): string[] => {
    const lines = stmts.flatMap((s): string[] => {
      const id = `s${n++}`;
      switch (s.k) {
        case 'log':
          return [`${indent}log(name + ' ${id}')`];
        case 'sleep':
          return [`${indent}await trio.sleep(${s.d / 1000})`];
        case 'checkpoint':
          return [`${indent}await trio.lowlevel.checkpoint()`];
        case 'raise':
          return [`${indent}raise ValueError(name + ' ${id}')`];
        case 'move-on':
          return [`${indent}with trio.move_on_after(${s.t / 1000}) as ${id}:`, ...block(s.body, i, `${indent}    `), `${indent}log(name + ' ${id} caught ' + yn(${id}.cancelled_caught))`];
        case 'shield':
          return [`${indent}with trio.CancelScope(shield=True):`, ...block(s.body, i, `${indent}    `)];
        case 'guard':
          return [
            `${indent}try:`,
            ...block(s.body, i, `${indent}    `),
            ...(s.catchCancel ? [`${indent}except trio.Cancelled:`, `${indent}    log(name + ' ${id} cancelled')`, `${indent}    raise`] : []),
            ...(s.fin || !s.catchCancel ? [`${indent}finally:`, `${indent}    log(name + ' ${id} finally')`] : []),
          ];
        case 'nursery': {
          // Only workers after this one, so nesting ends.
          const child = s.j + i + 1 < p.workers.length ? [`${indent}    ${id}.start_soon(w${s.j + i + 1}, name + '.${id}')`] : [];
          return [`${indent}async with trio.open_nursery() as ${id}:`, ...child, ...block(s.body, i, `${indent}    `), `${indent}    pass`];
        }
      }
    });
    return lines.length ? lines : [`${indent}pass`];
  };
  p.workers.forEach((w, i) => out.push(`    async def w${i}(name):`, ...block(w, i, '        ')));
  const pipe = p.pipe;
  if (pipe) {
    // Statements of the pipe's ends spawn no nurseries' children (index past every worker).
    const last = p.workers.length;
    out.push(
      '    async def producer(name, send):',
      '        try:',
      `            for i in range(${pipe.items}):`,
      ...block(pipe.producer, last, '                '),
      '                await send.send(i)',
      "                log(name + ' sent ' + str(i))",
      '        finally:',
      '            send.close()',
      '    async def consumer(name, receive):',
      '        try:',
      '            async for v in receive:',
      "                log(name + ' got ' + str(v))",
      ...block(pipe.consumer, last, '                '),
      '        finally:',
      '            receive.close()',
      "        log(name + ' end')",
    );
  }
  out.push('    async def main():', '        try:', '            async with trio.open_nursery() as n:');
  p.spawn.forEach((j, k) => out.push(`                n.start_soon(w${j % p.workers.length}, 'T${k}')`));
  if (pipe) {
    out.push(
      `                send, receive = trio.open_memory_channel(${pipe.size})`,
      "                n.start_soon(producer, 'P', send)",
      "                n.start_soon(consumer, 'C', receive)",
    );
  }
  for (const s of p.main) {
    if (s.k === 'sleep') out.push(`                await trio.sleep(${s.d / 1000})`);
    else if (s.k === 'cancel') out.push("                log('cancel')", '                n.cancel_scope.cancel()');
    else out.push("                log('main')");
  }
  out.push(
    '        except BaseExceptionGroup as eg:',
    "            log('group ' + ' '.join(sorted(leaves(eg))))",
    "        log('done ' + yn(n.cancel_scope.cancelled_caught))",
  );
  return [`def prog${index}():`, ...out, '    return main', ''].join('\n');
}

function typescript(p: Program): string {
  let n = 0;
  const out: string[] = [
    "import { openNursery, openMemoryChannel, sleep, checkpoint, moveOnAfter, CancelScope, Cancelled, ExceptionGroup, ValueError, type MemoryReceiveChannel, type MemorySendChannel, type Nursery } from 'miniloop';",
    'const log = (s: string) => console.log(s);',
    "const yn = (b: boolean) => (b ? 'yes' : 'no');",
    'const leaves = (e: unknown): string[] => (e instanceof ExceptionGroup ? e.exceptions.flatMap(leaves) : [(e as Error).constructor.name]);',
  ];
  const block = (stmts: Stmt[], i: number): string[] =>
    stmts.flatMap((s): string[] => {
      const id = `s${n++}`;
      switch (s.k) {
        case 'log':
          return [`log(name + ' ${id}');`];
        case 'sleep':
          return [`await sleep(${s.d});`];
        case 'checkpoint':
          return ['await checkpoint();'];
        case 'raise':
          return [`throw new ValueError(name + ' ${id}');`];
        case 'move-on':
          return [`const ${id} = await moveOnAfter(${s.t}, async () => {`, ...block(s.body, i), '});', `log(name + ' ${id} caught ' + yn(${id}.cancelledCaught));`];
        case 'shield':
          return ['await new CancelScope({ shield: true }).run(async () => {', ...block(s.body, i), '});'];
        case 'guard':
          return [
            'try {',
            ...block(s.body, i),
            ...(s.catchCancel ? ['} catch (e) {', `if (e instanceof Cancelled) log(name + ' ${id} cancelled');`, 'throw e;'] : []),
            ...(s.fin || !s.catchCancel ? ['} finally {', `log(name + ' ${id} finally');`] : []),
            '}',
          ];
        case 'nursery': {
          const child = s.j + i + 1 < p.workers.length ? [`${id}.startSoon(w${s.j + i + 1}, name + '.${id}');`] : [];
          return [`await openNursery(async (${id}) => {`, ...child, ...block(s.body, i), '});'];
        }
      }
    });
  p.workers.forEach((w, i) => out.push(`async function w${i}(name: string): Promise<void> {`, ...block(w, i), '}'));
  const pipe = p.pipe;
  if (pipe) {
    const last = p.workers.length;
    out.push(
      'async function producer(name: string, send: MemorySendChannel<number>): Promise<void> {',
      'try {',
      `for (let i = 0; i < ${pipe.items}; i++) {`,
      ...block(pipe.producer, last),
      'await send.send(i);',
      "log(name + ' sent ' + String(i));",
      '}',
      '} finally {',
      'send.close();',
      '}',
      '}',
      'async function consumer(name: string, receive: MemoryReceiveChannel<number>): Promise<void> {',
      'try {',
      'for await (const v of receive) {',
      "log(name + ' got ' + String(v));",
      ...block(pipe.consumer, last),
      '}',
      '} finally {',
      'receive.close();',
      '}',
      "log(name + ' end');",
      '}',
    );
  }
  out.push('let n!: Nursery;', 'try {', 'await openNursery(async (nursery) => {', 'n = nursery;');
  p.spawn.forEach((j, k) => out.push(`n.startSoon(w${j % p.workers.length}, 'T${k}');`));
  if (pipe) {
    out.push(`const [send, receive] = openMemoryChannel<number>(${pipe.size});`, "n.startSoon(producer, 'P', send);", "n.startSoon(consumer, 'C', receive);");
  }
  for (const s of p.main) {
    if (s.k === 'sleep') out.push(`await sleep(${s.d});`);
    else if (s.k === 'cancel') out.push("log('cancel');", 'n.cancelScope.cancel();');
    else out.push("log('main');");
  }
  out.push('});', '} catch (e) {', 'if (!(e instanceof ExceptionGroup)) throw e;', "log('group ' + leaves(e).sort().join(' '));", '}', "log('done ' + yn(n.cancelScope.cancelledCaught));");
  return out.join('\n');
}

const pythonExe = process.env.TRIO_PYTHON;

describe.skipIf(!pythonExe)('random trio programs: miniloop prints what trio prints', () => {
  it('programs ($TRIO_RANDOM_PROGRAMS, default 150)', async () => {
    const programs = samplePrograms(programArb, 'TRIO_RANDOM');
    const dir = mkdtempSync(join(tmpdir(), 'trio-random-'));
    copyFileSync(join(import.meta.dirname, '../corpus/semantics/vclock.py'), join(dir, 'vclock.py'));
    const prelude = [
      'import sys, trio, trio.lowlevel',
      'import trio._core._run as trio_run',
      'from vclock import log, run_trio, yn',
      '# FIFO batches: trio pops from the end and reverses each batch with probability 1/2.',
      'trio_run._r.random = lambda: 0.0',
      '# Deadlines of one instant expire in the order they were set (trio breaks ties by id()).',
      'import heapq, itertools',
      '_deadline_order = itertools.count()',
      'def _add_deadline(self, deadline, cancel_scope):',
      '    heapq.heappush(self._heap, (deadline, next(_deadline_order), cancel_scope))',
      '    self._active += 1',
      'trio_run.Deadlines.add = _add_deadline',
      'def leaves(e):',
      '    return [x for s in e.exceptions for x in leaves(s)] if isinstance(e, BaseExceptionGroup) else [type(e).__name__]',
    ];
    const script = [
      ...prelude,
      ...programs.map((p, i) => python(p, i)),
      `for i in range(${programs.length}):`,
      '    try:',
      "        run_trio(globals()[f'prog{i}']())",
      '    except BaseException as e:',
      "        print(f'-1\\tpython failed: {type(e).__name__}: {e}')",
      `    print('${PROGRAM_END}', flush=True)`,
    ].join('\n');
    const outputs = runPythonPrograms(pythonExe!, dir, script);
    expect(outputs).toHaveLength(programs.length);
    for (const [i, p] of programs.entries()) {
      const expected = outputs[i]!;
      const keep = (): string => keepFailedPair(dir, i, `${prelude.join('\n')}\n${python(p, i)}\nrun_trio(prog${i}())\n`, typescript(p));
      if (expected.some(([t]) => t < 0)) expect(expected, `python failed on program ${i}: ${keep()}`).toEqual([]);
      const result = await runSource(typescript(p));
      const ours = result.lines.map((l): [number, string] => [Math.round(l.t), l.text]);
      const problems = result.problems.map((x) => x.message);
      if (problems.length || JSON.stringify(buckets(ours)) !== JSON.stringify(buckets(expected))) {
        expect({ buckets: buckets(ours), problems }, `program ${i} differs: ${keep()}`).toEqual({ buckets: buckets(expected), problems: [] });
      }
    }
  }, 600_000);
});
