// Leaving a for await loop early (break, return, throw) calls return() on
// the iterator, which runs the generator's finally block.
async function* numbers(name) {
  try {
    for (let i = 0; ; i++) {
      yield i;
      await null;
    }
  } finally {
    console.log(name, 'finally');
  }
}
async function withBreak() {
  for await (const v of numbers('A')) {
    console.log('A', v);
    if (v === 1) break;
  }
  console.log('A after loop');
}
async function withThrow() {
  try {
    for await (const v of numbers('B')) {
      console.log('B', v);
      throw new Error('stop');
    }
  } catch (e) {
    console.log('B caught', e.message);
  }
}
function* syncGen() {
  try {
    yield 'x';
    yield 'y';
  } finally {
    console.log('sync gen finally');
  }
}
async function syncBreak() {
  for await (const v of syncGen()) {
    console.log('C', v);
    break;
  }
  console.log('C after loop');
}
await withBreak();
await withThrow();
await syncBreak();
