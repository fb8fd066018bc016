/**
 * Async generators follow the spec's request queue; each program here runs in
 * real Node (a child process on this Node 22) and on the loop, and the output
 * must be identical. esbuild's own helper fails the return()/queued-request
 * cases (tick counts differ), which is why the runtime brings its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputOf } from './run-source.ts';

const TICKS = "Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4')).then(() => console.log('p5'));";

const programs: Record<string, string> = {
  'return() while suspended at a yield': `async function* g() { console.log('g0'); yield 1; console.log('never'); }
const it = g(); it.next().then((r) => console.log('next', r)); it.return(9).then((r) => console.log('ret', r)); ${TICKS}`,
  'requests queued while executing': `async function* g() { yield 1; await null; yield 2; }
const it = g(); it.next().then((r) => console.log('a', r)); it.next().then((r) => console.log('b', r)); it.next().then((r) => console.log('c', r)); it.next().then((r) => console.log('d', r)); ${TICKS}`,
  'throw() at start and after completion': `async function* g() { try { yield 1; } finally { console.log('finally'); } }
const a = g(); a.throw(new Error('early')).catch((e) => console.log('caught', e.message));
const b = g(); b.next().then(() => b.throw(new Error('late')).catch((e) => console.log('late', e.message))); ${TICKS}`,
  'return with a promise': `async function* g() { yield 'x'; return Promise.resolve('r'); }
(async () => { for await (const v of g()) console.log('v', v); console.log('loop done'); })();
const it = g(); it.next().then(() => it.next()).then((r) => console.log('end', r)); ${TICKS}`,
  'two consumers interleave': `async function* count(name) { for (let i = 0; i < 3; i++) { yield name + i; await null; } }
(async () => { for await (const v of count('a')) console.log(v); })();
(async () => { for await (const v of count('b')) console.log(v); })(); ${TICKS}`,
  'break out of for await calls return()': `async function* g() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
(async () => { for await (const v of g()) { console.log(v); break; } console.log('after'); })(); ${TICKS}`,
};

/**
 * Known deviation: the spec awaits `return expr` before `finally` blocks run;
 * esbuild's lowering gives the helper the value only after them, so a finally
 * block that awaits runs one tick early. Kept as a failing test so a fix shows.
 */
const knownDeviations: Record<string, string> = {
  'return of a promise through a finally that awaits': `async function* g() { try { yield 'x'; return Promise.resolve('r'); } finally { await null; console.log('fin'); } }
const it = g(); it.next().then(() => it.next()).then((r) => console.log('end', r)); ${TICKS}`,
};

function native(source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'agen-'));
  const file = join(dir, 'p.mjs');
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe('async generators match V8', () => {
  for (const [name, source] of Object.entries(programs)) {
    it(name, async () => {
      expect(await outputOf(source)).toEqual(native(source));
    });
  }
  for (const [name, source] of Object.entries(knownDeviations)) {
    it.fails(`known deviation: ${name}`, async () => {
      expect(await outputOf(source)).toEqual(native(source));
    });
  }
});
