import asyncio
import time

start = time.perf_counter()

def now() -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"

async def worker(name: str) -> None:
    for step in (1, 2):
        print(f"{now()}: {name} computes step {step}")
        time.sleep(0.03)  # 30 ms of work on the loop's thread
        await asyncio.sleep(0.1)  # waiting for I/O: the loop runs someone else

async def main() -> None:
    await asyncio.gather(worker("A"), worker("B"), worker("C"))
    print(f"{now()}: done")

asyncio.run(main())
