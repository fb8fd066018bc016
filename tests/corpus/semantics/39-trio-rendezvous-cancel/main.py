import trio
from vclock import log, run_trio, yn


async def main():
    send, receive = trio.open_memory_channel(0)
    with trio.move_on_after(0.1) as scope:
        log('sending with nobody receiving')
        await send.send('lost')
        log('not reached')
    log(f'send gave up: {yn(scope.cancelled_caught)}')
    try:
        receive.receive_nowait()
    except trio.WouldBlock:
        log('nothing was delivered')
    async with trio.open_nursery() as nursery:
        async def late_sender():
            await trio.sleep(0.2)
            log('late sender sends')
            await send.send('kept')
            log('late sender done')
        nursery.start_soon(late_sender)
        v = await receive.receive()
        log(f'received {v}')
    log('end')


run_trio(main)
