import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def worker(name, delay):
    print(f"{now():.0f} ms: {name} starts")
    await asyncio.sleep(delay)
    print(f"{now():.0f} ms: {name} is done")
    return name.upper()

async def main():
    a = asyncio.create_task(worker("a", 0.2), name="a")
    b = asyncio.create_task(worker("b", 0.1), name="b")
    print(f"{now():.0f} ms: main created two tasks; neither has started")

    ra = await a  # main 在这里等待，a 和 b 同时在运行
    rb = await b  # 已经完成，无需等待
    print(f"{now():.0f} ms: main got {ra} and {rb}")

asyncio.run(main())
