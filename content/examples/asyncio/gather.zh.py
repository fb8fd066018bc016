import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def fetch_page(number, delay):
    await asyncio.sleep(delay)
    if number == 3:
        raise ValueError(f"page {number} is broken")
    return f"page {number}"

async def main():
    # 同时下载三页，总耗时取决于最慢的那个，而不是三者之和。
    pages = await asyncio.gather(fetch_page(1, 0.3), fetch_page(2, 0.1), fetch_page(4, 0.2))
    print(f"{now():.0f} ms:", pages)  # 按传入的顺序，而不是完成的顺序

    # 有一个失败了。加上 return_exceptions，异常会占据它在列表里的位置。
    results = await asyncio.gather(fetch_page(3, 0.05), fetch_page(5, 0.1), return_exceptions=True)
    print(f"{now():.0f} ms:", [f"{type(r).__name__}: {r}" if isinstance(r, Exception) else r for r in results])

    # 不加的话，第一个异常由 gather 自己抛出。
    try:
        await asyncio.gather(fetch_page(3, 0.05), fetch_page(6, 0.1))
    except ValueError as e:
        print(f"{now():.0f} ms: gather raised {e}")

asyncio.run(main())
