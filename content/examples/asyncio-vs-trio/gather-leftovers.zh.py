import asyncio
import time

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def fetch(name: str, seconds: float) -> None:
    await asyncio.sleep(seconds)
    print(f"{now()} ms: {name} done")


async def broken() -> None:
    await asyncio.sleep(0.15)
    raise ValueError("bad response")


async def main() -> None:
    try:
        await asyncio.gather(fetch("a", 0.1), fetch("b", 0.3), broken())
    except ValueError as e:
        print(f"{now()} ms: main caught {type(e).__name__}, moves on")
    print(f"{now()} ms: main is doing something else")
    await asyncio.sleep(0.25)
    print(f"{now()} ms: main done")


asyncio.run(main())
