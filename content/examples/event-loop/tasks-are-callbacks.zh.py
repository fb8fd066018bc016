import asyncio
import time

async def worker(name: str) -> None:
    print(f"{name}: step 1")
    # asyncio 没有微任务队列，future 的回调都经由 call_soon 调度。
    await asyncio.sleep(0)  # 回到就绪队列的末尾
    print(f"{name}: step 2")

async def main() -> None:
    loop = asyncio.get_running_loop()
    # 每个任务都要自己留着引用，事件循环只持有弱引用。
    workers = [asyncio.create_task(worker("A")), asyncio.create_task(worker("B"))]
    loop.call_soon(print, "a plain callback, queued after A and B")
    await asyncio.sleep(0.01)

    t0 = loop.time()
    async def late() -> None:
        print(f"late: ready at once, runs {(loop.time() - t0) * 1000:.0f} ms later")
    task = asyncio.create_task(late())
    time.sleep(0.03)  # main 占着线程 30 ms
    await task
    await asyncio.gather(*workers)

asyncio.run(main())
