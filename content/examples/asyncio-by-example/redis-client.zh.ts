// 原文的 aioredis 示例，换成今天的客户端：aioredis 已并入 redis-py，成为 redis.asyncio。
// 每条命令是一次往返（这里约 1 ms，相当于同一机房里的服务器）；
// 一起发出的命令会走管道。
import { kv, now } from 'miniloop';

const redis = await kv.connect('redis://redis:6379');
try {
  await redis.set('key', 'value');
  console.log(await redis.get('key'));

  let start = now();
  for (let i = 0; i < 10; i++) await redis.incr('visits');
  console.log(`10 次 INCR 逐条执行：${(now() - start).toFixed(1)} ms`);

  start = now();
  await Promise.all(Array.from({ length: 10 }, () => redis.incr('visits')));
  console.log(`10 次 INCR 一起发出：${(now() - start).toFixed(1)} ms`);
  console.log('visits =', await redis.get('visits'));
} finally {
  redis.close();
}
