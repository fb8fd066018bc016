/**
 * What the tests comparing miniloop with real Python share: sampling a batch
 * of random programs (size and seed from the environment), running one
 * generated Python script for the whole batch, keeping a failing pair of
 * programs where a reader can run them, and comparing trio output by instant
 * (trio may run tasks ready at the same instant in any order).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** `PREFIX_PROGRAMS` programs (default 150) drawn with seed `PREFIX_SEED` (default fixed), so a failure can be replayed. */
export function samplePrograms<P>(arbitrary: fc.Arbitrary<P>, prefix: string): P[] {
  const count = Number(process.env[`${prefix}_PROGRAMS`] ?? 150);
  return fc.sample(arbitrary, { numRuns: count, seed: Number(process.env[`${prefix}_SEED`] ?? 20261124) });
}

/** How each program's output ends, in the format runPythonPrograms reads (`<ms>\t<message>` lines before it). */
export const PROGRAM_END = '#end';

/**
 * Run `script` with `python` (with `dir`, holding the script's helpers, on
 * PYTHONPATH). The script prints, for each program in turn, its
 * `<ms>\t<message>` lines and then PROGRAM_END; a line with ms -1 says
 * Python itself failed. Returns the lines of each program.
 */
export function runPythonPrograms(python: string, dir: string, script: string): Array<Array<[number, string]>> {
  const file = join(dir, 'programs.py');
  writeFileSync(file, script);
  const stdout = execFileSync(python, [file], { env: { ...process.env, PYTHONPATH: dir }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const chunks = stdout.split(`${PROGRAM_END}\n`);
  chunks.pop(); // after the last end marker
  return chunks.map((chunk) =>
    chunk
      .split('\n')
      .filter(Boolean)
      .map((line): [number, string] => {
        const tab = line.indexOf('\t');
        return [Number(line.slice(0, tab)), line.slice(tab + 1)];
      }),
  );
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
