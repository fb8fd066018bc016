import { gather, toThread } from 'miniloop';

// Six blocking jobs handed to the default pool of 4 threads.
// Each takes the given time in its thread.
const durations = [100, 100, 100, 100, 100, 250];
const jobs = durations.map((ms, i) => toThread(() => `job ${i + 1}`, ms));
await gather(...jobs);
console.log('all jobs done');
