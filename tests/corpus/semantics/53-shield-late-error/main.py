import asyncio
from vclock import log, run


async def fails_later():
    await asyncio.sleep(0.2)
    log('inner raising')
    raise ValueError('late')


async def waiter(inner):
    try:
        await asyncio.shield(inner)
    except asyncio.CancelledError:
        log('waiter cancelled, inner still running')
        raise


def handler(loop, context):
    # The message line of what the default handler logs to stderr.
    log(context['message'])


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    inner = asyncio.create_task(fails_later())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.1)
    w.cancel()
    await asyncio.sleep(0.2)
    # 3.14 (gh-86802): once the shield's outer future is cancelled, an error
    # the inner one ends with goes to the loop's exception handler ("...
    # exception in shielded future"); up to 3.13 it was marked retrieved and
    # never shown.
    log(f'inner done, error {type(inner.exception()).__name__}')


run(main())
