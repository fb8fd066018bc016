import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def producer(name: str, send: trio.MemorySendChannel) -> None:
    async with send:  # 退出时关闭这个克隆
        for i in range(1, 3):
            await send.send(f"{name}{i}")  # 缓冲区满时在此等待
            print(f"{now()} ms: {name} handed over {name}{i}")


async def consumer(receive: trio.MemoryReceiveChannel) -> None:
    async with receive:
        async for item in receive:
            await trio.sleep(0.1)  # 一个慢消费者
            print(f"{now()} ms: consumer processed {item}")
    print(f"{now()} ms: every send end is closed, the loop ends")


async def main() -> None:
    send, receive = trio.open_memory_channel(0)  # 0 表示会合式通道，收发双方当面交接
    async with trio.open_nursery() as nursery:
        async with send:  # 只有克隆保持打开
            nursery.start_soon(producer, "a", send.clone())
            nursery.start_soon(producer, "b", send.clone())
        nursery.start_soon(consumer, receive)


trio.run(main)
