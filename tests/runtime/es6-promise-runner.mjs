// Runs promises-es6-tests (Sam Mikes' ECMA-262 Promise compliance suite,
// written for test262: statics, subclassing, sequencing) against
// createPromiseClass. Spawned by promise-es6.test.ts with Node 22.
// The suite reads `Promise` and `assert` from the global object, which the
// adapter sets for the run and puts back after it.
// Prints one line of JSON: { passes, failures, failedTitles }.
import assert from 'node:assert';
import { createRequire } from 'node:module';
import { P, run } from './promise-suite-host.mjs';

const require = createRequire(import.meta.url);
const saved = {};
run(require('promises-es6-tests'), {
  defineGlobalPromise(scope) {
    saved.Promise = scope.Promise;
    saved.assert = scope.assert;
    scope.Promise = P;
    scope.assert = assert;
  },
  removeGlobalPromise(scope) {
    scope.Promise = saved.Promise;
    if (saved.assert === undefined) delete scope.assert;
    else scope.assert = saved.assert;
  },
});
