// The article's aioredis example with today's client: aioredis was folded
// into redis-py as redis.asyncio. Each command is a round trip (~1 ms here,
// a server in the same data centre); commands sent together are pipelined.
import { kv, now } from 'miniloop';

const redis = await kv.connect('redis://redis:6379');
try {
  await redis.set('key', 'value');
  console.log(await redis.get('key'));

  let start = now();
  for (let i = 0; i < 10; i++) await redis.incr('visits');
  console.log(`10 INCRs one by one: ${(now() - start).toFixed(1)} ms`);

  start = now();
  await Promise.all(Array.from({ length: 10 }, () => redis.incr('visits')));
  console.log(`10 INCRs sent together: ${(now() - start).toFixed(1)} ms`);
  console.log('visits =', await redis.get('visits'));
} finally {
  redis.close();
}
