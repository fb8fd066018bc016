import asyncio
from vclock import log, run


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: log(f'callback 1 sees {f.result()}'))
    fut.add_done_callback(lambda f: log('callback 2'))

    async def setter():
        await asyncio.sleep(0.1)
        log('setting result')
        fut.set_result('R')
        log('set_result returned')

    asyncio.create_task(setter())
    r = await fut
    log(f'awaited {r}')
    try:
        fut.set_result('again')
    except asyncio.InvalidStateError as e:
        log(f'second set_result: {type(e).__name__}')
    fut.add_done_callback(lambda f: log('late callback'))
    log('added late callback')
    await asyncio.sleep(0)
    f2 = loop.create_future()
    f2.add_done_callback(lambda f: log(f'f2 cancelled {"yes" if f.cancelled() else "no"}'))
    f2.cancel()
    await asyncio.sleep(0)
    f3 = loop.create_future()
    f3.set_exception(ValueError('bad value'))
    try:
        await f3
    except ValueError as e:
        log(f'f3 raised {type(e).__name__}: {e}')


run(main())
