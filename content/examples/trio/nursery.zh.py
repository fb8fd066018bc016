import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def child(name: str, seconds: float) -> None:
    print(f"{now()} ms: {name} starts")
    await trio.sleep(seconds)
    print(f"{now()} ms: {name} done")


async def main() -> None:
    print("opening the nursery")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, "a", 0.3)
        nursery.start_soon(child, "b", 0.1)
        print(f"{now()} ms: the body ends here, a and b have not even started")
    print(f"{now()} ms: nursery closed, so a and b are both finished")


trio.run(main)
