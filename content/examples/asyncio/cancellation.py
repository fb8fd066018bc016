import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms, to 10 ms

async def download():
    try:
        print(f"{now():.0f} ms: download starts")
        await asyncio.sleep(1)
        return "file"
    finally:
        print(f"{now():.0f} ms: download closes its connection")  # runs on cancel too

async def save():
    await asyncio.sleep(0.3)
    print(f"{now():.0f} ms: save finished")

async def wait_shielded(saving):
    await asyncio.shield(saving)

async def main():
    task = asyncio.create_task(download(), name="download")
    await asyncio.sleep(0.1)
    task.cancel()  # a request: CancelledError is thrown into the task at its await
    try:
        await task
    except asyncio.CancelledError:
        print(f"{now():.0f} ms: awaiting it raised CancelledError, cancelled() = {task.cancelled()}")

    # shield: cancelling the waiter does not cancel the work it waits for.
    saving = asyncio.create_task(save(), name="save")
    waiter = asyncio.create_task(wait_shielded(saving), name="waiter")
    await asyncio.sleep(0.1)
    waiter.cancel()
    await asyncio.sleep(0)
    print(f"{now():.0f} ms: waiter cancelled = {waiter.cancelled()}, save done = {saving.done()}")
    await saving

asyncio.run(main())
