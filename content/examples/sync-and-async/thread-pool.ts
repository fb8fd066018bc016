import { blockFor, gather, now, toThread } from 'miniloop';

// The same six 100 ms jobs, first on the loop's own thread, then on a pool
// of 4 simulated threads.
function crunch(n: number) {
  return () => n * n;
}

let t0 = now();
const onLoop = [1, 2, 3, 4, 5, 6].map((n) => {
  blockFor(100); // one after another: nothing else can run meanwhile
  return crunch(n)();
});
console.log(`on the loop: ${onLoop.join(', ')} in ${now() - t0} ms`);

t0 = now();
const jobs = [1, 2, 3, 4, 5, 6].map((n) => toThread(crunch(n), 100));
const inThreads = await gather(...jobs);
console.log(`in 4 threads: ${inThreads.join(', ')} in ${now() - t0} ms`);
