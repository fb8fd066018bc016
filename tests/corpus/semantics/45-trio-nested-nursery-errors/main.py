import trio
from vclock import log, run_trio, ename


async def fail(delay, msg):
    await trio.sleep(delay)
    log(f'raising {msg}')
    raise ValueError(msg)


async def sleeper(name):
    try:
        await trio.sleep(1)
    except trio.Cancelled:
        log(f'{name} cancelled')
        raise


async def inner_block():
    async with trio.open_nursery() as inner:
        inner.start_soon(fail, 0.1, 'deep')
        inner.start_soon(sleeper, 'inner sibling')


def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return ename(e) + '[' + ','.join(describe(x) for x in e.exceptions) + ']'
    return f'{ename(e)}:{e}'


async def main():
    try:
        async with trio.open_nursery() as outer:
            outer.start_soon(sleeper, 'outer sibling')
            outer.start_soon(inner_block)
    except BaseException as e:
        log('caught ' + describe(e))
    log('end')


run_trio(main)
