import { gather, toThread } from 'miniloop';

// 六个阻塞任务交给默认的 4 线程池，
// 每个在自己的线程里占用给定的时间。
const durations = [100, 100, 100, 100, 100, 250];
const jobs = durations.map((ms, i) => toThread(() => `job ${i + 1}`, ms));
await gather(...jobs);
console.log('全部任务完成');
