import asyncio

async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    query = await reader.read(100)
    await asyncio.sleep(0.2)  # 代表服务器在别处干活
    writer.write(b"result of " + query)
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def ticker(t0: float) -> None:
    loop = asyncio.get_running_loop()
    for _ in range(5):
        await asyncio.sleep(0.06)
        print(f"{(loop.time() - t0) * 1000:.0f} ms: ticker")

async def main() -> None:
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t0 = loop.time()
    tick = asyncio.create_task(ticker(t0))

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(f"{(loop.time() - t0) * 1000:.0f} ms: connected, sending the query")
    writer.write(b"SELECT 1")
    reply = await reader.read(100)  # 任务在等，事件循环不等
    print(f"{(loop.time() - t0) * 1000:.0f} ms: {reply.decode()}")

    writer.close()
    await writer.wait_closed()
    await tick
    server.close()
    await server.wait_closed()

asyncio.run(main())
