import asyncio


async def work() -> str:
    print("coroutine body runs")
    return "value"


async def main() -> None:
    coro = work()  # 一个协程对象，还什么都没运行
    print("coroutine created")
    print(f"awaited {await coro}")  # 函数体这时才运行，就在这个 await 里

    task = asyncio.create_task(work())  # 已排入调度，但还没运行
    print("task created")
    await asyncio.sleep(0)  # 让事件循环转一轮，它这才运行
    print(f"task result {task.result()}")


asyncio.run(main())
