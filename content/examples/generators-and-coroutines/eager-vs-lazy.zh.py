import asyncio


async def greet(name: str) -> str:
    print(f"greet({name}) starts")
    await asyncio.sleep(0.01)
    return f"hi, {name}"


async def main() -> None:
    # 在 Python 里，调用异步函数只会创建一个协程对象：
    # 在被 await（或包装成任务）之前，函数体一行都不会执行。
    coro = greet("py")
    print("greet() has been called")
    print(await coro)


asyncio.run(main())
