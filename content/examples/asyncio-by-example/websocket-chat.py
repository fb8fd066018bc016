# The article's WebSocket chat, fixed: WSMsgType is imported, and a message is
# not sent by awaiting each client in turn. Each client has its own queue and
# a writer task, so a slow client only delays itself.
import asyncio

from aiohttp import WSMsgType, web

clients: dict[web.WebSocketResponse, asyncio.Queue] = {}

async def writer(ws, queue):
    while True:
        message = await queue.get()
        await ws.send_str(message)  # may be slow for this client only

async def ws_handler(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    queue = asyncio.Queue(maxsize=100)
    clients[ws] = queue
    sending = asyncio.create_task(writer(ws, queue))
    try:
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                for other, q in clients.items():
                    if other is not ws:
                        try:
                            q.put_nowait(msg.data)  # never waits
                        except asyncio.QueueFull:
                            pass  # 100 messages behind: drop (or disconnect it)
            elif msg.type == WSMsgType.ERROR:
                print("connection closed with", ws.exception())
    finally:
        del clients[ws]
        sending.cancel()
    return ws

def make_app():
    app = web.Application()
    app.router.add_get("/ws", ws_handler)
    return app

if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8080)
