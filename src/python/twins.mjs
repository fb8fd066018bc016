/**
 * Check the guide's Python twins on the virtual clock: every twin under
 * content/examples/**\/*.py that can run (runnable.py decides, from its
 * imports) runs on Pyodide and on desktop CPython with the same runner
 * (virtual_asyncio.py), and the two (virtual ms, task, level, text) line lists
 * must be equal. Shared by scripts/twins-check.mjs and tests/python/twins.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const RUNNER = join(HERE, 'virtual_asyncio.py');
/** Oldest desktop CPython whose asyncio prints the twins as 3.14 does (see findDesktopPython). */
export const MIN_DESKTOP = [3, 12];

/** @typedef {import('./load-node.mjs').PythonRun} PythonRun */
/** @typedef {import('./load-node.mjs').NodePython} NodePython */
/** @typedef {[number, string, string, string]} Line */

/** Every .py file under content/examples, sorted, as paths relative to the repository. */
export function findTwins(root = ROOT) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // <name>.zh.py: the Chinese variant of <name>.py, the same program (tests/content/python-zh-variants.test.ts).
      else if (name.endsWith('.py') && !name.endsWith('.zh.py')) out.push(relative(root, path));
    }
  };
  walk(join(root, 'content', 'examples'));
  return out;
}

/**
 * The desktop CPython to compare with: $PYTHON, else the newest of the usual
 * places that is 3.12 or later. Older ones run the twins (the runner works on
 * 3.11) but print differently where asyncio changed: 3.12 rebuilt wait_for on
 * timeout(), so on 3.11 the awaited coroutine runs in a task of its own
 * (content/examples/asyncio/timeouts.py prints "Task-2" where 3.12+ print
 * "Task-1"). `min` lowers the bar for checks of the runner alone (it runs on
 * 3.11). Returns undefined when there is none.
 * @param {number[]} [min]
 * @returns {{ path: string, version: string } | undefined}
 */
export function findDesktopPython(min = MIN_DESKTOP) {
  const pyenv = join(homedir(), '.pyenv', 'versions');
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : [
    'python3.14',
    ...(existsSync(pyenv) ? readdirSync(pyenv).filter((v) => /^3\.\d\d/.test(v)).sort((a, b) => b.localeCompare(a, 'en', { numeric: true })).map((v) => join(pyenv, v, 'bin', 'python3')) : []),
    'python3.13',
    'python3.12',
    'python3',
  ];
  for (const path of candidates) {
    try {
      const version = execFileSync(path, ['-c', `import sys; assert sys.version_info >= (${min.join(', ')}); print(sys.version.split()[0])`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return { path, version };
    } catch {
      // not there, or too old: try the next
    }
  }
  return undefined;
}

/**
 * Run one twin on desktop CPython with the same runner (a fresh process).
 * @param {string} python
 * @param {string} file path relative to root
 * @returns {PythonRun}
 */
export function runOnDesktop(python, file, root = ROOT) {
  const stdout = execFileSync(python, [RUNNER, join(root, file)], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' },
    // A failure limit only: a twin takes well under a second.
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout);
}

/** Lines as compared: (virtual ms, task, level, text). @param {PythonRun} run @returns {Line[]} */
export const linesOf = (run) => run.lines.map(([t, task, level, text]) => [t, task, level, text]);

/**
 * Where two line lists part, as a short text, or undefined when equal.
 * @param {Line[]} a @param {Line[]} b
 */
export function firstDifference(a, b, aName = 'Pyodide', bName = 'CPython') {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) {
      return `line ${i + 1}: ${aName} ${JSON.stringify(a[i] ?? null)}, ${bName} ${JSON.stringify(b[i] ?? null)}`;
    }
  }
  return undefined;
}

/**
 * The recorded output of the TypeScript twin beside it (`name.out`), or
 * undefined when there is none: where the Python prints the same text, the
 * two languages agree line for line (booleans, list formatting and API names
 * differ in many, which is what a comparison shows a reader).
 * @param {string} file
 */
export function recordedOutput(file, root = ROOT) {
  const out = join(root, file.replace(/\.py$/, '.out'));
  return existsSync(out) ? readFileSync(out, 'utf8') : undefined;
}

/**
 * @typedef {object} TwinResult
 * @property {string} file
 * @property {'match' | 'differs' | 'listing' | 'unchecked'} status `unchecked`: ran on Pyodide, no desktop CPython to compare with
 * @property {string} [reason] why a listing-only twin is one
 * @property {string} [difference] where Pyodide and CPython part
 * @property {PythonRun} [pyodide]
 * @property {PythonRun} [desktop]
 * @property {'same' | 'differs' | 'none'} [page] the Pyodide run's stdout against the TypeScript twin's recorded .out
 */

/**
 * Check every twin: listing-only ones by their imports, the others run on both interpreters.
 * @param {NodePython} py
 * @param {string | undefined} python desktop CPython (undefined: run on Pyodide only)
 * @param {(result: TwinResult) => void} [onResult]
 * @returns {TwinResult[]}
 */
export function checkTwins(py, python, onResult = () => {}, root = ROOT) {
  return findTwins(root).map((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    const reason = py.whyNotRunnable(source);
    /** @type {TwinResult} */
    let result;
    if (reason !== null) {
      result = { file, status: 'listing', reason };
    } else {
      const name = file.split('/').pop() ?? file;
      const pyodide = py.run(source, name);
      /** @type {PythonRun | undefined} */
      let desktop;
      let failure;
      try {
        desktop = python === undefined ? undefined : runOnDesktop(python, file, root);
      } catch (error) {
        failure = `desktop CPython failed: ${String(/** @type {Error} */ (error)?.message ?? error).slice(0, 500)}`;
      }
      const difference = failure ?? (desktop === undefined ? undefined : firstDifference(linesOf(pyodide), linesOf(desktop))
        ?? (JSON.stringify(pyodide.problems) !== JSON.stringify(desktop.problems) ? `problems: Pyodide ${JSON.stringify(pyodide.problems)}, CPython ${JSON.stringify(desktop.problems)}` : undefined));
      const recorded = recordedOutput(file, root);
      const printed = pyodide.lines.filter((l) => l[2] === 'log').map((l) => `${l[3]}\n`).join('');
      result = {
        file, pyodide, desktop,
        status: failure ? 'differs' : desktop === undefined ? 'unchecked' : difference === undefined ? 'match' : 'differs',
        ...(difference === undefined ? {} : { difference }),
        page: recorded === undefined ? 'none' : recorded === printed ? 'same' : 'differs',
      };
    }
    onResult(result);
    return result;
  });
}

/** The one summary line. @param {TwinResult[]} results */
export function summaryLine(results) {
  const count = (/** @type {TwinResult['status']} */ s) => results.filter((r) => r.status === s).length;
  const differ = count('differs');
  const unchecked = count('unchecked');
  return `${results.length} twins: ${count('match')} match CPython, ${count('listing')} listing-only${differ ? `, ${differ} differ` : ''}${unchecked ? `, ${unchecked} not compared (no desktop CPython)` : ''}`;
}
