import time

import trio

START = time.monotonic()


def now() -> int:
    """从开始到现在的 ms 数，相当于在线示例里的 now()。"""
    return round((time.monotonic() - START) * 1000)


async def server(task_status=trio.TASK_STATUS_IGNORED) -> None:
    print(f"{now()} ms: server: binding a port")
    await trio.sleep(0.2)  # 调用方必须等它完成的准备工作
    task_status.started(8080)  # 此时 nursery.start(...) 返回 8080
    for i in range(1, 3):
        await trio.sleep(0.1)
        print(f"{now()} ms: server: answered request {i}")


async def client(port: int) -> None:
    print(f"{now()} ms: client: connecting to port {port}")


async def main() -> None:
    async with trio.open_nursery() as nursery:
        port = await nursery.start(server)
        print(f"{now()} ms: main: server is ready on {port}")
        nursery.start_soon(client, port)
    print(f"{now()} ms: main: server and client both finished")


trio.run(main)
