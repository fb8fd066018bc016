/**
 * The twin-program harness shared by the asyncio-*.test.ts files: each case is
 * a program written twice, for CPython's asyncio (on a loop whose clock is
 * virtual, 1 unit = 1 ms) and for miniloop, with the (virtual ms, message)
 * lines CPython printed. The miniloop twin must print the same lines in the
 * same order; with ASYNCIO_PYTHON set to a CPython (3.12+) the Python twins are
 * re-run to check that the expected lines still hold. ASYNCIO_PYTHON=pyodide
 * re-runs them on CPython 3.14 as Pyodide ships it (node_modules/pyodide), on
 * src/python/virtual_asyncio.py: the same virtual clock and FIFO tie-break, as
 * Pyodide cannot make the SelectorEventLoop of VLOOP_PY (docs/versions.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

export interface TwinCase {
  name: string;
  py: string;
  ts: string;
  expected: Array<[number, string]>;
  /**
   * Set when CPython orders some same-instant lines by iterating a set of
   * tasks (memory addresses: another build may print them in another order);
   * a re-run of the Python twin is then compared per instant, as a multiset.
   */
  setOrder?: string;
}

/** Lines grouped by time, each group sorted (for setOrder cases). */
const perInstant = (lines: Array<[number, string]>): Array<[number, string[]]> => {
  const out: Array<[number, string[]]> = [];
  for (const [t, m] of lines) {
    const last = out[out.length - 1];
    if (last && last[0] === t) last[1].push(m);
    else out.push([t, [m]]);
  }
  return out.map(([t, ms]) => [t, ms.sort()]);
};
const comparable = (c: TwinCase, lines: Array<[number, string]>) => (c.setOrder ? perInstant(lines) : lines);

/** Prepended to every miniloop twin: log() prints one line like the Python twin's log(). */
export const TS_PRELUDE = `import * as ml from 'miniloop';
const { now } = ml;
const log = (...parts: unknown[]) => console.log(parts.map((p) => p === null ? 'None' : typeof p === 'boolean' ? (p ? 'True' : 'False') : String(p)).join(' '));
`;

/** The Python twins' harness: an asyncio loop with a virtual clock. */
export const VLOOP_PY = `"""Run an asyncio program on a loop whose clock is virtual (1 unit = 1 ms).

Timers due at the same virtual instant fire in the order they were
scheduled (as they would on a real clock, where two \`when\`s are never equal);
asyncio's heap alone is not stable.
"""
import asyncio, heapq, json


class _FifoTimerHandle(asyncio.TimerHandle):
    __slots__ = ('_seq',)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._vt = 0
        self._timer_seq = 0
        real = self._selector.select
        def select(timeout=None):
            if timeout is None:
                raise RuntimeError('deadlock: nothing ready and no timer')
            if timeout > 0:
                self._vt += timeout
            return real(0)
        self._selector.select = select

    def time(self):
        return self._vt

    def call_at(self, when, callback, *args, context=None):
        timer = _FifoTimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        timer._seq = self._timer_seq
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


LINES = []
def log(*parts):
    t = asyncio.get_running_loop().time()
    LINES.append([round(t), ' '.join(str(p) for p in parts)])

def now():
    return round(asyncio.get_running_loop().time())

def run(main):
    with asyncio.Runner(loop_factory=VirtualClockLoop) as r:
        r.run(main())
    print(json.dumps(LINES))
`;


/** VLOOP_PY's names for a run on virtual_asyncio, whose asyncio.run is the virtual loop's (time in the same units). */
const VLOOP_PYODIDE = `import asyncio, json
LINES = []
def log(*parts):
    LINES.append([round(asyncio.get_running_loop().time()), ' '.join(str(p) for p in parts)])
def now():
    return round(asyncio.get_running_loop().time())
def run(main):
    LINES.clear()
    asyncio.run(main())
    print(json.dumps(LINES))
`;

/** Run the miniloop twin; it must end without problems. Returns its (ms, text) lines. */
export async function runTwin(ts: string): Promise<Array<[number, string]>> {
  const result = await runSource(TS_PRELUDE + ts);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result.lines.map((l): [number, string] => [Math.round(l.t), l.text]);
}

/** One test per case on miniloop, and (with ASYNCIO_PYTHON) one per Python twin. */
export function describeTwins(title: string, cases: TwinCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, async () => {
        expect(await runTwin(c.ts)).toEqual(c.expected);
      });
    }
  });

  const python = process.env.ASYNCIO_PYTHON;
  describe.skipIf(!python)(`${title}: Python twins still print the expected lines`, () => {
    let pyodide: { run: (source: string) => { lines: Array<[number, string, string, string]>; problems: unknown[] } } | undefined;
    beforeAll(async () => {
      if (python !== 'pyodide') return;
      const { loadVirtualPython } = await import('../../scripts/corpus/pyodide-semantics.mjs');
      pyodide = await loadVirtualPython({ vloop: VLOOP_PYODIDE });
    }, 900_000);
    for (const c of cases) {
      it(c.name, () => {
        if (pyodide) {
          const run = pyodide.run(c.py);
          expect(run.problems).toEqual([]);
          expect(comparable(c, JSON.parse(run.lines.filter((l) => l[2] === 'log').pop()![3]))).toEqual(comparable(c, c.expected));
          return;
        }
        const dir = mkdtempSync(join(tmpdir(), 'asyncio-twin-'));
        writeFileSync(join(dir, 'vloop.py'), VLOOP_PY);
        const out = execFileSync(python!, ['-c', c.py], { env: { ...process.env, PYTHONPATH: dir }, encoding: 'utf8' });
        expect(comparable(c, JSON.parse(out.trim().split('\n').pop()!))).toEqual(comparable(c, c.expected));
      });
    }
  });
}
