import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    with trio.move_on_after(0.1):
        # 内层作用域无法延长外层的截止时间，最早的那个说了算。
        with trio.move_on_after(1.0):
            left = trio.current_effective_deadline() - trio.current_time()
            print(f"{now()} ms: effective deadline in {left * 1000:.0f} ms")
            try:
                await trio.sleep(0.5)
            finally:
                print(f"{now()} ms: cancelled, cleaning up")
                # 没有 shield 的话，这个 sleep 会立刻抛出 Cancelled。
                with trio.CancelScope(shield=True):
                    await trio.sleep(0.05)  # 比如跟服务器道个别
                    print(f"{now()} ms: cleanup finished under the shield")
    print(f"{now()} ms: moved on")


trio.run(main)
