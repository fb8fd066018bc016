import asyncio
import time

start = time.perf_counter()

def now() -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"

async def worker(name: str) -> None:
    for step in (1, 2):
        print(f"{now()}: {name} computes step {step}")
        time.sleep(0.03)  # 在事件循环的线程上计算 30 ms
        await asyncio.sleep(0.1)  # 等 I/O 时，事件循环去运行别的任务

async def main() -> None:
    await asyncio.gather(worker("A"), worker("B"), worker("C"))
    print(f"{now()}: done")

asyncio.run(main())
