import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def download():
    try:
        print(f"{now():.0f} ms: download starts")
        await asyncio.sleep(1)
        return "file"
    finally:
        print(f"{now():.0f} ms: download closes its connection")  # 被取消时也会执行

async def save():
    await asyncio.sleep(0.3)
    print(f"{now():.0f} ms: save finished")

async def wait_shielded(saving):
    await asyncio.shield(saving)

async def main():
    task = asyncio.create_task(download(), name="download")
    await asyncio.sleep(0.1)
    task.cancel()  # 只是请求取消：CancelledError 会在任务的 await 处抛进去
    try:
        await task
    except asyncio.CancelledError:
        print(f"{now():.0f} ms: awaiting it raised CancelledError, cancelled() = {task.cancelled()}")

    # shield：取消等待者，不会取消它所等待的工作。
    saving = asyncio.create_task(save(), name="save")
    waiter = asyncio.create_task(wait_shielded(saving), name="waiter")
    await asyncio.sleep(0.1)
    waiter.cancel()
    await asyncio.sleep(0)
    print(f"{now():.0f} ms: waiter cancelled = {waiter.cancelled()}, save done = {saving.done()}")
    await saving

asyncio.run(main())
