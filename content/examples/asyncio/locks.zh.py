import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

balance = 0

async def deposit():
    global balance
    seen = balance
    await asyncio.sleep(0.01)  # 比如一次数据库往返
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
    # 读-改-写中间夹着一个 await，更新会丢失。
    await asyncio.gather(deposit(), deposit(), deposit())
    print(f"without a lock: balance = {balance}")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_deposit(lock) for _ in range(3)))
    print(f"with a lock: balance = {balance}")

    # 信号量同一时刻最多放行 N 个任务——6 个下载，每次 2 个。
    slots = asyncio.Semaphore(2)
    await asyncio.gather(*(download(n, slots) for n in range(1, 7)))
    print(f"{now():.0f} ms: all downloads done")

asyncio.run(main())
