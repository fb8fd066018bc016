/**
 * The parts of scripts/test262-async.mjs that decide what the figure means:
 * which tests are selected (frontmatter, skipped features), how a run's
 * outcome becomes the compared line, how differences are grouped by cause,
 * and that a pool worker notices a realm no run can restore. test262 itself
 * is not on npm, so no test here reads a checkout.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAUSES, classify, causeTable } from '../../scripts/test262/causes.mjs';
import {
  NODE22_MISSING_FEATURES,
  completion,
  errorName,
  harnessFiles,
  miniloopProgram,
  nodeProgram,
  parseMeta,
  passed,
  skipReason,
} from '../../scripts/test262/select.mjs';

describe('frontmatter', () => {
  it('reads inline and block lists, and negative tests', () => {
    const inline = parseMeta(`/*---
esid: sec-x
flags: [async, onlyStrict]
includes: [asyncHelpers.js, compareArray.js]
features: [async-iteration, Symbol.asyncIterator]
---*/
code();`);
    expect(inline).toEqual({ includes: ['asyncHelpers.js', 'compareArray.js'], flags: ['async', 'onlyStrict'], features: ['async-iteration', 'Symbol.asyncIterator'], negative: false });
    const block = parseMeta(`/*---
description: >
  a description
features:
  - promise-try
  - async-functions
negative:
  phase: parse
  type: SyntaxError
---*/`);
    expect(block).toEqual({ includes: [], flags: [], features: ['promise-try', 'async-functions'], negative: true });
    expect(parseMeta('no frontmatter')).toEqual({ includes: [], flags: [], features: [], negative: false });
  });

  it('skips negative, module and $262 tests and features Node 22 lacks, in that order', () => {
    const meta = (over: object) => ({ includes: [], flags: [], features: [], negative: false, ...over });
    expect(skipReason(meta({ negative: true, flags: ['module'] }), '')).toBe('negative');
    expect(skipReason(meta({ flags: ['module'] }), '')).toBe('flags');
    expect(skipReason(meta({ features: ['async-iteration', 'await-dictionary'] }), '')).toBe('features');
    expect(skipReason(meta({}), '$262.createRealm()')).toBe('$262');
    expect(skipReason(meta({ features: ['Array.fromAsync', 'iterator-helpers', 'set-methods'] }), 'ok()')).toBeNull();
  });

  it('puts the async harness before the includes', () => {
    expect(harnessFiles({ includes: ['asyncHelpers.js'], flags: ['async'], features: [], negative: false })).toEqual(['assert.js', 'sta.js', 'doneprintHandle.js', 'asyncHelpers.js']);
    expect(harnessFiles({ includes: [], flags: [], features: [], negative: false })).toEqual(['assert.js', 'sta.js']);
  });
});

// What the running engine has; the list must say the same when it is Node 22.
const PROBES: Record<string, () => boolean> = {
  'Array.fromAsync': () => typeof (Array as { fromAsync?: unknown }).fromAsync === 'function',
  'iterator-helpers': () => typeof (globalThis as { Iterator?: { prototype: { map?: unknown } } }).Iterator?.prototype.map === 'function',
  'set-methods': () => typeof (Set.prototype as { union?: unknown }).union === 'function',
  'json-parse-with-source': () => typeof (JSON as { rawJSON?: unknown }).rawJSON === 'function',
  'promise-try': () => typeof (Promise as { try?: unknown }).try === 'function',
  'await-dictionary': () => typeof (Promise as { allKeyed?: unknown }).allKeyed === 'function',
  'explicit-resource-management': () => typeof (globalThis as { DisposableStack?: unknown }).DisposableStack === 'function',
  Float16Array: () => typeof (globalThis as { Float16Array?: unknown }).Float16Array === 'function',
  'Error.isError': () => typeof (Error as { isError?: unknown }).isError === 'function',
  'regexp-modifiers': () => {
    try {
      new RegExp('(?i:a)');
      return true;
    } catch {
      return false;
    }
  },
};

it.runIf(process.versions.node.startsWith('22.'))('lists exactly the probed features this Node 22 lacks', () => {
  for (const [feature, has] of Object.entries(PROBES)) expect([feature, NODE22_MISSING_FEATURES.has(feature)]).toEqual([feature, !has()]);
});

describe('the compared line', () => {
  it('names the error as Node prints it and as miniloop reports it', () => {
    expect(errorName("/tmp/t1.js:20\n    throw new Test262Error(message);\n    ^\n\nTest262Error { message: 'x' }\n\nNode.js v22.23.3")).toBe('Test262Error');
    expect(errorName('b.js:1\nPromise.reject(new TypeError("x"));\n               ^\n\nTypeError: x\n    at b.js:1:16')).toBe('TypeError');
    expect(errorName('Unhandled promise rejection: ReferenceError: err is not defined\n    at f (test.js:2:3)')).toBe('ReferenceError');
    expect(errorName('Test262Error: Expected SameValue(«0», «1») to be true')).toBe('Test262Error');
    expect(errorName('Killed')).toBe('exit');
  });

  it('is the Test262 line of an async test, else pass or the error', () => {
    expect(completion(true, 'a\nTest262:AsyncTestComplete\n', true, '')).toBe('Test262:AsyncTestComplete');
    expect(completion(true, 'Test262:AsyncTestFailure:Test262Error: no', false, 'TypeError: later')).toBe('Test262:AsyncTestFailure:Test262Error: no');
    expect(completion(true, '', false, 'TypeError: x')).toBe('error TypeError');
    expect(completion(true, '', true, '')).toBe('no completion line');
    expect(completion(false, 'whatever', true, '')).toBe('PASS');
    expect(completion(false, '', false, 'Test262Error { message }')).toBe('FAIL Test262Error');
    expect([passed('PASS'), passed('Test262:AsyncTestComplete'), passed('FAIL exit'), passed(undefined)]).toEqual([true, true, false, false]);
  });

  it('runs the harness then the test; miniloop gets $DONE on the global object', () => {
    const test = { file: 'f.js', async: true, strict: true, noStrict: false, harness: 'function $DONE() {}\n', source: 'body();' };
    expect(nodeProgram(test)).toBe("'use strict';\nfunction $DONE() {}\nbody();");
    expect(miniloopProgram(test)).toBe('function $DONE() {}\nglobalThis.$DONE = $DONE;\nbody();');
    expect(miniloopProgram({ ...test, async: false })).toBe('function $DONE() {}\nbody();');
  });
});

describe('causes', () => {
  it('lists each recorded difference under one cause, by its path in test262', () => {
    const files = CAUSES.flatMap((c) => c.files);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) expect(file).toMatch(/^test\/(built-ins|language)\/[\w./-]+\.js$/);
    expect(new Set(CAUSES.map((c) => c.id)).size).toBe(CAUSES.length);
  });

  it("are the rows of the runtime README's test262 table, with the recorded counts", () => {
    const readme = readFileSync(new URL('../../src/runtime/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## test262 (async subset)'));
    for (const cause of CAUSES) expect(section).toContain(`| ${cause.title} | ${cause.kind} | ${cause.files.length} |`);
  });

  const causes = [
    { id: 'a', title: 'cause A', kind: 'by design' as const, files: ['t/1.js', 't/2.js'] },
    { id: 'b', title: 'cause B', kind: 'bug' as const, files: ['t/3.js'] },
    { id: 'c', title: 'cause C', kind: 'by design' as const, files: [], agreesWith: 'nodeModule' as const },
  ];
  it('groups differences by cause (listed, else by a cross-check that agrees), counts listed tests that now agree, and keeps the rest unexplained', () => {
    const results = [
      { file: 't/1.js', node: 'PASS', miniloop: 'FAIL TypeError' },
      { file: 't/2.js', node: 'PASS', miniloop: 'PASS' },
      { file: 't/3.js', node: 'PASS', miniloop: 'FAIL Test262Error' },
      { file: 't/4.js', node: 'PASS', miniloop: 'runner crashed' },
      { file: 't/5.js', node: 'FAIL exit', miniloop: 'FAIL exit' },
      { file: 't/6.js', node: 'PASS', miniloop: 'FAIL SyntaxError', nodeModule: 'FAIL SyntaxError' },
      { file: 't/7.js', node: 'PASS', miniloop: 'FAIL SyntaxError', nodeModule: 'PASS' },
    ];
    const grouped = classify(results, causes);
    expect(grouped.rows.map((r) => [r.cause.id, r.differ, r.agree])).toEqual([
      ['a', ['t/1.js'], ['t/2.js']],
      ['b', ['t/3.js'], []],
      ['c', ['t/6.js'], []],
    ]);
    expect(grouped.unexplained.map((r) => r.file)).toEqual(['t/4.js', 't/7.js']);
    expect(causeTable(grouped).split('\n')).toEqual([
      '| cause | kind | tests |',
      '| --- | --- | --- |',
      '| cause A | by design | 1 |',
      '| cause B | bug | 1 |',
      '| cause C | by design | 1 |',
      '| not explained by a cause above | - | 2 |',
    ]);
  });
});

describe('pool worker', () => {
  /** Start a worker and run `programs` on it in turn; each answer. */
  async function runOnWorker(programs: string[]): Promise<Array<{ result?: string; poisoned?: string }>> {
    const worker = fork(fileURLToPath(new URL('../../scripts/test262/miniloop-worker.mjs', import.meta.url)), [], {
      execArgv: ['--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const messages: Array<{ ready?: boolean; i?: number; result?: string; poisoned?: string }> = [];
    let wake = () => {};
    worker.on('message', (m: (typeof messages)[number]) => {
      messages.push(m);
      wake();
    });
    const next = () => new Promise<(typeof messages)[number]>((resolve) => {
      const take = () => (messages.length ? resolve(messages.shift()!) : (wake = take));
      take();
    });
    try {
      expect(await next()).toEqual({ ready: true });
      const answers = [];
      for (let i = 0; i < programs.length; i++) {
        worker.send({ i, code: programs[i], async: false });
        const result = await next();
        const check = await next();
        expect([result.i, check.i]).toEqual([i, i]);
        answers.push({ result: result.result, poisoned: check.poisoned });
      }
      return answers;
    } finally {
      worker.kill();
    }
  }

  it('stays for a patch runProgram puts back, and asks to be replaced after one it cannot', async () => {
    const answers = await runOnWorker([
      'Array.prototype[Symbol.iterator] = function* () {}; Promise.prototype.then = null;',
      'if ([...[1, 2]].length !== 2) throw new TypeError("leaked");',
      "Object.defineProperty(Array.prototype, 'x', { value: 1, configurable: false });",
    ]);
    expect(answers).toEqual([
      { result: 'PASS', poisoned: '' },
      { result: 'PASS', poisoned: '' },
      { result: 'PASS', poisoned: 'intrinsics changed' },
    ]);
  });
});
