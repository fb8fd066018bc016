import asyncio
from vclock import log, run


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        log(f'put {i} size {q.qsize()}')
    log('producer done')


async def consumer(name, q):
    while True:
        item = await q.get()
        log(f'{name} got {item}')
        await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(n, q)) for n in ['c1', 'c2']]
    await producer(q, 5)
    await q.join()
    log('queue joined')
    for c in consumers:
        c.cancel()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        log(f'get_nowait: {type(e).__name__}')
    q.put_nowait('a')
    q.put_nowait('b')
    try:
        q.put_nowait('c')
    except asyncio.QueueFull as e:
        log(f'put_nowait: {type(e).__name__} full {"yes" if q.full() else "no"}')


run(main())
