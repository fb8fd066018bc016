# 原文的 WebSocket 聊天室，修好了：导入了 WSMsgType，一个慢客户端也拖不住
# 其他人。send_str() 把消息放进该客户端的写缓冲区后立即返回，只有缓冲区
# 超过传输层的高水位线（默认 64 KiB）时才会等待。所以服务器绝不让某个客户端
# 积压到那个程度：落后超过 MAX_BACKLOG 字节的客户端会漏掉消息，直到追上为止
# （另一种常见做法是直接断开它）。正常的客户端一条不丢，也从不等慢的那个。
from aiohttp import WSMsgType, web

MAX_BACKLOG = 32 * 1024  # 字节，远低于 64 KiB 的高水位线

clients: dict[web.WebSocketResponse, object] = {}  # socket -> 它的传输层对象

async def broadcast(sender, text):
    for ws, transport in list(clients.items()):
        if ws is sender or ws.closed:
            continue
        if transport.get_write_buffer_size() > MAX_BACKLOG:
            continue  # 落后太多，这条消息就不发给它了
        await ws.send_str(text)  # 立即返回，因为缓冲区低于高水位线

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
