/**
 * Every Python twin of the guide that uses only the standard library runs on
 * CPython 3.14 in Pyodide (loaded once for this file) on the virtual clock,
 * and prints the same (virtual ms, task, level, text) lines as desktop CPython
 * running it with the same runner (src/python/virtual_asyncio.py); its trace
 * is one the timeline accepts and draws with a lane per asyncio task. Twins
 * that cannot run are found by their imports (src/python/runnable.py).
 * `npm run twins:check` prints the same check as a report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodePython, type NodePython } from '../../src/python/load-node.mjs';
import { checkTwins, findDesktopPython, findTwins, linesOf, ROOT, summaryLine, type TwinResult } from '../../src/python/twins.mjs';
import { validTraceInput } from '../../src/timeline/validate.ts';
import { buildTimeline } from '../../src/trace/spans.ts';

const desktop = findDesktopPython();
const twins = findTwins();
const results = new Map<string, TwinResult>();
let py: NodePython;
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

beforeAll(async () => {
  if (!desktop) console.warn('tests/python/twins.test.ts: no desktop CPython 3.12+ found (set PYTHON): twins run on Pyodide only, not compared');
  // Loading Pyodide takes 10-30 s on a busy machine; the limits are failure limits only.
  py = await loadNodePython();
  for (const r of checkTwins(py, desktop?.path)) results.set(r.file, r);
}, 900_000);

describe('Python twins on Pyodide', () => {
  it('finds the twins', () => {
    expect(twins.length).toBeGreaterThan(20);
    expect(results.size).toBe(twins.length);
  });

  it.each(twins)('%s: runs, or its imports say why it stays a listing', (file) => {
    const r = results.get(file)!;
    const text = source(file);
    if (/^\s*(import|from)\s+trio\b/m.test(text)) expect(r.reason).toMatch(/^imports trio/);
    if (/^\s*(import|from)\s+(aiohttp|redis|aiomysql|elasticsearch)\b/m.test(text)) expect(r.reason).toMatch(/not in the standard library/);
    if (r.status === 'listing') return;
    expect(r.pyodide!.problems).toEqual([]);
    expect(r.pyodide!.python).toMatch(/^3\.14\./);
    expect(r.pyodide!.lines.length).toBeGreaterThan(0);
  });

  it.skipIf(!desktop).each(twins)('%s: prints what desktop CPython prints, at the same virtual times and in the same tasks', (file) => {
    const r = results.get(file)!;
    if (r.status === 'listing') return;
    expect(linesOf(r.pyodide!)).toEqual(linesOf(r.desktop!));
    expect(r.status).toBe('match');
  });

  it.each(twins)('%s: its trace is one the timeline accepts, with a lane per asyncio task', (file) => {
    const r = results.get(file)!;
    if (r.status === 'listing') return;
    const input = validTraceInput(r.pyodide);
    expect(input).toBeDefined();
    const timeline = buildTimeline(input!);
    expect(timeline.lanes.map((l) => l.id).sort((a, b) => a - b)).toEqual(r.pyodide!.tasks.map((t) => t.id));
    expect(new Set(timeline.lanes.map((l) => l.name))).toEqual(new Set(r.pyodide!.tasks.map((t) => t.name)));
  });

  it('ends with one summary line whose counts add up', () => {
    const all = [...results.values()];
    const line = summaryLine(all);
    const m = /^(\d+) twins: (\d+) match CPython, (\d+) listing-only/.exec(line);
    expect(m).not.toBeNull();
    const [total, match, listing] = m!.slice(1).map(Number);
    expect(total).toBe(twins.length);
    if (desktop) expect(match! + listing!).toBe(total);
    expect(listing).toBe(all.filter((r) => r.reason).length);
  });
});

describe('Python 3.14 in Pyodide, beyond the twins', () => {
  it('shows a deadlock with asyncio\'s own await graph (capture_call_graph) of the stuck tasks', () => {
    const run = py.run('import asyncio\nasync def consumer(q):\n    await q.get()\nasync def main():\n    await asyncio.create_task(consumer(asyncio.Queue()), name="consumer")\nasyncio.run(main())\n', 'stuck.py');
    expect(run.problems.map((p) => p.kind)).toEqual(['deadlock']);
    const message = run.problems[0]!.message;
    expect(message).toContain('consumer waits on Queue.get');
    expect(message).toContain("* Task(name='consumer')");
    expect(message).toMatch(/File 'stuck\.py', line 3, in async consumer\(\)\n  \+ Awaited by:\n    \* Task\(name='Task-1'\)/);
    expect(validTraceInput(run)).toBeDefined();
  });

  it('runs the second program of an instance afresh (Task-1, clock at 0)', () => {
    const source = 'import asyncio, time\nasync def main():\n    await asyncio.sleep(0.5)\n    print(asyncio.current_task().get_name(), time.monotonic())\nasyncio.run(main())\n';
    expect(py.run(source).lines).toEqual([[500, 'Task-1', 'log', 'Task-1 0.5']]);
    expect(py.run(source).lines).toEqual([[500, 'Task-1', 'log', 'Task-1 0.5']]);
  });
});
