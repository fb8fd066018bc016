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
        raise  # 绝不要吞掉 Cancelled


async def broken() -> None:
    await trio.sleep(0.15)
    print(f"{now()} ms: broken raises ValueError")
    raise ValueError("bad response")


async def main() -> None:
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fetch, "a", 0.1)
            nursery.start_soon(fetch, "b", 0.3)
            nursery.start_soon(broken)
    except* ValueError as group:
        for sub in group.exceptions:
            print(f"{now()} ms: caught {type(sub).__name__}: {sub}")
        print(f"(one ExceptionGroup, {len(group.exceptions)} error)")


# 从 trio 0.25 起 strict_exception_groups=True 是默认值，更早的 trio 需要显式写出。
trio.run(main, strict_exception_groups=True)
