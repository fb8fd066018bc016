/**
 * A long-lived child of scripts/test262-async.mjs: runs test after test on
 * miniloop, as the CLI runs a file (native esbuild, then runProgram, which
 * puts back what a program patched in the intrinsics when its run ends).
 *
 * Some tests change the realm in a way no run can undo (a non-configurable
 * setter on Array.prototype, a frozen prototype). After each test the worker
 * checks its realm - the intrinsics' own properties against a fingerprint
 * taken after a warm-up run, and a small program that must print a known
 * line - and answers `poisoned` with the reason; the parent then replaces it.
 *
 * Messages: in {i, code, async}; out, once, {ready}, then per test {i, result}
 * and {i, poisoned} ('' when the realm is as it was).
 */
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram } from '../../src/runtime/program.ts';
import { completion } from './select.mjs';

/** Budgets of one test: a test262 test needs far less; a runaway one ends here rather than at the wall-clock kill. */
const LIMITS = { stepLimit: 1_000_000, timeLimit: 60_000 };

const SANITY = `
const seen = [];
async function* gen() { yield 1; yield 2; }
for await (const x of gen()) seen.push(x);
for (const x of [3, 4]) seen.push(x);
await Promise.all([5, Promise.resolve(6)]).then((v) => seen.push(...v));
await new Promise((r) => setTimeout(r, 5));
console.log('sanity', seen.join(','), JSON.stringify({ a: [1] }), Object.keys({ b: 1 }));
`;
const SANITY_EXPECTED = "sanity 1,2,3,4,5,6 {\"a\":[1]} [ 'b' ]";

// Captured before any test runs: the checks below must not call what a test may have replaced.
const { getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
const { isFrozen, isExtensible } = Object;

/** The intrinsics to watch: every function or object the global object holds, their prototypes, and the iterator prototypes. */
function watched() {
  const out = new Set([globalThis]);
  for (const key of ownKeys(globalThis)) {
    const d = getOwnPropertyDescriptor(globalThis, key);
    const v = d && 'value' in d ? d.value : undefined;
    if ((typeof v === 'function' || (typeof v === 'object' && v !== null)) && v !== globalThis) {
      out.add(v);
      if (typeof v === 'function' && typeof v.prototype === 'object' && v.prototype !== null) out.add(v.prototype);
    }
  }
  const extra = [
    getPrototypeOf(function* () {}).prototype,
    getPrototypeOf(getPrototypeOf(function* () {}).prototype),
    getPrototypeOf(async function* () {}).prototype,
    getPrototypeOf(getPrototypeOf(async function* () {}).prototype),
    getPrototypeOf(async function () {}),
    getPrototypeOf(function* () {}),
    getPrototypeOf(async function* () {}),
    getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(new Map().values()),
    getPrototypeOf(new Set().values()),
    getPrototypeOf(''[Symbol.iterator]()),
    getPrototypeOf(/a/[Symbol.matchAll]('')),
  ];
  for (const o of extra) out.add(o);
  return [...out];
}

/** Every watched object's own properties (identities of values and accessors, attributes), its prototype and extensibility. */
function fingerprint(objects) {
  const parts = [];
  for (const o of objects) {
    parts.push(getPrototypeOf(o), isExtensible(o), isFrozen(o));
    for (const key of ownKeys(o)) {
      const d = getOwnPropertyDescriptor(o, key);
      parts.push(key, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
    }
    parts.push('|');
  }
  return parts;
}

function sameFingerprint(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Run one test's code; its completion line (select.mjs `completion`). */
async function runTest(code, async) {
  try {
    const compiled = await compileInNode(code, 'test.js');
    // esbuild refused the program: for the test, the SyntaxError an engine throws before running a script.
    if (!compiled.ok) return completion(async, '', false, `SyntaxError: ${compiled.errors[0]?.message}`);
    const run = runProgram(compiled, LIMITS);
    const out = run.lines.map((l) => l.text).join('\n');
    const problem = run.problems[0];
    const errorText = problem ? (problem.summary ?? problem.message ?? problem.kind) : '';
    return completion(async, out, run.status === 'ok', errorText);
  } catch (e) {
    return `runner error ${e?.message}`;
  }
}

/** What is wrong with this process's realm, or '' (see the file's comment). */
async function realmProblem(objects, before) {
  try {
    return await checkRealm(objects, before);
  } catch (e) {
    return `the check threw ${String(e)}`;
  }
}

async function checkRealm(objects, before) {
  const compiled = await compileInNode(SANITY, 'sanity.js');
  const run = compiled.ok ? runProgram(compiled, LIMITS) : undefined;
  const printed = run ? run.lines.map((l) => l.text).join('\n') : 'compile error';
  if (!run || run.status !== 'ok' || printed !== SANITY_EXPECTED) return `sanity program printed ${JSON.stringify(printed)}`;
  if (!sameFingerprint(fingerprint(objects), before)) return 'intrinsics changed';
  return '';
}

// Warm up first: the first run makes globals Node creates lazily (undici's dispatcher, say).
const warm = await realmProblem([], []);
if (warm) {
  process.send({ fatal: `fresh worker: ${warm}` });
  process.exit(1);
}
const objects = watched();
const before = fingerprint(objects);

// The result goes out before the check: a realm broken for Node itself (a setter on
// Array.prototype[0] that throws) may end this process during the check.
process.on('message', async ({ i, code, async }) => {
  process.send({ i, result: await runTest(code, async) });
  process.send({ i, poisoned: await realmProblem(objects, before) });
});
process.send({ ready: true });
