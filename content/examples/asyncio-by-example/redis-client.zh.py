# 原文的 aioredis 示例，换成了现在的客户端：aioredis 已并入 redis-py（4.2+），
# 即 redis.asyncio；create_redis 是 aioredis 1.x 的 API。
import asyncio
import time

import redis.asyncio as redis

async def main():
    r = redis.from_url("redis://localhost:6379", decode_responses=True)
    try:
        await r.set("key", "value")
        print(await r.get("key"))

        start = time.perf_counter()
        for _ in range(10):
            await r.incr("visits")  # 每次一个往返
        print(f"10 INCRs one by one: {(time.perf_counter() - start) * 1000:.1f} ms")

        start = time.perf_counter()
        async with r.pipeline(transaction=False) as pipe:
            for _ in range(10):
                pipe.incr("visits")  # 先排队，还没发送
            await pipe.execute()  # 十条命令一次往返
        print(f"10 INCRs sent together: {(time.perf_counter() - start) * 1000:.1f} ms")
        print("visits =", await r.get("visits"))
    finally:
        await r.aclose()  # redis-py 5.0.1 起；更早的版本用 await r.close()

if __name__ == "__main__":
    asyncio.run(main())
