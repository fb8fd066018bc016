/**
 * Which test262 tests the async subset runs, and how a run's outcome becomes
 * the one line that is compared between Node and miniloop. Pure functions
 * (plus `selectTests`, which reads the checkout); held by
 * tests/runtime/test262-script.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The directories run in full. */
export const DIRS = [
  'test/built-ins/Promise',
  'test/built-ins/AsyncGeneratorPrototype',
  'test/built-ins/AsyncFromSyncIteratorPrototype',
  'test/language/expressions/async-function',
  'test/language/expressions/async-arrow-function',
  'test/language/expressions/async-generator',
  'test/language/expressions/await',
  'test/language/statements/async-function',
  'test/language/statements/async-generator',
];

/** Sampled: every Nth file of it (sorted by path). */
export const SAMPLED_DIR = 'test/language/statements/for-await-of';

/**
 * test262 `features` Node 22 (V8 12.4) does not have: a test using one is
 * skipped. Checked on Node 22.23.3 by probing each (e.g. `typeof Promise.try`,
 * `new RegExp('(?i:a)')`); Array.fromAsync, iterator helpers, set methods and
 * JSON.rawJSON are there, so they are not listed.
 */
export const NODE22_MISSING_FEATURES = new Set([
  'promise-try',
  'await-dictionary',
  'promise-all-keyed',
  'explicit-resource-management',
  'Float16Array',
  'source-phase-imports',
  'import-defer',
  'uint8array-base64',
  'RegExp.escape',
  'Math.sumPrecise',
  'upsert',
  'canonical-tz',
  'Error.isError',
  'iterator-sequencing',
  'joint-iteration',
  'immutable-arraybuffer',
  'decorators',
  'Atomics.pause',
  'regexp-modifiers',
  'regexp-duplicate-named-groups',
  'legacy-regexp',
  'nonextensible-applies-to-private',
  'tail-call-optimization',
  'ShadowRealm',
  'Temporal',
  'Intl.Locale-info',
]);

/**
 * @typedef {{ includes: string[], flags: string[], features: string[], negative: boolean }} Meta
 * @typedef {'negative' | 'flags' | 'features' | '$262'} SkipReason
 * @typedef {{ file: string, async: boolean, strict: boolean, noStrict: boolean, harness: string, source: string }} SelectedTest
 */

/**
 * The frontmatter of a test (`/*--- ... ---*\/`, YAML): the lists `includes`,
 * `flags` and `features`, inline (`[a, b]`) or as a block (`- a`), and whether
 * it is a negative test.
 * @param {string} source
 * @returns {Meta}
 */
export function parseMeta(source) {
  const m = /\/\*---([\s\S]*?)---\*\//.exec(source);
  const text = m ? m[1] : '';
  const list = (key) => {
    const inline = new RegExp(`^${key}:[ \\t]*\\[([^\\]]*)\\]`, 'm').exec(text);
    if (inline) return inline[1].split(',').map((s) => s.trim()).filter(Boolean);
    const block = new RegExp(`^${key}:[ \\t]*\\r?\\n((?:[ \\t]+-.*(?:\\r?\\n|$))+)`, 'm').exec(text);
    return block ? block[1].split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean) : [];
  };
  return { includes: list('includes'), flags: list('flags'), features: list('features'), negative: /^negative:/m.test(text) };
}

/**
 * Why a test is not run, or null. Negative tests test the parser (the
 * playground's is esbuild); module and raw tests need a host this runner is
 * not; `$262` is the host's agent/realm API.
 * @param {Meta} meta
 * @param {string} source
 * @returns {SkipReason | null}
 */
export function skipReason(meta, source) {
  if (meta.negative) return 'negative';
  if (meta.flags.includes('module') || meta.flags.includes('raw') || meta.flags.includes('CanBlockIsTrue')) return 'flags';
  if (meta.features.some((f) => NODE22_MISSING_FEATURES.has(f))) return 'features';
  if (source.includes('$262')) return '$262';
  return null;
}

/**
 * The harness files a test runs after: assert.js, sta.js, doneprintHandle.js
 * for async tests, then its own `includes`.
 * @param {Meta} meta
 * @returns {string[]}
 */
export function harnessFiles(meta) {
  return ['assert.js', 'sta.js', ...(meta.flags.includes('async') ? ['doneprintHandle.js'] : []), ...meta.includes];
}

/**
 * The selection at `root` (a test262 checkout): the test files of {@link DIRS}
 * and every `sampleEvery`th file of {@link SAMPLED_DIR}, each with the
 * harness prepended (`print` is console.log).
 * @param {string} root
 * @param {{ sampleEvery?: number }} [options]
 * @returns {{ selected: SelectedTest[], skipped: Record<SkipReason, number> }}
 */
export function selectTests(root, { sampleEvery = 4 } = {}) {
  const listFiles = (dir) =>
    execFileSync('find', [join(root, dir), '-name', '*.js', '-not', '-name', '*_FIXTURE.js'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
  const files = DIRS.flatMap(listFiles).concat(listFiles(SAMPLED_DIR).filter((_, i) => i % sampleEvery === 0));
  const harness = new Map();
  const harnessFile = (name) => {
    if (!harness.has(name)) harness.set(name, readFileSync(join(root, 'harness', name), 'utf8'));
    return harness.get(name);
  };
  /** @type {SelectedTest[]} */
  const selected = [];
  const skipped = { negative: 0, flags: 0, features: 0, $262: 0 };
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const meta = parseMeta(source);
    const reason = skipReason(meta, source);
    if (reason) {
      skipped[reason]++;
      continue;
    }
    selected.push({
      file: relative(root, file),
      async: meta.flags.includes('async'),
      strict: meta.flags.includes('onlyStrict'),
      noStrict: meta.flags.includes('noStrict'),
      harness: `var print = function (message) { console.log(message); };\n${harnessFiles(meta).map(harnessFile).join('\n')}\n`,
      source,
    });
  }
  return { selected, skipped };
}

/**
 * The script Node runs: the harness, then the test, as one classic script
 * (`'use strict'` first for an onlyStrict test).
 * @param {SelectedTest} test
 * @returns {string}
 */
export function nodeProgram(test) {
  return (test.strict ? "'use strict';\n" : '') + test.harness + test.source;
}

/**
 * The program miniloop runs: the same, as a module (miniloop's top level is
 * always a module's, strict, README "Top level"). A script host's harness
 * definitions are properties of the global object; asyncHelpers.js looks one
 * up there (`$DONE`, to tell an async test), so it is put there.
 * @param {SelectedTest} test
 * @returns {string}
 */
export function miniloopProgram(test) {
  return test.harness + (test.async ? 'globalThis.$DONE = $DONE;\n' : '') + test.source;
}

/**
 * The name of the error a failed run reports: the first identifier ending in
 * `Error` that starts a line or follows `: ` (`Test262Error { message: ... }`
 * as Node prints a thrown non-Error, `TypeError: x`, miniloop's `Unhandled
 * promise rejection: TypeError: x`), or 'exit' when there is none.
 * @param {string} text
 * @returns {string}
 */
export function errorName(text) {
  const m = /(?:^|: )([A-Za-z_$][\w$]*Error)\b/m.exec(text);
  return m ? m[1] : 'exit';
}

/**
 * The one line compared between Node and miniloop. An async test: its
 * `Test262:` line (AsyncTestComplete, or AsyncTestFailure with the message),
 * else `error NAME` when the run failed, `no completion line` when it did
 * not. A sync test: `PASS`, or `FAIL NAME`.
 * @param {boolean} async
 * @param {string} out what the run printed
 * @param {boolean} ok whether the run ended without an error
 * @param {string} errorText what the run reported on failure (stderr, the problem's summary)
 * @returns {string}
 */
export function completion(async, out, ok, errorText) {
  if (async) {
    const line = out.split('\n').find((l) => l.startsWith('Test262:'));
    return line ?? (ok ? 'no completion line' : `error ${errorName(errorText)}`);
  }
  return ok ? 'PASS' : `FAIL ${errorName(errorText)}`;
}

/**
 * Whether a completion line is a pass.
 * @param {string | undefined} result
 */
export function passed(result) {
  return result === 'PASS' || result === 'Test262:AsyncTestComplete';
}
