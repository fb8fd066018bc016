import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms，取整到 10 ms

async def worker(name, jobs):
    while True:
        job = await jobs.get()  # 队列为空时在此等待
        await asyncio.sleep(0.1)
        print(f"{now():.0f} ms: {name} finished {job}")
        jobs.task_done()  # 每次 get 对应一次 task_done，否则 join() 永远不会返回

async def main():
    jobs = asyncio.Queue(maxsize=2)  # 队列满时 put() 会等待
    workers = [asyncio.create_task(worker(name, jobs), name=name) for name in ("w1", "w2")]

    for job in "abcdef":
        await jobs.put(job)
        print(f"{now():.0f} ms: queued {job}")
    await jobs.join()  # 直到放入的每个任务都被标记为完成
    print(f"{now():.0f} ms: all jobs done")
    for w in workers:
        w.cancel()  # worker 协程会无限循环，要主动停掉

asyncio.run(main())
