import asyncio
from vclock import log, run


async def getter(name, q):
    try:
        v = await q.get()
        log(f'{name} got {v}')
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise


async def main():
    q = asyncio.Queue()
    ts = [asyncio.create_task(getter(n, q)) for n in ['g1', 'g2', 'g3']]
    await asyncio.sleep(0.1)
    ts[0].cancel()
    q.put_nowait('a')
    q.put_nowait('b')
    log(f'after two puts qsize {q.qsize()}')
    await asyncio.sleep(0)
    log(f'after one yield qsize {q.qsize()}')
    await asyncio.gather(*ts, return_exceptions=True)
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        log(f'extra task_done: {type(e).__name__}')
    await q.join()
    log('join returns at once')


run(main())
