#!/usr/bin/env node
/**
 * Run tc39's test262 async subset on Node (the baseline) and on miniloop, and
 * compare the completion line of each test. test262 is not on npm, so this is
 * not part of `npm test`: check out https://github.com/tc39/test262 and pass
 * its path. Results and the remaining differences are recorded in
 * src/runtime/README.md ("test262").
 *
 *   node scripts/test262-async.mjs PATH/TO/test262 [--sample-for-await N] [--json OUT] [--node-results CACHE.json]
 *
 * Selection: test/built-ins/{Promise,AsyncGeneratorPrototype,AsyncFromSyncIteratorPrototype},
 * test/language/expressions/{async-function,async-arrow-function,async-generator,await},
 * test/language/statements/{async-function,async-generator} and every Nth file of
 * statements/for-await-of (default every 4th). Skipped: negative tests (they test the
 * parser, and the playground's is esbuild), module/raw tests, tests using $262
 * (agents, realms, detachArrayBuffer) and tests whose `features` Node 22 lacks.
 * Each test is the harness (assert.js, sta.js, doneprintHandle.js for async tests,
 * its `includes`) and its source, with `print` as console.log; on Node it runs as a
 * script in its own process (onlyStrict tests get 'use strict'), on miniloop through
 * the compiler (native esbuild) and runProgram, as the CLI runs a file.
 * The completion line: async tests print Test262:AsyncTestComplete or
 * Test262:AsyncTestFailure:...; a sync test passes when nothing is thrown.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
if (!root) {
  console.error('usage: node scripts/test262-async.mjs PATH/TO/test262 [--sample-for-await N] [--json OUT]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sampleEvery = Number(option('--sample-for-await', '4'));
const jsonOut = option('--json', undefined);

// Features Node 22 (V8 12.4) does not have.
const MISSING_FEATURES = new Set([
  'promise-try', 'explicit-resource-management', 'Float16Array', 'source-phase-imports', 'import-defer', 'await-dictionary',
  'uint8array-base64', 'json-parse-with-source', 'RegExp.escape', 'Math.sumPrecise', 'upsert', 'canonical-tz', 'Error.isError',
  'iterator-sequencing', 'immutable-arraybuffer', 'decorators', 'promise-all-keyed', 'Atomics.pause', 'joint-iteration',
  'Array.fromAsync', 'iterator-helpers', 'regexp-modifiers', 'set-methods', 'RegExp.escape', 'legacy-regexp', 'nonextensible-applies-to-private', 'tail-call-optimization', 'ShadowRealm', 'Temporal', 'Intl.Locale-info',
]);

const DIRS = [
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

function listFiles(dir) {
  const out = execFileSync('find', [join(root, dir), '-name', '*.js', '-not', '-name', '*_FIXTURE.js'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).sort();
}

function meta(source) {
  const m = /\/\*---([\s\S]*?)---\*\//.exec(source);
  const text = m ? m[1] : '';
  const list = (key) => {
    const inline = new RegExp(`^${key}:\\s*\\[([^\\]]*)\\]`, 'm').exec(text);
    if (inline) return inline[1].split(',').map((s) => s.trim()).filter(Boolean);
    const block = new RegExp(`^${key}:\\s*\\n((?:\\s+-.*\\n?)+)`, 'm').exec(text);
    return block ? block[1].split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean) : [];
  };
  return { includes: list('includes'), flags: list('flags'), features: list('features'), negative: /^negative:/m.test(text) };
}

const harness = new Map();
const harnessFile = (name) => {
  if (!harness.has(name)) harness.set(name, readFileSync(join(root, 'harness', name), 'utf8'));
  return harness.get(name);
};

let files = DIRS.flatMap(listFiles);
const forAwait = listFiles('test/language/statements/for-await-of').filter((_, i) => i % sampleEvery === 0);
files = files.concat(forAwait);

const selected = [];
const skipped = { negative: 0, flags: 0, features: 0, $262: 0 };
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const m = meta(source);
  if (m.negative) skipped.negative++;
  else if (m.flags.includes('module') || m.flags.includes('raw') || m.flags.includes('CanBlockIsTrue')) skipped.flags++;
  else if (m.features.some((f) => MISSING_FEATURES.has(f))) skipped.features++;
  else if (source.includes('$262')) skipped.$262++;
  else {
    const async = m.flags.includes('async');
    const includes = ['assert.js', 'sta.js', ...(async ? ['doneprintHandle.js'] : []), ...m.includes];
    const prelude = `var print = function (message) { console.log(message); };\n${includes.map(harnessFile).join('\n')}\n`;
    selected.push({ file: relative(root, file), async, strict: m.flags.includes('onlyStrict'), noStrict: m.flags.includes('noStrict'), code: prelude + source });
  }
}
if (!args.includes('--child')) console.error(`selected ${selected.length} tests (skipped: ${JSON.stringify(skipped)})`);

// The completion line of a run.
function completion(async, out, ok, error) {
  if (async) {
    const line = out.split('\n').find((l) => l.startsWith('Test262:'));
    return line ?? (ok ? 'no completion line' : `error ${error}`);
  }
  return ok ? 'PASS' : `FAIL ${error}`;
}

// A program may make non-configurable changes to built-ins that no run can undo (test262 puts
// non-configurable setters on Array.prototype), so miniloop runs in a child process, restarted
// after a test that changed the realm for good.
if (args.includes('--child')) {
  const { compileInNode } = await import('../src/compiler/node.ts');
  const { runProgram } = await import('../src/runtime/program.ts');
  const fingerprint = () => [Array.prototype, Object.prototype, Function.prototype, Promise.prototype, Promise, Object, Array, globalThis].map((o) => Reflect.ownKeys(o).length).join();
  const before = fingerprint();
  for (let i = Number(option('--from', '0')); i < selected.length; i++) {
    const test = selected[i];
    let result;
    try {
      const compiled = await compileInNode(test.code, 'test.js');
      if (!compiled.ok) result = 'compile error';
      else {
        const run = runProgram(compiled, { stepLimit: 1_000_000, timeLimit: 60_000 });
        const out = run.lines.map((l) => l.text).join('\n');
        const problem = run.problems[0];
        const error = problem ? (problem.summary ?? problem.kind).split(':')[0].replace(/^Uncaught /, '') : '';
        result = completion(test.async, out, run.status === 'ok' || (test.async && out.includes('Test262:')), error);
      }
    } catch (e) {
      result = `runner error ${e?.message}`;
    }
    process.stdout.write(JSON.stringify({ i, result }) + '\n');
    if (fingerprint() !== before) process.exit(3);
  }
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'test262-'));
function runNode(test, index) {
  const file = join(work, `t${index}.js`);
  writeFileSync(file, (test.strict ? "'use strict';\n" : '') + test.code);
  return new Promise((done) => {
    execFile(process.execPath, [file], { timeout: 20_000 }, (err, stdout, stderr) => {
      const error = /^(\w*Error|Test262Error)\b[^\n]*/m.exec(stderr)?.[0]?.split(':')[0] ?? (err ? 'exit' : '');
      done(completion(test.async, stdout, !err, error));
    });
  });
}

const results = selected.map((t) => ({ file: t.file }));
const nodeCache = option('--node-results', undefined);
let cached = null;
try {
  cached = nodeCache ? JSON.parse(readFileSync(nodeCache, 'utf8')) : null;
} catch {
  cached = null;
}
if (cached && cached.length === selected.length) {
  for (let i = 0; i < selected.length; i++) results[i].node = cached[i];
} else {
  let next = 0;
  const nodeWorker = async () => {
    while (next < selected.length) {
      const i = next++;
      results[i].node = await runNode(selected[i], i);
    }
  };
  await Promise.all([nodeWorker(), nodeWorker()]);
  if (nodeCache) writeFileSync(nodeCache, JSON.stringify(results.map((r) => r.node)));
}
console.error('Node done');
let from = 0;
while (from < selected.length) {
  const childArgs = [process.argv[1], ...args.filter((a) => a !== '--child'), '--child', '--from', String(from)];
  const out = await new Promise((done) => {
    execFile(process.execPath, childArgs, { maxBuffer: 1 << 28, timeout: 600_000 }, (err, stdout) => done(stdout));
  });
  let last = from - 1;
  for (const line of out.split('\n').filter(Boolean)) {
    const { i, result } = JSON.parse(line);
    results[i].miniloop = result;
    last = i;
  }
  if (last < from) {
    // The child died on test `from` itself (it stopped the process): record it and go on.
    results[from].miniloop = 'runner crashed';
    last = from;
  }
  from = last + 1;
}
const passed = (r) => r === 'PASS' || r === 'Test262:AsyncTestComplete';
const nodePasses = results.filter((r) => passed(r.node)).length;
const same = results.filter((r) => r.node === r.miniloop).length;
console.log(`selected ${selected.length}; Node ${process.version} passes ${nodePasses}; miniloop same as Node ${same}; miniloop passes ${results.filter((r) => passed(r.miniloop)).length}`);
for (const r of results) if (r.node !== r.miniloop) console.log(`DIFF ${r.file}\n  node:     ${r.node}\n  miniloop: ${r.miniloop}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ skipped, results }, null, 1));
