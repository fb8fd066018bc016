import asyncio
from vclock import log, run


async def slow(name, delay):
    log(f'{name} start')
    try:
        await asyncio.sleep(delay)
        log(f'{name} done')
        return name
    except asyncio.CancelledError:
        log(f'{name} got CancelledError')
        raise
    finally:
        log(f'{name} finally')


async def main():
    r = await asyncio.wait_for(slow('fast', 0.1), 0.5)
    log(f'result {r}')
    try:
        await asyncio.wait_for(slow('slow', 1.0), 0.3)
    except asyncio.TimeoutError as e:
        log(f'caught {type(e).__name__}')
    t = asyncio.create_task(slow('task', 1.0))
    try:
        await asyncio.wait_for(t, 0.2)
    except TimeoutError:
        log(f'task cancelled? {"yes" if t.cancelled() else "no"}')
    log('end')


run(main())
