import asyncio
import time

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def stubborn() -> str:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelling = asyncio.current_task().cancelling()  # Python 3.11 起
        print(f"{now()} ms: CancelledError swallowed, cancelling() = {cancelling}")
    await asyncio.sleep(0.1)  # 取消请求只送达一次，没有什么能拦住这一句
    print(f"{now()} ms: still running")
    return "finished anyway"


async def main() -> None:
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    result = await task
    print(f'{now()} ms: task returned "{result}", cancelled() = {task.cancelled()}')


asyncio.run(main())
