import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # 超时会抛出 TooSlowError。
    try:
        with trio.fail_after(0.1):
            await trio.sleep(0.3)
    except trio.TooSlowError as e:
        print(f"{now()} ms: {type(e).__name__}")

    # move_on_after 超时后直接继续，不抛异常；截止时间可以挪动。
    start = now()
    with trio.move_on_after(0.1) as scope:
        scope.deadline = trio.current_time() + 0.3  # 绝对时间
        await trio.sleep(0.2)
        print(f"{now() - start} ms later: finished")
    print(f"cancelled_caught = {scope.cancelled_caught}")


trio.run(main)
