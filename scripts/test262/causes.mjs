/**
 * Why miniloop's completion line differs from Node 22's, test by test: the
 * known differences of the last recorded run (src/runtime/README.md,
 * "test262 (async subset)"), grouped by cause. A difference not listed goes
 * under a cause whose cross-check agrees with miniloop (Node 22 running the
 * program as a module, Node 24), else it is "unexplained" and printed in full; a listed test that now agrees is counted
 * as fixed, so a run on a newer tree shows what changed. Held by
 * tests/runtime/test262-script.test.ts.
 */

/**
 * @typedef {{ id: string, title: string, kind: 'by design' | 'newer spec' | 'bug', files: string[], agreesWith?: 'nodeModule' | 'node24' }} Cause
 * @typedef {{ file: string, node?: string, miniloop?: string, nodeModule?: string, node24?: string }} TestResult
 */

const inTest = (path) => `test/${path}`;

/** @type {Cause[]} */
export const CAUSES = [
  {
    id: 'module-top-level',
    title: "the top level is a module: strict, `this` is undefined, `await` is reserved, its end looks up `constructor`; Node 22 running the same program as `.mjs` prints the same",
    kind: 'by design',
    // Node 22 running the same program as an .mjs file prints what miniloop prints; so does a difference not listed.
    agreesWith: 'nodeModule',
    files: [
      'built-ins/Promise/promise.js',
      'language/expressions/async-function/named-eval-var-scope-syntax-err.js',
      'language/expressions/async-function/named-reassign-fn-name-in-body-in-arrow.js',
      'language/expressions/async-function/named-reassign-fn-name-in-body-in-eval.js',
      'language/expressions/async-function/named-reassign-fn-name-in-body.js',
      'language/expressions/async-function/named-unscopables-with-in-nested-fn.js',
      'language/expressions/async-function/named-unscopables-with.js',
      'language/expressions/async-function/nameless-eval-var-scope-syntax-err.js',
      'language/expressions/async-function/nameless-unscopables-with-in-nested-fn.js',
      'language/expressions/async-function/nameless-unscopables-with.js',
      'language/expressions/async-arrow-function/eval-var-scope-syntax-err.js',
      'language/expressions/async-arrow-function/unscopables-with-in-nested-fn.js',
      'language/expressions/async-arrow-function/unscopables-with.js',
      'language/expressions/async-generator/eval-var-scope-syntax-err.js',
      'language/expressions/async-generator/named-eval-var-scope-syntax-err.js',
      'language/expressions/async-generator/named-no-strict-reassign-fn-name-in-body-in-arrow.js',
      'language/expressions/async-generator/named-no-strict-reassign-fn-name-in-body-in-eval.js',
      'language/expressions/async-generator/named-no-strict-reassign-fn-name-in-body.js',
      'language/expressions/async-generator/named-unscopables-with-in-nested-fn.js',
      'language/expressions/async-generator/named-unscopables-with.js',
      'language/expressions/async-generator/named-yield-identifier-non-strict.js',
      'language/expressions/async-generator/named-yield-identifier-spread-non-strict.js',
      'language/expressions/async-generator/unscopables-with-in-nested-fn.js',
      'language/expressions/async-generator/unscopables-with.js',
      'language/expressions/async-generator/yield-identifier-non-strict.js',
      'language/expressions/async-generator/yield-identifier-spread-non-strict.js',
      'language/expressions/await/await-BindingIdentifier-in-global.js',
      'language/expressions/await/await-in-global.js',
      'language/expressions/await/await-in-nested-function.js',
      'language/expressions/await/await-in-nested-generator.js',
      'language/statements/async-function/eval-var-scope-syntax-err.js',
      'language/statements/async-function/evaluation-mapped-arguments.js',
      'language/statements/async-function/unscopables-with-in-nested-fn.js',
      'language/statements/async-function/unscopables-with.js',
      'language/statements/async-generator/eval-var-scope-syntax-err.js',
      'language/statements/async-generator/unscopables-with-in-nested-fn.js',
      'language/statements/async-generator/unscopables-with.js',
      'language/statements/async-generator/yield-identifier-non-strict.js',
      'language/statements/async-generator/yield-identifier-spread-non-strict.js',
      'language/statements/for-await-of/async-func-decl-dstr-array-elem-init-yield-ident-valid.js',
      'language/statements/for-await-of/async-func-decl-dstr-array-elem-nested-array-yield-ident-valid.js',
      'language/statements/for-await-of/async-func-decl-dstr-array-elem-nested-obj-yield-ident-valid.js',
      'language/statements/for-await-of/async-func-decl-dstr-array-rest-yield-ident-valid.js',
      'language/statements/for-await-of/async-func-decl-dstr-obj-id-init-yield-ident-valid.js',
      'language/statements/for-await-of/async-func-decl-dstr-obj-prop-nested-obj-yield-ident-valid.js',
      'language/statements/for-await-of/async-gen-decl-dstr-obj-id-simple-no-strict.js',
      'language/statements/for-await-of/ticks-with-async-iter-resolved-promise-and-constructor-lookup.js',
    ].map(inTest),
  },
  {
    id: 'spec-2600',
    title: "the current spec (tc39/ecma262#2600: the sync iterator is closed when a value rejects or `throw()` is missing); Node 24 prints the same",
    kind: 'newer spec',
    // Node 24.21 prints what miniloop prints; so does a difference not listed.
    agreesWith: 'node24',
    files: [
      'built-ins/AsyncFromSyncIteratorPrototype/next/for-await-iterator-next-rejected-promise-close.js',
      'built-ins/AsyncFromSyncIteratorPrototype/next/for-await-next-rejected-promise-close.js',
      'built-ins/AsyncFromSyncIteratorPrototype/next/iterator-result-poisoned-wrapper.js',
      'built-ins/AsyncFromSyncIteratorPrototype/next/next-result-poisoned-wrapper.js',
      'built-ins/AsyncFromSyncIteratorPrototype/next/yield-iterator-next-rejected-promise-close.js',
      'built-ins/AsyncFromSyncIteratorPrototype/next/yield-next-rejected-promise-close.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/iterator-result-rejected-promise-close.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-null.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-result-poisoned-wrapper.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-undefined-get-return-undefined.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-undefined-poisoned-return.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-undefined-return-not-object.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-undefined-return-object.js',
      'built-ins/AsyncFromSyncIteratorPrototype/throw/throw-undefined.js',
    ].map(inTest),
  },
  {
    id: 'lowered-function-prototypes',
    title: "lowered functions have no AsyncFunction / AsyncGeneratorFunction prototypes, and an async generator's object does not inherit from `fn.prototype`",
    kind: 'bug',
    files: [
      'built-ins/AsyncGeneratorPrototype/Symbol.toStringTag.js',
      'built-ins/AsyncGeneratorPrototype/constructor.js',
      'built-ins/AsyncGeneratorPrototype/next/this-val-not-async-generator.js',
      'built-ins/AsyncGeneratorPrototype/next/this-val-not-object.js',
      'built-ins/AsyncGeneratorPrototype/return/this-val-not-async-generator.js',
      'built-ins/AsyncGeneratorPrototype/return/this-val-not-object.js',
      'built-ins/AsyncGeneratorPrototype/throw/this-val-not-async-generator.js',
      'built-ins/AsyncGeneratorPrototype/throw/this-val-not-object.js',
      'language/expressions/async-arrow-function/prototype.js',
      'language/expressions/async-generator/generator-created-after-decl-inst.js',
      'language/statements/async-generator/generator-created-after-decl-inst.js',
      'language/statements/async-generator/yield-star-async-from-sync-iterator-inaccessible.js',
    ].map(inTest),
  },
  {
    id: 'esbuild-rename',
    title: "esbuild renames a binding that shadows the async function (`fn` becomes `fn2`, so `fn.name` changes); fixed: the compiler gives renamed names back (src/compiler/lowered-functions.ts)",
    kind: 'bug',
    files: [],
  },
  {
    id: 'result-after-array-setter',
    title: "`runProgram` collected its result with `push` after the run: a non-configurable setter on `Array.prototype[0]` threw out of it, and the output was lost; fixed: prototype-less lists (tests/runtime/primordials-cli.test.ts)",
    kind: 'bug',
    files: [],
  },
  {
    id: 'promise-ctor-order',
    title: "`new Promise` reads `newTarget.prototype` before it checks that the executor is callable",
    kind: 'bug',
    files: [
      'built-ins/Promise/get-prototype-abrupt-executor-not-callable.js',
    ].map(inTest),
  },
  {
    id: 'for-await-non-object',
    title: "`for await`: a non-object result of `next()` is not a TypeError (no test of the selection shows it; tests/runtime/for-await.test.ts)",
    kind: 'bug',
    // No test of the selection shows it (tests/runtime/for-await.test.ts holds the rule).
    files: [],
  },
];

/**
 * Group the differences of `results` by cause.
 * @param {TestResult[]} results
 * @param {Cause[]} [causes]
 * @returns {{ rows: Array<{ cause: Cause, differ: string[], agree: string[] }>, unexplained: TestResult[] }}
 */
export function classify(results, causes = CAUSES) {
  const causeOf = new Map();
  for (const cause of causes) for (const file of cause.files) causeOf.set(file, cause);
  const rows = causes.map((cause) => ({ cause, differ: [], agree: [] }));
  const rowOf = new Map(rows.map((r) => [r.cause, r]));
  const unexplained = [];
  for (const r of results) {
    const same = r.node === r.miniloop;
    // A difference no cause lists is put under the first cause whose cross-check (Node 22 as a
    // module, Node 24) prints what miniloop prints: a run on a newer tree sorts its own.
    const cause = causeOf.get(r.file) ?? (same ? undefined : causes.find((c) => c.agreesWith && r[c.agreesWith] === r.miniloop));
    if (cause) rowOf.get(cause)[same ? 'agree' : 'differ'].push(r.file);
    else if (!same) unexplained.push(r);
  }
  return { rows, unexplained };
}

/**
 * The cause table as printed at the end of a run: Markdown, the table of
 * src/runtime/README.md ("test262 (async subset)"). Listed tests that now
 * agree are printed apart, one a line.
 * @param {ReturnType<typeof classify>} grouped
 * @returns {string}
 */
export function causeTable({ rows, unexplained }) {
  const lines = ['| cause | kind | tests |', '| --- | --- | --- |'];
  for (const { cause, differ } of rows) lines.push(`| ${cause.title} | ${cause.kind} | ${differ.length} |`);
  lines.push(`| not explained by a cause above | - | ${unexplained.length} |`);
  return lines.join('\n');
}
