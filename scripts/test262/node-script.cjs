// Runs one test262 test on Node as test262 means it: a classic script in the
// main realm (var and function declarations are properties of the global
// object, `this` is the global object), not a CommonJS module, whose wrapper
// function would hide both. Used by scripts/test262-async.mjs for Node's
// baseline.
const { runInThisContext } = require('node:vm');
const { readFileSync } = require('node:fs');

// Node's own report of an unhandled rejection whose reason is not an Error says only
// "[object Object]"; this one names it as miniloop's report does ("Unhandled promise
// rejection: Test262Error: ..."), so the two compare. The exit is Node's: status 1, at once.
process.on('unhandledRejection', (reason) => {
  let name = typeof reason;
  try {
    if (typeof reason === 'object' && reason !== null) name = String(reason.constructor.name);
  } catch {
    // A reason whose constructor cannot be read keeps its type as its name.
  }
  process.stderr.write(`Unhandled promise rejection: ${name}: ${name === 'string' ? reason : ''}\n`);
  process.exit(1);
});

const file = process.argv[2];
runInThisContext(readFileSync(file, 'utf8'), { filename: file });
