/**
 * Run asyncio programs of the semantics corpus on CPython 3.14 as Pyodide
 * ships it (node_modules/pyodide, no network), for scripts/corpus/gen-semantics.py
 * (`--asyncio pyodide`, the default). Prints one JSON object on stdout:
 *   { python, pyodide, results: { NAME: [{ lines: [[ms, text], ...] } | { error }, ...] } }
 * with RUNS runs per program, all in one interpreter.
 *
 * Why not the corpus's own vclock loop: it is a SelectorEventLoop, whose
 * self-pipe needs socket.socketpair(), which Pyodide has not. The programs run
 * instead on src/python/virtual_asyncio.py (asyncio's BaseEventLoop on the same
 * virtual clock, with the same FIFO tie-break for equal deadlines) through a
 * `vclock` module whose `log` prints and whose `run` is asyncio.run, which
 * virtual_asyncio replaces during a run. tests/python/virtual-asyncio.test.ts
 * holds that both loops print the same lines for every asyncio program.
 * Each run starts with fresh task names (run_program resets the counter).
 *
 * Usage: node scripts/corpus/pyodide-semantics.mjs RUNS DIR...
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEM = join(ROOT, 'tests', 'corpus', 'semantics');

// Imported as `vclock` by every main.py: yn/ename/Deadlock from the corpus file
// itself, log/run/block_for through the virtual_asyncio runner.
const SHIM = `
import asyncio, importlib.util, time
_spec = importlib.util.spec_from_file_location('vclock_corpus', '/repo/tests/corpus/semantics/vclock.py')
_real = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_real)
yn, ename = _real.yn, _real.ename  # the helpers the programs import besides log/run/block_for
def log(msg):
    msg = str(msg)
    assert '\\n' not in msg and '\\t' not in msg, msg
    print(msg)
def run(main):
    return asyncio.run(main)
def block_for(seconds):
    time.sleep(seconds)
`;

/**
 * @typedef {object} VirtualPython
 * @property {(source: string, filename?: string) => { lines: Array<[number, string, string, string]>, problems: Array<{ kind: string, message: string }> }} run
 *   run a program on virtual_asyncio (a fresh asyncio run, task names from Task-1)
 * @property {string} python CPython version
 * @property {string} pyodide Pyodide version
 */

/**
 * Load Pyodide with src/python/virtual_asyncio.py and `modules` (name -> source)
 * importable. Also used by tests/runtime/asyncio-twins.ts (ASYNCIO_PYTHON=pyodide).
 * @param {Record<string, string>} modules
 * @returns {Promise<VirtualPython>}
 */
export async function loadVirtualPython(modules) {
  const py = await loadPyodide();
  py.FS.mkdirTree('/repo/tests/corpus/semantics');
  py.FS.mkdirTree('/repo/src/python');
  py.FS.mkdirTree('/shim');
  py.FS.writeFile('/repo/tests/corpus/semantics/vclock.py', readFileSync(join(SEM, 'vclock.py'), 'utf8'));
  py.FS.writeFile('/repo/src/python/virtual_asyncio.py', readFileSync(join(ROOT, 'src', 'python', 'virtual_asyncio.py'), 'utf8'));
  for (const [name, source] of Object.entries(modules)) py.FS.writeFile(`/shim/${name}.py`, source);
  py.runPython("import sys; sys.path[:0] = ['/shim', '/repo/src/python']; sys.dont_write_bytecode = True");
  const runProgram = py.pyimport('virtual_asyncio').run_program_json;
  return {
    run: (source, filename = 'main.py') => JSON.parse(runProgram(source, filename, '{}')),
    python: py.runPython('import sys; sys.version.split()[0]'),
    pyodide: py.version,
  };
}

/**
 * @param {number} runs how many times to run each program
 * @param {string[]} dirs corpus folders (absolute or relative to the corpus)
 * @returns {Promise<{ python: string, pyodide: string, results: Record<string, Array<{ lines: Array<[number, string]> } | { error: string }>> }>}
 */
export async function runOnPyodide(runs, dirs) {
  const py = await loadVirtualPython({ vclock: SHIM });
  /** @type {Record<string, Array<{ lines: Array<[number, string]> } | { error: string }>>} */
  const results = {};
  for (const dir of dirs) {
    const name = basename(dir);
    const source = readFileSync(join(SEM, name, 'main.py'), 'utf8');
    results[name] = [];
    for (let i = 0; i < runs; i++) {
      const run = py.run(source, 'main.py');
      const errors = run.lines.filter((l) => l[2] !== 'log').map((l) => l[3]);
      if (run.problems.length || errors.length) {
        results[name].push({ error: [...run.problems.map((p) => p.message), ...errors].join('\n').slice(-800) });
      } else {
        results[name].push({ lines: run.lines.map((l) => [Math.round(l[0]), l[3]]) });
      }
    }
  }
  return { python: py.python, pyodide: py.pyodide, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [runs, ...dirs] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(await runOnPyodide(Number(runs), dirs)) + '\n');
}
