import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def ticker(label):
    for _ in range(3):
        print(f"{now():.0f} ms: tick {label}")
        await asyncio.sleep(0.1)

def render():
    time.sleep(0.25)  # 代表阻塞的工作，比如同步库调用、文件 I/O
    return "report.pdf"

async def main():
    # 在事件循环的线程上做阻塞调用：
    ticks = asyncio.create_task(ticker("A"), name="ticker")
    time.sleep(0.25)  # 250 ms 内什么都不能运行，连 ticker 都启动不了
    print(f"{now():.0f} ms: blocking call returned")
    await ticks

    # 同样的调用放到工作线程里，事件循环照常运转。
    ticks = asyncio.create_task(ticker("B"), name="ticker")
    report = await asyncio.to_thread(render)  # Python 3.9 起
    print(f"{now():.0f} ms: the thread returned {report}")
    await ticks

asyncio.run(main())
