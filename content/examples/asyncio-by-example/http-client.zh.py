# 原文的 aiohttp 客户端，用 asyncio.run 取代旧的事件循环调用。
# 所有请求共用一个 ClientSession，它会保持连接并复用。
import asyncio
import time

import aiohttp

async def fetch(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return response.status, await response.text()

async def main():
    connector = aiohttp.TCPConnector(limit=5)  # 默认上限是 100
    async with aiohttp.ClientSession(connector=connector) as session:
        print(*await fetch(session, "http://example.com/1"))

        start = time.perf_counter()
        for i in range(2, 6):
            await fetch(session, f"http://example.com/{i}")
        print(f"4 pages one after another on one connection: {(time.perf_counter() - start) * 1000:.0f} ms")

        start = time.perf_counter()
        await asyncio.gather(*(fetch(session, f"http://example.com/{i}") for i in range(1, 21)))
        print(f"20 pages at once, at most 5 connections: {(time.perf_counter() - start) * 1000:.0f} ms")
    # 离开 `async with` 时会关闭会话及其连接

if __name__ == "__main__":
    asyncio.run(main())
