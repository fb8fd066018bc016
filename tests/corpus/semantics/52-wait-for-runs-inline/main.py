import asyncio
from vclock import log, run, yn


async def job(caller):
    log(f'job runs in the caller\'s task: {yn(asyncio.current_task() is caller)}')
    await asyncio.sleep(0.1)
    return 'done'


async def slow():
    await asyncio.sleep(1)


async def main():
    me = asyncio.current_task()
    # 3.12+: wait_for is `async with timeout(...)` around `await coro`, so the
    # coroutine runs in the calling task; 3.11 wrapped it in a new task.
    r = await asyncio.wait_for(job(me), 0.5)
    log(f'result {r}, tasks alive {len(asyncio.all_tasks())}')
    try:
        await asyncio.wait_for(slow(), 0.2)
    except TimeoutError as e:
        log(f'TimeoutError, cause {type(e.__cause__).__name__}')


run(main())
