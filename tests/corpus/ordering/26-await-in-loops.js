// Sequential awaits in a loop versus starting everything first and awaiting
// in order.
function delay(ms, v) {
  return new Promise((r) => setTimeout(() => {
    console.log('settle', v);
    r(v);
  }, ms));
}
async function sequential() {
  for (const [ms, v] of [[40, 's1'], [20, 's2']]) {
    console.log('seq await', v);
    console.log('seq got', await delay(ms, v));
  }
  console.log('sequential done');
}
async function parallel() {
  const ps = [delay(120, 'p1'), delay(100, 'p2')];
  for (const p of ps) {
    console.log('par got', await p);
  }
  console.log('parallel done');
}
await sequential();
await parallel();
let i = 0;
while (i < 3) {
  await null;
  console.log('while', i++);
}
