"""Run a chat server (the websocket-chat twin, or the article's loop) with
three clients and print what they saw as JSON (run by
tests/examples/aiohttp-twins.test.ts; the numbers on the page come from here).

ann sends BURST messages of 1 KB at once; "slow" never reads until bob is done
(its socket and the server's socket for it have small kernel buffers, so the
server's write buffer for it fills); bob reads everything, on default sockets. Printed: how many messages bob got, after how
many ms the last arrived, and how many slow got in the end.

Usage: python3 chat_check.py <path of websocket-chat.py> | article [BURST]
"""
import asyncio
import base64
import importlib.util
import json
import os
import socket
import sys
import time

import aiohttp
from aiohttp import WSMsgType, web

BURST = int(sys.argv[2]) if len(sys.argv) > 2 else 3000


def article_app():
    """The article's broadcast: await each client in turn."""
    clients = set()

    async def handler(request):
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        clients.add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    for other in list(clients):
                        if other is not ws:
                            await other.send_str(msg.data)
        finally:
            clients.discard(ws)
        return ws

    app = web.Application()
    app.router.add_get("/ws", handler)
    return app


def load_app(arg):
    if arg == "article":
        return article_app()
    spec = importlib.util.spec_from_file_location("twin", arg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_app()


def shrink_server_side(runner, client_port):
    """Give the server's socket for this client a 4 KB send buffer, so the
    kernel holds little and the slow client's backlog shows up in the
    transport's write buffer, where aiohttp's flow control looks."""
    for handler in runner.server.connections:
        sock = handler.transport.get_extra_info("socket")
        if handler.transport.get_extra_info("peername")[1] == client_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
            return
    raise RuntimeError("no server-side connection for the slow client")


async def slow_client(port, bob_done, got, runner):
    """A WebSocket client on a socket with a 4 KB receive buffer that does not read until bob is done."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    reader, writer = await asyncio.open_connection(sock=sock)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    await reader.readuntil(b"\r\n\r\n")
    shrink_server_side(runner, sock.getsockname()[1])
    got["slow_joined"] = True
    await bob_done.wait()
    count = 0
    try:
        while True:
            header = await asyncio.wait_for(reader.readexactly(2), 2)
            size = header[1] & 0x7F
            if size == 126:
                size = int.from_bytes(await reader.readexactly(2), "big")
            elif size == 127:
                size = int.from_bytes(await reader.readexactly(8), "big")
            await reader.readexactly(size)
            count += 1
    except (asyncio.TimeoutError, asyncio.IncompleteReadError):
        pass
    got["slow"] = count
    writer.close()
    await writer.wait_closed()


async def main(arg):
    runner = web.AppRunner(load_app(arg))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    got = {}
    bob_done = asyncio.Event()
    async with aiohttp.ClientSession() as session:
        ann = await session.ws_connect(f"http://127.0.0.1:{port}/ws")
        slow = asyncio.create_task(slow_client(port, bob_done, got, runner))
        while "slow_joined" not in got:
            await asyncio.sleep(0.01)
        bob = await session.ws_connect(f"http://127.0.0.1:{port}/ws")
        await asyncio.sleep(0.1)
        start = time.perf_counter()
        for i in range(BURST):
            await ann.send_str(f"{i:04d} " + "x" * 1019)
        count, last = 0, None
        try:
            while count < BURST:
                msg = await asyncio.wait_for(bob.receive(), 3)  # stalled: nothing for 3 s
                if msg.type != WSMsgType.TEXT:
                    break
                count += 1
                last = time.perf_counter()
        except asyncio.TimeoutError:
            pass
        got["bob"] = count
        got["bob_last_ms"] = None if last is None else round((last - start) * 1000, 1)
        bob_done.set()
        await slow
        await ann.close()
        await bob.close()
    await runner.cleanup()
    print(json.dumps(got))


asyncio.run(main(sys.argv[1]))
