import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def crunch(n: int) -> int:
    time.sleep(0.1)  # 阻塞调用（和大多数 I/O 一样会释放 GIL）
    return n * n

async def main() -> None:
    t0 = time.perf_counter()
    on_loop = [crunch(n) for n in range(1, 7)]  # 阻塞了事件循环，别这样写
    print(f"on the loop: {', '.join(map(str, on_loop))} in {(time.perf_counter() - t0) * 1000:.0f} ms")

    # asyncio.to_thread 在事件循环的默认执行器里运行，这里有 4 个线程。
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=4))
    t0 = time.perf_counter()
    in_threads = await asyncio.gather(*(asyncio.to_thread(crunch, n) for n in range(1, 7)))
    print(f"in 4 threads: {', '.join(map(str, in_threads))} in {(time.perf_counter() - t0) * 1000:.0f} ms")

asyncio.run(main())
