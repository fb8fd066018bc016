import asyncio
import time

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def fetch(name: str, seconds: float) -> None:
    try:
        await asyncio.sleep(seconds)
        print(f"{now()} ms: {name} done")
    except asyncio.CancelledError:
        print(f"{now()} ms: {name} cancelled")
        raise


async def broken() -> None:
    await asyncio.sleep(0.15)
    raise ValueError("bad response")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:  # Python 3.11 起
            tg.create_task(fetch("a", 0.1))
            tg.create_task(fetch("b", 0.3))
            tg.create_task(broken())
    except* ValueError as group:
        first = group.exceptions[0]
        print(f"{now()} ms: caught {type(group).__name__}: {type(first).__name__}: {first}")


asyncio.run(main())
