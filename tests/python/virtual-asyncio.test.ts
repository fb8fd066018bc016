/**
 * The virtual-clock runner (src/python/virtual_asyncio.py) on desktop CPython:
 * it reproduces the semantics corpus's traces (the corpus's own vclock loop,
 * same interpreter), and records blocking calls, simulated threads, deadlocks,
 * budgets and errors the way the timeline reads them. The same file runs in
 * Pyodide (tests/python/twins.test.ts). Skipped, with a printed reason, when
 * no desktop CPython 3.11+ is found.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PythonRun } from '../../src/python/load-node.mjs';
import { findDesktopPython, ROOT, RUNNER } from '../../src/python/twins.mjs';
import { validTraceInput } from '../../src/timeline/validate.ts';
import { buildTimeline } from '../../src/trace/spans.ts';

const desktop = findDesktopPython([3, 11]);
if (!desktop) console.warn('tests/python/virtual-asyncio.test.ts skipped: no desktop CPython 3.11+ (set PYTHON)');
const python = desktop?.path ?? 'python3';
const SEM = join(ROOT, 'tests', 'corpus', 'semantics');
const dir = mkdtempSync(join(tmpdir(), 'virtual-asyncio-'));
const env = { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' };

// The corpus programs import vclock; under the runner, log is print and run is
// asyncio.run (both the runner's), the rest comes from the corpus's vclock.
writeFileSync(join(dir, 'vclock.py'), `
import asyncio, importlib.util, time
_spec = importlib.util.spec_from_file_location('vclock_corpus', ${JSON.stringify(join(SEM, 'vclock.py'))})
_real = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_real)
yn, ename, Deadlock = _real.yn, _real.ename, _real.Deadlock
def log(msg):
    print(str(msg))
def run(main):
    return asyncio.run(main)
def block_for(seconds):
    time.sleep(seconds)
`);

let n = 0;
function runSource(source: string, limits?: Record<string, number>): PythonRun {
  const file = join(dir, `prog${n++}.py`);
  writeFileSync(file, source);
  const args = [RUNNER, file, ...(limits ? [JSON.stringify(limits)] : [])];
  return JSON.parse(execFileSync(python, args, { encoding: 'utf8', env: { ...env, PYTHONPATH: dir }, timeout: 120_000 }));
}

const asyncioPrograms = readdirSync(SEM).filter((d) => {
  try {
    return !/^\s*(import|from)\s+trio/m.test(readFileSync(join(SEM, d, 'main.py'), 'utf8'));
  } catch {
    return false;
  }
});

// A case generated on a newer CPython may use what this interpreter lacks (e.g. Queue.shutdown, 3.13):
// its expected.json says so under "also"; such a case is skipped here with the reason printed.
const failsHere = (name: string): string | undefined => {
  const also = (JSON.parse(readFileSync(join(SEM, name, 'expected.json'), 'utf8')) as { also?: Record<string, string> }).also ?? {};
  const verdict = desktop ? also[`CPython ${desktop.version}`] : undefined;
  return verdict?.startsWith('fails') ? verdict : undefined;
};
const unsupported = asyncioPrograms.filter((name) => failsHere(name));
if (desktop && unsupported.length) console.warn(`tests/python/virtual-asyncio.test.ts: ${unsupported.join(', ')} skipped on CPython ${desktop.version} (${unsupported.map(failsHere).join('; ')})`);

describe.skipIf(!desktop)('virtual_asyncio.py on desktop CPython', () => {
  it.each(asyncioPrograms.filter((name) => !failsHere(name)))('semantics corpus %s: same (ms, message) lines as the corpus vclock on this interpreter', (name) => {
    const source = readFileSync(join(SEM, name, 'main.py'), 'utf8');
    const reference = execFileSync(python, ['main.py'], { cwd: join(SEM, name), encoding: 'utf8', env: { ...env, PYTHONPATH: SEM }, timeout: 120_000 })
      .split('\n').filter(Boolean).map((l) => [Number(l.slice(0, l.indexOf('\t'))), l.slice(l.indexOf('\t') + 1)]);
    const run = runSource(source);
    expect(run.problems).toEqual([]);
    expect(run.lines.map(([t, , , text]) => [Math.round(t), text])).toEqual(reference);
  });

  it('names the task of each line and draws a lane per task', () => {
    const run = runSource(`
import asyncio
async def worker(d):
    await asyncio.sleep(d)
    print('done')
async def main():
    a = asyncio.create_task(worker(0.2), name='slow')
    b = asyncio.create_task(worker(0.1), name='fast')
    await a; await b
    print('main done')
asyncio.run(main())
`);
    expect(run.lines).toEqual([[100, 'fast', 'log', 'done'], [200, 'slow', 'log', 'done'], [200, 'Task-1', 'log', 'main done']]);
    const timeline = buildTimeline(validTraceInput(run)!);
    const slow = timeline.lanes.find((l) => l.name === 'slow')!;
    expect(slow.parent).toBe(timeline.lanes.find((l) => l.name === 'Task-1')!.id);
    expect(slow.spans.map((s) => s.state)).toEqual(['ready', 'running', 'waiting', 'ready', 'running']);
    expect(slow.spans.find((s) => s.state === 'waiting')!.on).toEqual({ kind: 'sleep', what: 'sleep 200ms' });
    expect(slow.outcome).toBe('ok');
  });

  it('says what a waiting task waits on: a lock, a queue, an event, another task', () => {
    const run = runSource(`
import asyncio
async def main():
    lock, q, ev = asyncio.Lock(), asyncio.Queue(), asyncio.Event()
    await lock.acquire()
    async def locker(): 
        async with lock: pass
    ts = [asyncio.create_task(locker(), name='L'), asyncio.create_task(q.get(), name='Q'), asyncio.create_task(ev.wait(), name='E')]
    await asyncio.sleep(0.1)
    lock.release(); q.put_nowait(1); ev.set()
    await asyncio.gather(*ts)
asyncio.run(main())
`);
    const waits = run.trace.filter((e: any) => e.kind === 'wait').map((e: any) => [run.tasks[e.task - 1]!.name, e.detail.on.kind]);
    expect(waits).toEqual(expect.arrayContaining([['L', 'lock'], ['Q', 'queue'], ['E', 'event'], ['Task-1', 'sleep'], ['Task-1', 'future']]));
  });

  it('records time.sleep inside a coroutine as a stall of the loop: nothing runs meanwhile', () => {
    const run = runSource(`
import asyncio, time
async def tick():
    print('tick')
async def main():
    t = asyncio.create_task(tick())
    time.sleep(0.25)
    print(f'{time.perf_counter():.3f}')
    await t
asyncio.run(main())
`);
    expect(run.lines.map((l) => [l[0], l[3]])).toEqual([[250, '0.250'], [250, 'tick']]);
    expect(run.trace.filter((e: any) => e.kind === 'block').map((e: any) => [e.t, e.detail.ms])).toEqual([[0, 250]]);
    expect(buildTimeline(validTraceInput(run)!).stalls.length).toBe(1);
  });

  it('simulates worker threads: to_thread jobs overlap up to the pool size and the loop keeps running', () => {
    const run = runSource(`
import asyncio, time
from concurrent.futures import ThreadPoolExecutor
def job(n):
    time.sleep(0.1)
    return n
async def main():
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=2))
    t0 = time.perf_counter()
    print(await asyncio.gather(*(asyncio.to_thread(job, n) for n in range(5))), round((time.perf_counter() - t0) * 1000))
asyncio.run(main())
`);
    expect(run.lines).toEqual([[300, 'Task-1', 'log', '[0, 1, 2, 3, 4] 300']]);
    const threads = buildTimeline(validTraceInput(run)!).threads;
    expect(threads.map((t) => t.thread)).toEqual([1, 2]);
  });

  it('reports a deadlock with the stuck tasks and what they wait on', () => {
    const run = runSource(`
import asyncio
async def main():
    await asyncio.create_task(asyncio.Event().wait(), name='stuck')
asyncio.run(main())
print('not reached')
`);
    expect(run.status).toBe('failed');
    expect(run.problems.map((p) => p.kind)).toEqual(['deadlock']);
    expect(run.problems[0]!.message).toContain('stuck waits on Event.wait');
    const deadlock = run.trace.find((e: any) => e.kind === 'deadlock') as any;
    expect(deadlock.detail.blocked.map((b: any) => [b.name, b.on.kind])).toEqual([['Task-1', 'task'], ['stuck', 'event']]);
    expect(run.lines).toEqual([]);
  });

  it('stops a runaway program at its step, output and virtual-time budgets', () => {
    const steps = runSource('import asyncio\nasync def main():\n    while True: await asyncio.sleep(0)\nasyncio.run(main())\n', { stepLimit: 1000 });
    expect(steps.problems.map((p) => p.kind)).toEqual(['step-limit']);
    const output = runSource('while True: print("x")\n', { outputLimit: 50 });
    expect(output.problems.map((p) => p.kind)).toEqual(['output-limit']);
    expect(output.lines.length).toBe(50);
    const time = runSource('import asyncio\nasync def main():\n    while True: await asyncio.sleep(60)\nasyncio.run(main())\n', { timeLimit: 3_600_000 });
    expect(time.problems.map((p) => p.kind)).toEqual(['time-limit']);
    expect(time.endTime).toBeGreaterThan(3_600_000);
    for (const r of [steps, output, time]) expect(validTraceInput(r)).toBeDefined();
  });

  it('shows an uncaught error as the program\'s own traceback, without the runner\'s frames', () => {
    const run = runSource('import asyncio\nasync def main():\n    await asyncio.sleep(0.5)\n    raise ValueError("boom")\nasyncio.run(main())\n');
    expect(run.problems).toEqual([{ kind: 'error', message: 'ValueError: boom' }]);
    const text = run.lines.map((l) => l[3]).join('\n');
    expect(run.lines.every((l) => l[2] === 'error' && l[0] === 500)).toBe(true);
    expect(text).toContain('line 4, in main');
    expect(text).toMatch(/ValueError: boom$/);
    expect(text).not.toContain('virtual_asyncio');
  });

  it('new_virtual_loop runs asyncio as a user runs it: C tasks, asyncio\'s own call_soon and create_task (the bench peer measures it)', () => {
    // Nothing of the trace on this loop: an override of call_soon cost CPython 5-10% of the bench peer (bench/README.md, ninth session).
    const out = execFileSync(python, ['-c', `
import asyncio, json, sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'src', 'python'))})
from virtual_asyncio import new_virtual_loop
loop = new_virtual_loop()
asyncio.set_event_loop(loop)
async def child():
    await asyncio.sleep(1.5)
    return loop.time()
async def main():
    task = asyncio.create_task(child())
    return [type(task).__module__, await task]
print(json.dumps(loop.run_until_complete(main()) + [type(loop).call_soon is asyncio.BaseEventLoop.call_soon, type(loop).create_task is asyncio.BaseEventLoop.create_task]))
`], { encoding: 'utf8', env, timeout: 120_000 });
    expect(JSON.parse(out)).toEqual(['_asyncio', 1.5, true, true]);
  });

  it('starts every run afresh in one interpreter (Pyodide runs many): clock at 0, Task-1, time restored', () => {
    const out = execFileSync(python, ['-c', `
import sys, time, json; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'src', 'python'))})
from virtual_asyncio import run_program
src = "import asyncio, time\\nasync def main():\\n    await asyncio.sleep(1)\\n    print(asyncio.current_task().get_name(), time.monotonic())\\nasyncio.run(main())\\n"
a, b = run_program(src), run_program(src)
print(json.dumps([a['lines'], b['lines'], time.sleep.__module__, sys.stdout is sys.__stdout__]))
`], { encoding: 'utf8', env, timeout: 120_000 });
    const [a, b, sleepModule, stdoutRestored] = JSON.parse(out);
    expect(a).toEqual([[1000, 'Task-1', 'log', 'Task-1 1.0']]);
    expect(b).toEqual(a);
    expect(sleepModule).toBe('time');
    expect(stdoutRestored).toBe(true);
  });
});
