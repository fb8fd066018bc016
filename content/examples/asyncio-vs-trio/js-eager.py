import asyncio


async def work() -> str:
    print("coroutine body runs")
    return "value"


async def main() -> None:
    coro = work()  # a coroutine object: nothing has run yet
    print("coroutine created")
    print(f"awaited {await coro}")  # the body runs now, inside this await

    task = asyncio.create_task(work())  # scheduled, not yet running
    print("task created")
    await asyncio.sleep(0)  # give the loop a turn: now it runs
    print(f"task result {task.result()}")


asyncio.run(main())
