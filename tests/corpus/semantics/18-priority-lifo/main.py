import asyncio
from vclock import log, run


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, 'low'), (1, 'high'), (2, 'mid'), (0, 'top')]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        p, name = await pq.get()
        out.append(f'{p}:{name}')
    log('priority ' + ','.join(out))
    lq = asyncio.LifoQueue()
    for i in range(4):
        await lq.put(i)
    log('lifo ' + ','.join(str(lq.get_nowait()) for _ in range(4)))

    async def getter():
        v = await pq.get()
        log(f'getter got {v[1]}')

    t = asyncio.create_task(getter())
    await asyncio.sleep(0.1)
    await pq.put((5, 'late'))
    log('put late')
    await t


run(main())
