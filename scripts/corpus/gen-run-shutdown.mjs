/**
 * Make the expected traces of tests/corpus/run-shutdown/: each NN-name.py
 * runs on the machine's python3 (CPython 3.11 here) and on CPython 3.14 in
 * Pyodide (node_modules/pyodide), both through vrun.py (the real
 * asyncio.Runner on a virtual clock). NN-name.expected.json records both;
 * the test compares the loop with the 3.14 lines (`lines`), and `differs`
 * says where 3.11 printed something else.
 *
 *   node scripts/corpus/gen-run-shutdown.mjs [FILTER...]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';

const DIR = join(import.meta.dirname, '../../tests/corpus/run-shutdown');
const filters = process.argv.slice(2);
const cases = readdirSync(DIR)
  .filter((f) => /^\d\d-.*\.py$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

/** `<ms>\t<msg>` lines into [ms, msg] pairs. */
function parse(stdout) {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const tab = l.indexOf('\t');
      return [Number(l.slice(0, tab)), l.slice(tab + 1)];
    });
}

const desktopVersion = execFileSync('python3', ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).trim();
const pyodide = await loadPyodide();
let out = '';
pyodide.setStdout({ batched: (s) => (out += `${s}\n`) });
pyodide.setStderr({ batched: (s) => process.stderr.write(`[pyodide stderr] ${s}\n`) });
pyodide.FS.writeFile('/home/pyodide/vrun.py', readFileSync(join(DIR, 'vrun.py'), 'utf8'));
const wasmVersion = pyodide.runPython('import sys; sys.version.split()[0]');

for (const file of cases) {
  const source = readFileSync(join(DIR, file), 'utf8');
  const desktop = parse(execFileSync('python3', [file], { cwd: DIR, encoding: 'utf8' }));
  out = '';
  pyodide.runPython('import sys; sys.modules.pop("vrun", None)');
  pyodide.runPython(source, { globals: pyodide.toPy({ __name__: '__main__' }) });
  const wasm = parse(out);
  const same = JSON.stringify(desktop) === JSON.stringify(wasm);
  const expected = { python: wasmVersion, lines: wasm, ...(same ? {} : { differs: { python: desktopVersion, lines: desktop } }) };
  // One [ms, message] pair per line, so a diff reads as the trace does.
  const json = JSON.stringify(expected, null, 2).replace(/\[\n\s+(\d+),\n\s+("(?:[^"\\]|\\.)*")\n\s+\]/g, '[$1, $2]');
  writeFileSync(join(DIR, file.replace(/\.py$/, '.expected.json')), `${json}\n`);
  console.log(`${file}: ${wasm.length} lines (${wasmVersion})${same ? `, same on ${desktopVersion}` : `, ${desktopVersion} differs`}`);
}
