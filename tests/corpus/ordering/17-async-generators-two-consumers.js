// Two consumers, each pulling from its own async generator: yields and
// awaits interleave tick by tick.
async function* counter(name, n) {
  for (let i = 0; i < n; i++) {
    console.log(name, 'yield', i);
    yield i;
    await null;
  }
  console.log(name, 'finished');
}
async function consumer(name, n) {
  let sum = 0;
  for await (const v of counter(name, n)) {
    console.log(name, 'received', v);
    sum += v;
  }
  console.log(name, 'sum', sum);
}
consumer('A', 3);
consumer('B', 2);
console.log('sync end');
