import asyncio
from vclock import log, run


async def getter(name, q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            log(f'{name}: QueueShutDown')
            return
        log(f'{name} got {item}')
        await asyncio.sleep(0.1)
        q.task_done()


async def putter(q, item):
    try:
        await q.put(item)
        log(f'put {item}')
    except asyncio.QueueShutDown:
        log(f'put {item}: QueueShutDown')


async def main():
    # Queue.shutdown() (3.13): put raises at once, get drains what is left
    # and then raises; shutdown(immediate=True) drops the items and wakes join().
    q = asyncio.Queue(1)
    getters = [asyncio.create_task(getter(n, q)) for n in ('g1', 'g2')]
    for i in range(3):
        await q.put(i)
    await asyncio.sleep(0.05)
    late = asyncio.create_task(putter(q, 'late'))
    await asyncio.sleep(0)
    q.shutdown()
    log(f'shut down, size {q.qsize()}')
    try:
        q.put_nowait('x')
    except asyncio.QueueShutDown:
        log('put_nowait: QueueShutDown')
    await asyncio.gather(*getters, late)
    log(f'getters ended, size {q.qsize()}')

    q2 = asyncio.Queue()
    for i in range(3):
        q2.put_nowait(i)
    joiner = asyncio.create_task(q2.join())
    await asyncio.sleep(0.1)
    q2.shutdown(immediate=True)
    log(f'immediate: size {q2.qsize()}')
    await joiner
    log('join() returned')


run(main())
