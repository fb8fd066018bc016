import asyncio
import time

T0 = time.perf_counter()

def now():
    return round((time.perf_counter() - T0) * 1000, -1)  # ms, to 10 ms

async def worker(name, jobs):
    while True:
        job = await jobs.get()  # waits while the queue is empty
        await asyncio.sleep(0.1)
        print(f"{now():.0f} ms: {name} finished {job}")
        jobs.task_done()  # one task_done per get, or join() never returns

async def main():
    jobs = asyncio.Queue(maxsize=2)  # put() waits when full
    workers = [asyncio.create_task(worker(name, jobs), name=name) for name in ("w1", "w2")]

    for job in "abcdef":
        await jobs.put(job)
        print(f"{now():.0f} ms: queued {job}")
    await jobs.join()  # until every job put has been marked done
    print(f"{now():.0f} ms: all jobs done")
    for w in workers:
        w.cancel()  # the workers loop forever: stop them

asyncio.run(main())
