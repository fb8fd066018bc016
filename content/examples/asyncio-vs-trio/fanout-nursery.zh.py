import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def fetch(name: str, seconds: float) -> None:
    try:
        await trio.sleep(seconds)
        print(f"{now()} ms: {name} done")
    except trio.Cancelled:
        print(f"{now()} ms: {name} cancelled")
        raise


async def broken() -> None:
    await trio.sleep(0.15)
    raise ValueError("bad response")


async def main() -> None:
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fetch, "a", 0.1)
            nursery.start_soon(fetch, "b", 0.3)
            nursery.start_soon(broken)
    except* ValueError as group:
        first = group.exceptions[0]
        print(f"{now()} ms: caught ExceptionGroup: {type(first).__name__}: {first}")


# 从 trio 0.25 起 strict_exception_groups=True 是默认值。
trio.run(main, strict_exception_groups=True)
