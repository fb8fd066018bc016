import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    with trio.move_on_after(0.1) as scope:
        try:
            await trio.sleep(1)
        except trio.Cancelled:
            print(f"{now()} ms: Cancelled swallowed")
        try:
            await trio.sleep(0.1)  # 仍在已取消的作用域里，这是一个检查点
            print("not printed")
        except trio.Cancelled:
            print(f"{now()} ms: the next checkpoint raised Cancelled again")
            raise
    print(f"{now()} ms: scope exited, cancelled_caught = {scope.cancelled_caught}")


trio.run(main)
