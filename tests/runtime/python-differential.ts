/**
 * What the tests comparing miniloop with real Python share: running one
 * generated Python script for a whole batch of programs, keeping a failing
 * pair of programs where a reader can run them, and comparing trio output by
 * instant (trio may run tasks ready at the same instant in any order).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Run `script` with `python`, with `dir` (holding the script's helpers) on PYTHONPATH; returns stdout. */
export function runPythonScript(python: string, dir: string, script: string): string {
  const file = join(dir, 'programs.py');
  writeFileSync(file, script);
  return execFileSync(python, [file], { env: { ...process.env, PYTHONPATH: dir }, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Write program `i`'s two spellings into `dir` for whoever reads a failure; returns where they are. */
export function keepFailedPair(dir: string, i: number, py: string, ts: string): string {
  writeFileSync(join(dir, `failed-${i}.py`), py);
  writeFileSync(join(dir, `failed-${i}.ts`), ts);
  return `${join(dir, `failed-${i}`)}.{py,ts}`;
}

/** Group consecutive lines by time; each bucket's messages sorted. */
export function buckets(lines: Array<[number, string]>): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  for (const [t, msg] of lines) {
    const last = out[out.length - 1];
    if (last && last[0] === t) last[1].push(msg);
    else out.push([t, [msg]]);
  }
  return out.map(([t, msgs]) => [t, msgs.sort()]);
}
