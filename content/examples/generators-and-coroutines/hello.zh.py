import asyncio


async def hello() -> str:
    print("Hello...")
    await asyncio.sleep(0.1)  # 挂起 hello，事件循环在此期间空闲
    print("world!")
    return "Done."


result = asyncio.run(hello())
print(result)
