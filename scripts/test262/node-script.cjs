// Runs one test262 test on Node as test262 means it: a classic script in the
// main realm (var and function declarations are properties of the global
// object, `this` is the global object), not a CommonJS module, whose wrapper
// function would hide both. Used by scripts/test262-async.mjs for Node's
// baseline.
const { runInThisContext } = require('node:vm');
const { readFileSync } = require('node:fs');

const file = process.argv[2];
runInThisContext(readFileSync(file, 'utf8'), { filename: file });
