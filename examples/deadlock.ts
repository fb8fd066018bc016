// A deadlock: each task waits for the other's future before setting its own.
// Nothing can ever wake them, so the run stops with a report naming both
// (like Go's "all goroutines are asleep"). Exit status 1.
import { createTask, Future } from 'miniloop';

const forkReady = new Future<string>({ kind: 'future', what: 'the fork (set by bob)' });
const knifeReady = new Future<string>({ kind: 'future', what: 'the knife (set by alice)' });

const alice = createTask(async () => {
  console.log('alice: waiting for the fork');
  await forkReady;
  knifeReady.setResult('knife');
}, { name: 'alice' });

const bob = createTask(async () => {
  console.log('bob: waiting for the knife');
  await knifeReady;
  forkReady.setResult('fork');
}, { name: 'bob' });

await alice;
await bob;
console.log('never printed');
