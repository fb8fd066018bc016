import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms, to 10 ms

balance = 0

async def deposit():
    global balance
    seen = balance
    await asyncio.sleep(0.01)  # e.g. a round trip to a database
    balance = seen + 10

async def locked_deposit(lock):
    async with lock:
        await deposit()

async def download(number, slots):
    async with slots:
        print(f"{now():.0f} ms: download {number} starts")
        await asyncio.sleep(0.1)

async def main():
    global balance
    # A read-modify-write with an await in the middle: updates get lost.
    await asyncio.gather(deposit(), deposit(), deposit())
    print(f"without a lock: balance = {balance}")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_deposit(lock) for _ in range(3)))
    print(f"with a lock: balance = {balance}")

    # A semaphore lets at most N tasks in at once: 6 downloads, 2 at a time.
    slots = asyncio.Semaphore(2)
    await asyncio.gather(*(download(n, slots) for n in range(1, 7)))
    print(f"{now():.0f} ms: all downloads done")

asyncio.run(main())
