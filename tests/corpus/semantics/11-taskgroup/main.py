import asyncio
from vclock import log, run, ename


async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            log(f'{name} raising')
            raise ValueError(f'{name} broke')
        log(f'{name} ok')
        return name
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise
    finally:
        log(f'{name} finally')


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 0.1))
        t2 = tg.create_task(work('b', 0.2))
        log('group body done')
    log(f'results {t1.result()} {t2.result()}')
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('c', 0.1, fail=True))
            tg.create_task(work('d', 0.1, fail=True))
            tg.create_task(work('e', 0.5))
            await asyncio.sleep(0.3)
            log('body not reached')
    except ExceptionGroup as eg:
        log(f'caught {ename(eg)} with {len(eg.exceptions)}')
        for e in eg.exceptions:
            log(f'  {ename(e)}: {e}')
    log('end')


run(main())
