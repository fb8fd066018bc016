/**
 * What the Python worker sends (src/python/wire.ts + protocol.ts) for real
 * runs of the virtual-clock runner (desktop CPython; the worker runs the same
 * file in Pyodide): console lines the page's console accepts, a trace the
 * timeline accepts, and nothing malformed let through.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDesktopPython, RUNNER } from '../../src/python/twins.mjs';
import { PYODIDE_FILE_NAMES, PYTHON_LIMITS, validFromPythonWorker, validPythonRequest } from '../../src/python/protocol.ts';
import { PYODIDE_FILES } from '../../src/python/pyodide-files.mjs';
import { runMessages, type PythonRun } from '../../src/python/wire.ts';
import { validTraceInput } from '../../src/timeline/validate.ts';
import { buildTimeline } from '../../src/trace/spans.ts';

const desktop = findDesktopPython([3, 11]);
const dir = mkdtempSync(join(tmpdir(), 'python-protocol-'));
function run(source: string): PythonRun {
  const file = join(dir, 'main.py');
  writeFileSync(file, source);
  return JSON.parse(execFileSync(desktop!.path, [RUNNER, file], { encoding: 'utf8', timeout: 120_000 }));
}

describe('Python worker messages', () => {
  it('accepts a well-formed run request and fills in the budgets', () => {
    const request = validPythonRequest({ type: 'python-run', id: 3, indexURL: '/base/pyodide/', source: 'print(1)', filename: 'a.py', limits: { stepLimit: 10, timeLimit: -1 } });
    expect(request).toEqual({ type: 'python-run', id: 3, indexURL: '/base/pyodide/', source: 'print(1)', filename: 'a.py', limits: { ...PYTHON_LIMITS, stepLimit: 10 } });
    expect(validPythonRequest({ type: 'python-run', id: 3, indexURL: '/base/pyodide', source: '', filename: 'a.py' })).toBeUndefined();
    expect(validPythonRequest({ type: 'run', id: 3 })).toBeUndefined();
  });

  it('takes the Pyodide files handed over only when every one is there as bytes', () => {
    const base = { type: 'python-run', id: 1, indexURL: '/pyodide/', source: '', filename: 'a.py' };
    const files = Object.fromEntries(PYODIDE_FILE_NAMES.map((name) => [name, new ArrayBuffer(1)]));
    expect(validPythonRequest({ ...base, files: { ...files, extra: 1 } })?.files).toEqual(files);
    expect(validPythonRequest({ ...base, files: { ...files, 'pyodide.asm.wasm': 'bytes' } })).toBeUndefined();
    const { 'python_stdlib.zip': _, ...missing } = files;
    expect(validPythonRequest({ ...base, files: missing })).toBeUndefined();
    // The same names the build copies into dist/pyodide/.
    expect([...PYODIDE_FILE_NAMES]).toEqual([...PYODIDE_FILES]);
  });

  it('drops malformed messages from the worker', () => {
    expect(validFromPythonWorker({ type: 'python-lines', id: 1, lines: [{ t: 0, task: 'x', level: 'shout', text: '' }] })).toBeUndefined();
    expect(validFromPythonWorker({ type: 'python-done', id: 1, status: 'ok', problems: [], total: -1, endTime: 0 })).toBeUndefined();
    expect(validFromPythonWorker({ type: 'python-progress', stage: 'everything', loaded: 1, total: 2 })).toBeUndefined();
    expect(validFromPythonWorker({ type: 'python-ready', version: '3.14.2', ms: 12, extra: 'dropped' })).toEqual({ type: 'python-ready', version: '3.14.2', ms: 12 });
  });

  it('caps the lines sent and counts them all', () => {
    const fake: PythonRun = { status: 'ok', python: '3.14.2', lines: Array.from({ length: 2500 }, (_, i) => [i, 'main', 'log', `${i}`]), problems: [], trace: [], tasks: [], endTime: 2499 };
    const messages = runMessages(7, fake, 2000);
    const lines = messages.flatMap((m) => (m.type === 'python-lines' ? m.lines : []));
    expect(lines.length).toBe(2000);
    expect(lines[1999]).toEqual({ t: 1999, task: 'main', level: 'log', text: '1999' });
    expect(messages.at(-1)).toMatchObject({ type: 'python-done', id: 7, total: 2500 });
    for (const m of messages) expect(validFromPythonWorker(m)).toEqual(m);
  });

  it.skipIf(!desktop)('sends a real run as lines the console accepts and a trace the timeline draws', () => {
    const result = run(`
import asyncio, time
async def worker(n):
    await asyncio.sleep(n / 10)
    print(f'worker {n} done')
async def main():
    async with asyncio.TaskGroup() as tg:
        for n in (2, 1):
            tg.create_task(worker(n), name=f'w{n}')
    time.sleep(0.05)
    raise RuntimeError('after the group')
asyncio.run(main())
`);
    const messages = runMessages(1, result, 2000).map((m) => validFromPythonWorker(m));
    expect(messages.every(Boolean)).toBe(true);
    const lines = messages.flatMap((m) => (m?.type === 'python-lines' ? m.lines : []));
    expect(lines.slice(0, 2)).toEqual([{ t: 100, task: 'w1', level: 'log', text: 'worker 1 done' }, { t: 200, task: 'w2', level: 'log', text: 'worker 2 done' }]);
    expect(lines.at(-1)).toEqual({ t: 250, task: 'main', level: 'error', text: 'RuntimeError: after the group' });
    const done = messages.at(-1)!;
    expect(done).toMatchObject({ type: 'python-done', status: 'failed', problems: [{ kind: 'error', message: 'RuntimeError: after the group' }], endTime: 250 });
    const input = validTraceInput((done as { timeline: unknown }).timeline);
    expect(input).toBeDefined();
    const timeline = buildTimeline(input!);
    expect(timeline.lanes.map((l) => [l.name, l.outcome])).toEqual([['Task-1', 'error'], ['w2', 'ok'], ['w1', 'ok']]);
    expect(timeline.stalls.map((s) => [s.start, s.end])).toEqual([[200, 250]]);
  });
});
