import asyncio
import time

async def worker(name: str) -> None:
    print(f"{name}: step 1")
    # asyncio has no microtask queue: a future's callbacks go through call_soon.
    await asyncio.sleep(0)  # back to the end of the ready queue
    print(f"{name}: step 2")

async def main() -> None:
    loop = asyncio.get_running_loop()
    # Keep a reference to every task: the loop holds only a weak one.
    workers = [asyncio.create_task(worker("A")), asyncio.create_task(worker("B"))]
    loop.call_soon(print, "a plain callback, queued after A and B")
    await asyncio.sleep(0.01)

    t0 = loop.time()
    async def late() -> None:
        print(f"late: ready at once, runs {(loop.time() - t0) * 1000:.0f} ms later")
    task = asyncio.create_task(late())
    time.sleep(0.03)  # main keeps the thread for 30 ms
    await task
    await asyncio.gather(*workers)

asyncio.run(main())
