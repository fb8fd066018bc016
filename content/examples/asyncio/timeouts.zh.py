import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def query(delay):
    try:
        await asyncio.sleep(delay)
        return f"rows after {delay * 1000:.0f} ms"
    finally:
        print(f"{now():.0f} ms: query({delay * 1000:.0f}) cleans up")

async def main():
    async with asyncio.timeout(0.5):  # Python 3.11 起
        rows = await query(0.2)
    print(f"{now():.0f} ms: {rows}")

    try:
        async with asyncio.timeout(0.3):
            await query(1.0)  # 截止时间先到了
    except TimeoutError:  # 从 3.11 起 asyncio.TimeoutError 就是同一个类
        print(f"{now():.0f} ms: timeout() raised TimeoutError")

    # 旧写法，只作用于单个 awaitable：
    try:
        await asyncio.wait_for(query(1.0), 0.1)
    except TimeoutError:
        print(f"{now():.0f} ms: wait_for raised TimeoutError")

asyncio.run(main())
