import asyncio
from vclock import log, run, ename


async def work(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f'{name} ok')
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('a', 0.1))
            tg.create_task(work('b', 0.5))
            await asyncio.sleep(0.2)
            log('body raises')
            raise KeyError('body')
    except ExceptionGroup as eg:
        log(f'caught {ename(eg)}: ' + ','.join(ename(e) for e in eg.exceptions))
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(work('c', 1))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(work('d', 0.1))
                inner.create_task(asyncio.sleep(0.2, 'x'))
                inner.create_task(fail_after(0.15, 'inner failure'))
            log('not reached')
    except ExceptionGroup as eg:
        log(f'outer {ename(eg)} with {len(eg.exceptions)}')
        for e in eg.exceptions:
            log(f'  {ename(e)}: ' + ','.join(f'{ename(x)}:{x}' for x in e.exceptions))
    log('end')


async def fail_after(delay, msg):
    await asyncio.sleep(delay)
    raise ValueError(msg)


run(main())
