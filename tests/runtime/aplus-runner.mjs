// Runs the Promises/A+ conformance suite (promises-aplus-tests, mocha based)
// against createPromiseClass. Spawned by promise-aplus.test.ts with Node 22,
// which strips the TypeScript types of the imported module natively.
// Prints one line of JSON: { passes, failures, failedTitles }.
import { createRequire } from 'node:module';
import { run } from './promise-suite-host.mjs';

const require = createRequire(import.meta.url);
run(require('promises-aplus-tests'));
