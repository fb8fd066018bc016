import asyncio


async def greet(name: str) -> str:
    print(f"greet({name}) starts")
    await asyncio.sleep(0.01)
    return f"hi, {name}"


async def main() -> None:
    # In Python, calling an async function only creates a coroutine object:
    # nothing of its body runs until it is awaited (or wrapped in a task).
    coro = greet("py")
    print("greet() has been called")
    print(await coro)


asyncio.run(main())
