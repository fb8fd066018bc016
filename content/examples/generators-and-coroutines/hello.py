import asyncio


async def hello() -> str:
    print("Hello...")
    await asyncio.sleep(0.1)  # suspends hello; the loop is free meanwhile
    print("world!")
    return "Done."


result = asyncio.run(hello())
print(result)
