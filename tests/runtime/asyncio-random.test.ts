/**
 * Random asyncio programs, written twice from one description - for CPython's
 * asyncio (on the twins' virtual-clock loop) and for miniloop - must print the
 * same (virtual ms, message) lines. Tasks sleep (also under shield), wait on an
 * Event, take a Lock or a Semaphore(2), cancel each other, catch their
 * cancellation (and re-raise it), run finally blocks and spawn tasks of their
 * own; the main task sleeps, cancels some of them, sets the event, and awaits
 * every task in turn.
 *
 * It needs CPython, so it runs only with ASYNCIO_PYTHON set (as the twins'
 * re-runs do): `ASYNCIO_PYTHON=python3 npx vitest run tests/runtime/asyncio-random.test.ts`.
 * The programs stay within what asyncio does the same way from 3.11 to 3.13
 * (the loop follows 3.12+): no wait_for or timeouts, whose implementation
 * changed in 3.12, and no gather of tasks that may have finished already,
 * which 3.12 completes at once where 3.11 waits for a loop turn.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTwin, VLOOP_PY } from './asyncio-twins.ts';
import { keepFailedPair, PROGRAM_END, runPythonPrograms, samplePrograms } from './python-differential.ts';

type Stmt =
  | { k: 'log' }
  | { k: 'sleep'; d: number }
  | { k: 'wait-event' }
  | { k: 'lock'; body: Stmt[] }
  | { k: 'guard'; body: Stmt[]; catchCancel: boolean; fin: boolean }
  | { k: 'spawn'; j: number; d: number }
  | { k: 'semaphore'; body: Stmt[] }
  | { k: 'cancel-sibling'; t: number }
  | { k: 'shielded-sleep'; d: number };
type MainStmt = { k: 'sleep'; d: number } | { k: 'cancel'; t: number } | { k: 'set' } | { k: 'log' };
interface Program {
  workers: Stmt[][];
  spawn: number[];
  main: MainStmt[];
}

const delay = fc.constantFrom(0, 1, 2, 5);
const stmt: fc.Memo<Stmt> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ k: 'log' as const }),
    fc.record({ k: fc.constant('sleep' as const), d: delay }),
    fc.constant({ k: 'wait-event' as const }),
    fc.record({ k: fc.constant('spawn' as const), j: fc.nat(3), d: delay }),
    fc.record({ k: fc.constant('cancel-sibling' as const), t: fc.nat(4) }),
    fc.record({ k: fc.constant('shielded-sleep' as const), d: delay }),
    ...(depth > 1
      ? [
          fc.record({ k: fc.constant('lock' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }) }),
          fc.record({ k: fc.constant('semaphore' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }) }),
          fc.record({ k: fc.constant('guard' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }), catchCancel: fc.boolean(), fin: fc.boolean() }),
        ]
      : []),
  ),
);
const mainStmt: fc.Arbitrary<MainStmt> = fc.oneof(
  fc.record({ k: fc.constant('sleep' as const), d: delay }),
  fc.record({ k: fc.constant('cancel' as const), t: fc.nat(4) }),
  fc.constant({ k: 'set' as const }),
  fc.constant({ k: 'log' as const }),
);
const programArb: fc.Arbitrary<Program> = fc.record({
  workers: fc.array(fc.array(stmt(3), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  spawn: fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }),
  main: fc.array(mainStmt, { minLength: 1, maxLength: 6 }),
});

/** The Python twin, as a function `prog()` for the shared harness. */
function python(p: Program, index: number): string {
  let n = 0;
  const out: string[] = [];
  const block = (stmts: Stmt[], i: number, indent: string, held: boolean): string[] =>
    stmts.flatMap((s): string[] => {
      const id = `s${n++}`;
      switch (s.k) {
        case 'log':
          return [`${indent}log(name, '${id}')`];
        case 'sleep':
          return [`${indent}await asyncio.sleep(${s.d})`];
        case 'wait-event':
          return [`${indent}await ev.wait()`, `${indent}log(name, '${id} event')`];
        case 'spawn':
          // Only workers after this one, so spawning ends.
          return s.j + i + 1 < p.workers.length ? [`${indent}spawned.append(asyncio.create_task(w${s.j + i + 1}(name + '.${id}')))`] : [`${indent}await asyncio.sleep(${s.d})`];
        case 'lock':
          if (held) return block(s.body, i, indent, true);
          return [`${indent}async with lock:`, `${indent}    log(name, '${id} locked')`, ...block(s.body, i, `${indent}    `, true)];
        case 'semaphore':
          // Never one of the two inside the other, so no program can deadlock.
          if (held) return block(s.body, i, indent, true);
          return [`${indent}async with sem:`, `${indent}    log(name, '${id} permit')`, ...block(s.body, i, `${indent}    `, true)];
        case 'cancel-sibling':
          return [`${indent}if len(tasks) > ${s.t}:`, `${indent}    log(name, '${id} cancels T${s.t}', tasks[${s.t}].cancel())`];
        case 'shielded-sleep':
          return [`${indent}await asyncio.shield(asyncio.sleep(${s.d}))`, `${indent}log(name, '${id} shielded')`];
        case 'guard':
          return [
            `${indent}try:`,
            ...block(s.body, i, `${indent}    `, held),
            ...(s.catchCancel ? [`${indent}except asyncio.CancelledError:`, `${indent}    log(name, '${id} cancelled')`, `${indent}    raise`] : []),
            ...(s.fin || !s.catchCancel ? [`${indent}finally:`, `${indent}    log(name, '${id} finally')`] : []),
          ];
      }
    });
  p.workers.forEach((w, i) => {
    out.push(`    async def w${i}(name):`, ...block(w, i, '        ', false), `        return name`);
  });
  out.push('    async def main():');
  p.spawn.forEach((j, k) => out.push(`        tasks.append(asyncio.create_task(w${j % p.workers.length}('T${k}')))`));
  for (const s of p.main) {
    if (s.k === 'sleep') out.push(`        await asyncio.sleep(${s.d})`);
    else if (s.k === 'cancel') out.push(`        log('cancel T${s.t % p.spawn.length}', tasks[${s.t % p.spawn.length}].cancel())`);
    else if (s.k === 'set') out.push('        ev.set()');
    else out.push("        log('main')");
  }
  out.push(
    '        ev.set()',
    // Each task is awaited in turn (gather of finished tasks changed in 3.12: it completes at once).
    '        for t in tasks:',
    '            try:',
    "                log('result', await t)",
    '            except asyncio.CancelledError:',
    "                log('result', 'CancelledError')",
    '        while spawned:',
    '            t = spawned.pop(0)',
    '            try:',
    "                log('spawned', await t)",
    '            except asyncio.CancelledError:',
    "                log('spawned', 'CancelledError')",
  );
  return [`def prog${index}():`, '    ev = asyncio.Event()', '    lock = asyncio.Lock()', '    sem = asyncio.Semaphore(2)', '    tasks = []', '    spawned = []', ...out, '    return main', ''].join('\n');
}

/** The miniloop twin. */
function typescript(p: Program): string {
  let n = 0;
  const out: string[] = ['const ev = new ml.Event();', 'const lock = new ml.Lock();', 'const sem = new ml.Semaphore(2);', 'const tasks: ml.Task<string>[] = [];', 'const spawned: ml.Task<string>[] = [];'];
  const block = (stmts: Stmt[], i: number, held: boolean): string[] =>
    stmts.flatMap((s): string[] => {
      const id = `s${n++}`;
      switch (s.k) {
        case 'log':
          return [`log(name, '${id}');`];
        case 'sleep':
          return [`await ml.sleep(${s.d});`];
        case 'wait-event':
          return ['await ev.wait();', `log(name, '${id} event');`];
        case 'spawn':
          return s.j + i + 1 < p.workers.length ? [`spawned.push(ml.createTask(() => w${s.j + i + 1}(name + '.${id}')));`] : [`await ml.sleep(${s.d});`];
        case 'lock':
          if (held) return block(s.body, i, true);
          return ['await lock.acquire();', 'try {', `log(name, '${id} locked');`, ...block(s.body, i, true), '} finally {', 'lock.release();', '}'];
        case 'semaphore':
          if (held) return block(s.body, i, true);
          return ['await sem.acquire();', 'try {', `log(name, '${id} permit');`, ...block(s.body, i, true), '} finally {', 'sem.release();', '}'];
        case 'cancel-sibling':
          return [`if (tasks.length > ${s.t}) log(name, '${id} cancels T${s.t}', tasks[${s.t}]!.cancel());`];
        case 'shielded-sleep':
          return [`await ml.shield(() => ml.sleep(${s.d}));`, `log(name, '${id} shielded');`];
        case 'guard':
          return [
            'try {',
            ...block(s.body, i, held),
            ...(s.catchCancel ? ['} catch (e) {', `if (e instanceof ml.CancelledError) log(name, '${id} cancelled');`, 'throw e;'] : []),
            ...(s.fin || !s.catchCancel ? ['} finally {', `log(name, '${id} finally');`] : []),
            '}',
          ];
      }
    });
  p.workers.forEach((w, i) => {
    out.push(`async function w${i}(name: string): Promise<string> {`, ...block(w, i, false), 'return name;', '}');
  });
  p.spawn.forEach((j, k) => out.push(`tasks.push(ml.createTask(() => w${j % p.workers.length}('T${k}')));`));
  for (const s of p.main) {
    if (s.k === 'sleep') out.push(`await ml.sleep(${s.d});`);
    else if (s.k === 'cancel') out.push(`log('cancel T${s.t % p.spawn.length}', tasks[${s.t % p.spawn.length}]!.cancel());`);
    else if (s.k === 'set') out.push('ev.set();');
    else out.push("log('main');");
  }
  out.push(
    'ev.set();',
    'const settle = async (what: string, t: ml.Task<string>) => {',
    'try {',
    'log(what, await t);',
    '} catch (e) {',
    'if (!(e instanceof ml.CancelledError)) throw e;',
    "log(what, 'CancelledError');",
    '}',
    '};',
    "for (const t of tasks) await settle('result', t);",
    "while (spawned.length > 0) await settle('spawned', spawned.shift()!);",
  );
  return out.join('\n');
}

const pythonExe = process.env.ASYNCIO_PYTHON;

describe.skipIf(!pythonExe)('random asyncio programs: miniloop prints what CPython prints', () => {
  it('programs ($ASYNCIO_RANDOM_PROGRAMS, default 150)', async () => {
    const programs = samplePrograms(programArb, 'ASYNCIO_RANDOM');
    // One Python process runs them all, each on a fresh virtual-clock loop.
    const dir = mkdtempSync(join(tmpdir(), 'asyncio-random-'));
    writeFileSync(join(dir, 'vloop.py'), VLOOP_PY);
    const script = [
      'import asyncio',
      'import vloop',
      'from vloop import log',
      ...programs.map((p, i) => python(p, i)),
      `for i in range(${programs.length}):`,
      '    vloop.LINES.clear()',
      '    try:',
      '        with asyncio.Runner(loop_factory=vloop.VirtualClockLoop) as r:',
      "            r.run(globals()[f'prog{i}']()())",
      '    except Exception as e:',
      "        vloop.LINES.append([-1, f'python failed: {type(e).__name__}: {e}'])",
      "    for t, message in vloop.LINES:",
      "        print(f'{t}\\t{message}')",
      `    print('${PROGRAM_END}', flush=True)`,
    ].join('\n');
    const outputs = runPythonPrograms(pythonExe!, dir, script);
    expect(outputs).toHaveLength(programs.length);
    for (const [i, p] of programs.entries()) {
      const expected = outputs[i]!;
      const keep = (): string => keepFailedPair(dir, i, `import asyncio\nfrom vloop import log, run\n${python(p, i)}\nrun(prog${i}())\n`, typescript(p));
      if (expected.some(([t]) => t < 0)) expect(expected, `python failed on program ${i}: ${keep()}`).toEqual([]);
      const ours = await runTwin(typescript(p));
      if (JSON.stringify(ours) !== JSON.stringify(expected)) expect(ours, `program ${i} differs: ${keep()}`).toEqual(expected);
    }
  }, 600_000);
});
