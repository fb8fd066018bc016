// @ts-check
/**
 * Build time: which Python twins get a Run Python button. runnable.py decides
 * (the same rule twins:check and the worker use), run once per build on the
 * desktop CPython over every twin's source. Without a python3 the build still
 * succeeds: every twin stays a listing, and the build says so once.
 * Used by components/PythonTwin.astro; tests/python/runnable-build.test.ts.
 */
import { execFileSync } from 'node:child_process';

/** The reason given for every twin when no Python could decide (the component then adds no note). */
export const NO_PYTHON = 'no Python at build time to decide';

// runnable.py's text comes in as an argument (the caller imports it with
// `?raw`): once bundled by the build, this module no longer sits beside it.
const SCRIPT = `import json, sys
ns = {}
exec(compile(sys.argv[1], 'runnable.py', 'exec'), ns)
sources = json.load(sys.stdin)
json.dump({k: ns['why_not_runnable'](v) for k, v in sources.items()}, sys.stdout)`;

/** @type {Map<string, string | null>} */
const decided = new Map();
let warned = false;

/**
 * Why each source cannot run on the virtual clock (null: it can), by key.
 * @param {string} runnableSource the text of src/python/runnable.py
 * @param {Record<string, string>} sources key -> Python source
 * @param {string} [python] the interpreter ($PYTHON, else python3)
 * @returns {Record<string, string | null>}
 */
export function whyNotRunnableAll(runnableSource, sources, python = process.env.PYTHON ?? 'python3') {
  const missing = Object.fromEntries(Object.entries(sources).filter(([, source]) => !decided.has(source)));
  if (Object.keys(missing).length) {
    try {
      const out = execFileSync(python, ['-c', SCRIPT, runnableSource], { input: JSON.stringify(missing), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const answers = /** @type {Record<string, string | null>} */ (JSON.parse(out));
      for (const [key, source] of Object.entries(missing)) decided.set(source, answers[key] ?? null);
    } catch (error) {
      if (!warned) console.warn(`[python twins] no Run Python buttons: ${python} could not run src/python/runnable.py (${String(/** @type {Error} */ (error).message).split('\n')[0]})`);
      warned = true;
      for (const source of Object.values(missing)) decided.set(source, NO_PYTHON);
    }
  }
  return Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, decided.get(source) ?? null]));
}
