import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms, to 10 ms

async def fetch_page(number, delay):
    await asyncio.sleep(delay)
    if number == 3:
        raise ValueError(f"page {number} is broken")
    return f"page {number}"

async def main():
    # Three downloads at once: the total is the slowest, not the sum.
    pages = await asyncio.gather(fetch_page(1, 0.3), fetch_page(2, 0.1), fetch_page(4, 0.2))
    print(f"{now():.0f} ms:", pages)  # in the order given, not the order finished

    # One fails: with return_exceptions the error takes its place in the list.
    results = await asyncio.gather(fetch_page(3, 0.05), fetch_page(5, 0.1), return_exceptions=True)
    print(f"{now():.0f} ms:", [f"{type(r).__name__}: {r}" if isinstance(r, Exception) else r for r in results])

    # Without it, the first error is raised by gather itself.
    try:
        await asyncio.gather(fetch_page(3, 0.05), fetch_page(6, 0.1))
    except ValueError as e:
        print(f"{now():.0f} ms: gather raised {e}")

asyncio.run(main())
