#!/usr/bin/env node
/**
 * npm run twins:check - run every Python twin that uses only the standard
 * library on Pyodide (loaded once) and on desktop CPython, both on the virtual
 * clock (src/python/virtual_asyncio.py), and compare their (virtual ms, task,
 * level, text) lines. Prints one line per twin, then exactly one summary line
 * `N twins: K match CPython, M listing-only`. Exit 1 if a twin differs, fails
 * to run, or no desktop CPython 3.12+ is found ($PYTHON picks one).
 */
import { loadNodePython } from '../src/python/load-node.mjs';
import { checkTwins, findDesktopPython, summaryLine } from '../src/python/twins.mjs';

const desktop = findDesktopPython();
if (!desktop) {
  console.error('twins:check needs desktop CPython 3.12 or later (set PYTHON=/path/to/python3)');
  process.exit(1);
}
const py = await loadNodePython();
console.log(`Pyodide CPython ${py.version}; desktop CPython ${desktop.version} (${desktop.path})`);
let failed = false;
const results = checkTwins(py, desktop.path, (r) => {
  if (r.status === 'listing') {
    console.log(`listing  ${r.file}: ${r.reason}`);
    return;
  }
  const problems = r.pyodide?.problems.map((p) => p.kind).join(', ');
  if (r.status === 'differs' || r.pyodide?.status !== 'ok') failed = true;
  const page = r.page === 'same' ? 'same text as the TypeScript twin' : r.page === 'differs' ? 'text differs from the TypeScript twin' : 'no TypeScript output recorded';
  console.log(`${r.status === 'match' ? 'match   ' : 'DIFFERS '} ${r.file}: ${r.pyodide?.lines.length} lines${problems ? ` (${problems})` : ''}; ${page}${r.difference ? `\n         ${r.difference}` : ''}`);
});
console.log(summaryLine(results));
process.exit(failed ? 1 : 0);
