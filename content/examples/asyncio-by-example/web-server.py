# The article's aiohttp server with today's API: `from aiohttp import web`,
# no loop argument, no make_handler. AppRunner starts the server inside our own
# asyncio.run(), so the same program can then play 100 clients. Like the
# playground, every request opens a new connection (force_close=True); a real
# client would keep one session with keep-alive connections (see http-client).
import asyncio
import html
import time

import aiohttp
from aiohttp import web

async def index(request):
    return web.Response(text="<h1>Index</h1>", content_type="text/html")

async def hello(request):
    name = html.escape(request.match_info["name"])  # never echo input unescaped
    await asyncio.sleep(0.1)  # waiting for something slow, without blocking the loop
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
        connector = aiohttp.TCPConnector(force_close=True)  # a new connection per request
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
    # A server on its own needs no asyncio.run: web.run_app(make_app(), port=8080)
