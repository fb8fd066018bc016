# 原文的 aiohttp 服务器，换成现在的 API：`from aiohttp import web`，
# 不传 loop 参数，也不用 make_handler。AppRunner 在我们自己的 asyncio.run()
# 里启动服务器，于是同一个程序接着还能扮演 100 个客户端。和在线示例一样，
# 每个请求都新开一个连接（force_close=True）；真实的客户端会用一个会话
# 保持长连接（见 http-client）。
import asyncio
import html
import time

import aiohttp
from aiohttp import web

async def index(request):
    return web.Response(text="<h1>Index</h1>", content_type="text/html")

async def hello(request):
    name = html.escape(request.match_info["name"])  # 输入不转义绝不原样输出
    await asyncio.sleep(0.1)  # 等一件慢事，但不阻塞事件循环
    return web.Response(text=f"<h1>Hello, {name}!</h1>", content_type="text/html")

def make_app():
    app = web.Application()
    app.add_routes([web.get("/", index), web.get("/hello/{name}", hello)])
    return app

async def main():
    runner = web.AppRunner(make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    print("Server started at http://127.0.0.1:8080")
    try:
        connector = aiohttp.TCPConnector(force_close=True)  # 每个请求一个新连接
        async with aiohttp.ClientSession(connector=connector) as session:
            async def get(path):
                async with session.get("http://127.0.0.1:8080" + path) as resp:
                    return resp.status, resp.content_type, await resp.text()

            print(*await get("/"))

            start = time.perf_counter()
            for i in range(5):
                await get(f"/hello/user{i}")
            print(f"5 requests one after another: {(time.perf_counter() - start) * 1000:.0f} ms")

            start = time.perf_counter()
            responses = await asyncio.gather(*(get(f"/hello/user{i}") for i in range(100)))
            print(responses[42][2])
            print(f"100 clients at the same time: {(time.perf_counter() - start) * 1000:.0f} ms")
    finally:
        await runner.cleanup()

if __name__ == "__main__":
    asyncio.run(main())
    # 单独运行服务器不需要 asyncio.run：web.run_app(make_app(), port=8080)
