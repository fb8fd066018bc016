import asyncio
import time

start = time.perf_counter()

def now() -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"

async def download(name: str) -> str:
    print(f"{now()}: start {name}")
    await asyncio.sleep(0.1)  # 在等待，但事件循环是空闲的
    print(f"{now()}: got {name}")
    return f"<{name}>"

async def main() -> None:
    pages = await asyncio.gather(download("a"), download("b"), download("c"))
    print(f"{now()}: all done: {' '.join(pages)}")

asyncio.run(main())
