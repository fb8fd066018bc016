# The article's aioredis example with today's client: aioredis was merged into
# redis-py (4.2+) as redis.asyncio; create_redis was the aioredis 1.x API.
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
            await r.incr("visits")  # one round trip each
        print(f"10 INCRs one by one: {(time.perf_counter() - start) * 1000:.1f} ms")

        start = time.perf_counter()
        async with r.pipeline(transaction=False) as pipe:
            for _ in range(10):
                pipe.incr("visits")  # queued, not sent yet
            await pipe.execute()  # all ten in one round trip
        print(f"10 INCRs sent together: {(time.perf_counter() - start) * 1000:.1f} ms")
        print("visits =", await r.get("visits"))
    finally:
        await r.aclose()  # redis-py 5.0.1+; older versions: await r.close()

if __name__ == "__main__":
    asyncio.run(main())
