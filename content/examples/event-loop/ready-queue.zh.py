import asyncio

async def main() -> None:
    loop = asyncio.get_running_loop()

    def a() -> None:
        print("A runs (turn 1)")
        loop.call_soon(lambda: print("C runs (turn 2): A scheduled it during turn 1"))

    loop.call_soon(a)
    loop.call_soon(lambda: print("B runs (turn 1)"))
    print("main scheduled A and B")
    await asyncio.sleep(0.01)  # 让事件循环在 main 返回前运行它们

asyncio.run(main())
