import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def fetch(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{now():.0f} ms: {name} ok")
        return name
    except asyncio.CancelledError:
        print(f"{now():.0f} ms: {name} cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:  # Python 3.11 起
            tg.create_task(fetch("users", 0.1))
            tg.create_task(fetch("orders", 0.2, fail=True))
            tg.create_task(fetch("stock", 0.5))
        # 所有任务都结束后，这个代码块才结束
        print("not reached")
    except* ValueError as eg:
        for e in eg.exceptions:
            print(f"{now():.0f} ms: the group raised {type(e).__name__}: {e}")

asyncio.run(main())
