import trio
from vclock import log, run_trio, ename


async def sleeper(name, delay):
    try:
        await trio.sleep(delay)
        log(f'{name} woke')
    except trio.Cancelled:
        log(f'{name} cancelled')
        raise


async def crasher(delay, msg):
    if delay:
        await trio.sleep(delay)
    log(f'crasher raising {msg}')
    raise ValueError(msg)


async def main():
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(sleeper, 'fast', 0.1)
            nursery.start_soon(sleeper, 'slow', 1.0)
            nursery.start_soon(crasher, 0.2, 'boom')
            await trio.sleep(0.5)
            log('body not reached')
    except BaseException as e:
        log(f'caught {ename(e)}')
        for sub in getattr(e, 'exceptions', []):
            log(f'  {ename(sub)}: {sub}')
    await trio.sleep(0.1)
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(crasher, 0, 'one')
            nursery.start_soon(crasher, 0, 'two')
            nursery.start_soon(sleeper, 'bystander', 1.0)
    except BaseException as e:
        log(f'caught {ename(e)} with {len(e.exceptions)}')
        for msg in sorted(str(sub) for sub in e.exceptions):
            log(f'  {msg}')
    log('end')


run_trio(main)
