import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def crunch(name: str, with_checkpoints: bool) -> None:
    try:
        for chunk in range(1, 4):
            time.sleep(0.06)  # 阻塞线程，相当于 60 ms 的 CPU 计算
            print(f"{now()} ms: {name} finished chunk {chunk}")
            if with_checkpoints:
                await trio.lowlevel.checkpoint()
        print(f"{now()} ms: {name} ran to the end")
    except trio.Cancelled:
        print(f"{now()} ms: {name} cancelled at a checkpoint")
        raise


async def main() -> None:
    async with trio.open_nursery() as nursery:
        nursery.start_soon(crunch, "A", False)
        nursery.start_soon(crunch, "B", True)
        nursery.cancel_scope.cancel()
        print(f"{now()} ms: cancel() called before A or B has run")
    print(f"{now()} ms: nursery closed")


trio.run(main)
