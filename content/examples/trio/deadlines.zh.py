import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # move_on_after：时间到了就悄悄放弃。
    with trio.move_on_after(0.1) as scope:
        await trio.sleep(0.3)
        print("not printed: the deadline came first")
    print(f"{now()} ms: moved on, cancelled_caught = {scope.cancelled_caught}")

    # fail_after：同样的截止时间，但超时算作错误。
    try:
        with trio.fail_after(0.1):
            await trio.sleep(0.3)
    except trio.TooSlowError as e:
        print(f"{now()} ms: fail_after raised {type(e).__name__}")

    # 带 at 的版本接受绝对时间（trio.current_time()），而不是时长。
    deadline = trio.current_time() + 0.05
    with trio.move_on_at(deadline) as fast:
        await trio.sleep(0.02)
    print(f"{now()} ms: done before the deadline, cancelled_caught = {fast.cancelled_caught}")


trio.run(main)
