# The article's aiohttp client, run with asyncio.run instead of
# the old event-loop calls. One ClientSession for all requests:
# it keeps connections open and reuses them.
import asyncio
import time

import aiohttp

async def fetch(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return response.status, await response.text()

async def main():
    connector = aiohttp.TCPConnector(limit=5)  # the default limit is 100
    async with aiohttp.ClientSession(connector=connector) as session:
        print(*await fetch(session, "http://example.com/1"))

        start = time.perf_counter()
        for i in range(2, 6):
            await fetch(session, f"http://example.com/{i}")
        print(f"4 pages one after another on one connection: {(time.perf_counter() - start) * 1000:.0f} ms")

        start = time.perf_counter()
        await asyncio.gather(*(fetch(session, f"http://example.com/{i}") for i in range(1, 21)))
        print(f"20 pages at once, at most 5 connections: {(time.perf_counter() - start) * 1000:.0f} ms")
    # leaving `async with` closes the session and its connections

if __name__ == "__main__":
    asyncio.run(main())
