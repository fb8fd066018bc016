/**
 * Load Pyodide (CPython compiled to WebAssembly, from the `pyodide` npm
 * package: no network) in Node, with the virtual-clock runner in it. Used by
 * scripts/twins-check.mjs, tests/python/*.test.ts and bench/python.mjs; the
 * browser loads the same two Python files in src/python/python-worker.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The Python files of the runner, by the module name they are imported as. */
export const RUNNER_MODULES = /** @type {const} */ (['virtual_asyncio', 'runnable']);

/**
 * @typedef {object} PythonRun
 * @property {'ok' | 'failed'} status
 * @property {string} python CPython version that ran it
 * @property {Array<[number, string, 'log' | 'info' | 'warn' | 'error' | 'debug', string]>} lines (virtual ms, task, level, text)
 * @property {Array<{ kind: string, message: string }>} problems
 * @property {unknown[]} trace events in the shape of src/runtime/trace.ts
 * @property {Array<{ id: number, name: string, parent: number }>} tasks
 * @property {number} endTime virtual ms
 */

/**
 * @typedef {object} NodePython
 * @property {(source: string, filename?: string, limits?: Partial<Record<'stepLimit' | 'timeLimit' | 'outputLimit', number>>) => PythonRun} run
 * @property {(source: string) => string | null} whyNotRunnable
 * @property {string} version
 */

/** Load Pyodide once and install the runner; resolves to functions that call it. */
export async function loadNodePython() {
  const pyodide = await loadPyodide();
  for (const name of RUNNER_MODULES) {
    pyodide.FS.writeFile(`/home/pyodide/${name}.py`, readFileSync(join(HERE, `${name}.py`), 'utf8'));
  }
  const runner = pyodide.pyimport('virtual_asyncio');
  const runnable = pyodide.pyimport('runnable');
  const runJson = runner.run_program_json;
  const whyJson = runnable.why_not_runnable_json;
  /** @type {NodePython} */
  const api = {
    run: (source, filename = 'main.py', limits = {}) => JSON.parse(runJson(source, filename, JSON.stringify(limits))),
    whyNotRunnable: (source) => JSON.parse(whyJson(source)),
    version: pyodide.runPython('import sys; sys.version.split()[0]'),
  };
  return api;
}
