import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms, to 10 ms

async def ticker(label):
    for _ in range(3):
        print(f"{now():.0f} ms: tick {label}")
        await asyncio.sleep(0.1)

def render():
    time.sleep(0.25)  # stands for blocking work: a sync library call, file I/O
    return "report.pdf"

async def main():
    # A blocking call on the loop's thread:
    ticks = asyncio.create_task(ticker("A"), name="ticker")
    time.sleep(0.25)  # nothing else runs for 250 ms, not even the ticker's start
    print(f"{now():.0f} ms: blocking call returned")
    await ticks

    # The same call in a worker thread: the loop keeps ticking meanwhile.
    ticks = asyncio.create_task(ticker("B"), name="ticker")
    report = await asyncio.to_thread(render)  # Python 3.9+
    print(f"{now():.0f} ms: the thread returned {report}")
    await ticks

asyncio.run(main())
