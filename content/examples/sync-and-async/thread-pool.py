import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def crunch(n: int) -> int:
    time.sleep(0.1)  # a blocking call (it releases the GIL, like most I/O)
    return n * n

async def main() -> None:
    t0 = time.perf_counter()
    on_loop = [crunch(n) for n in range(1, 7)]  # blocks the loop: don't do this
    print(f"on the loop: {', '.join(map(str, on_loop))} in {(time.perf_counter() - t0) * 1000:.0f} ms")

    # asyncio.to_thread runs in the loop's default executor: here 4 threads.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=4))
    t0 = time.perf_counter()
    in_threads = await asyncio.gather(*(asyncio.to_thread(crunch, n) for n in range(1, 7)))
    print(f"in 4 threads: {', '.join(map(str, in_threads))} in {(time.perf_counter() - t0) * 1000:.0f} ms")

asyncio.run(main())
