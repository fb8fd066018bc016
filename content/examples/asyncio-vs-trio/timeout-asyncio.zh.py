import asyncio
import time

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # 超时会抛出 TimeoutError（Python 3.11 起）。
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(0.3)
    except TimeoutError as e:
        print(f"{now()} ms: {type(e).__name__}")

    # 想超时后接着往下走，就捕获它；想多给点时间，就 reschedule。
    start = now()
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(loop.time() + 0.3)  # 事件循环时钟上的绝对时间
        await asyncio.sleep(0.2)
        print(f"{now() - start} ms later: finished, expired() = {cm.expired()}")


asyncio.run(main())
