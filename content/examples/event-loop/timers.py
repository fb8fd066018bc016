import asyncio

async def main() -> None:
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    def say(what: str) -> None:
        print(f"{(loop.time() - t0) * 1000:.0f} ms: {what}")

    loop.call_later(0.3, say, "the 300 ms timer")
    loop.call_later(0.1, say, "the first 100 ms timer")
    loop.call_later(0.1, say, "the second 100 ms timer")
    never = loop.call_later(0.2, say, "cancelled: never printed")
    never.cancel()
    loop.call_soon(say, "call_soon runs before any timer")
    say("timers set")
    await asyncio.sleep(0.35)

asyncio.run(main())
