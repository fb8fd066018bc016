# The article's WebSocket chat, fixed. WSMsgType is imported, and one slow
# client cannot stall the others. send_str() puts a message in the client's
# write buffer and returns at once; it waits only while that buffer is over the
# transport's high-water mark (64 KiB by default). So the server never lets a
# client's backlog get that far: a client more than MAX_BACKLOG bytes behind
# misses messages until it catches up (disconnecting it is the other usual
# choice). Healthy clients lose nothing and never wait for the slow one.
from aiohttp import WSMsgType, web

MAX_BACKLOG = 32 * 1024  # bytes, well below the 64 KiB high-water mark

clients: dict[web.WebSocketResponse, object] = {}  # socket -> its transport

async def broadcast(sender, text):
    for ws, transport in list(clients.items()):
        if ws is sender or ws.closed:
            continue
        if transport.get_write_buffer_size() > MAX_BACKLOG:
            continue  # far behind: drop this message for it
        await ws.send_str(text)  # returns at once: the buffer is below the mark

async def ws_handler(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    clients[ws] = request.transport
    try:
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                await broadcast(ws, msg.data)
            elif msg.type == WSMsgType.ERROR:
                print("connection closed with", ws.exception())
    finally:
        del clients[ws]
    return ws

def make_app():
    app = web.Application()
    app.router.add_get("/ws", ws_handler)
    return app

if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8080)
