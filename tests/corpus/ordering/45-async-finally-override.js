// try/finally in async functions: an await inside finally delays the
// result; a return inside finally overrides both return values and errors.
async function awaitInFinally() {
  try {
    return 'try value';
  } finally {
    console.log('finally 1 start');
    await null;
    console.log('finally 1 after await');
  }
}
async function overrideReturn() {
  try {
    return 'lost';
  } finally {
    return 'from finally';
  }
}
async function overrideThrow() {
  try {
    throw new Error('lost error');
  } finally {
    return 'swallowed';
  }
}
awaitInFinally().then((v) => console.log('1 ->', v));
overrideReturn().then((v) => console.log('2 ->', v));
overrideThrow().then((v) => console.log('3 ->', v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
