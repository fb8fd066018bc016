import trio
from vclock import log, run_trio


def stats(label, ch):
    s = ch.statistics()
    log(f'{label}: used {s.current_buffer_used}, peak {s.peak_buffer_used}, '
        f'waiting send {s.tasks_waiting_send}, receive {s.tasks_waiting_receive}')


async def producer(send, n):
    async with send:
        for i in range(n):
            await send.send(i)
        log('producer done')


async def main():
    # statistics().peak_buffer_used (trio 0.34): the most items the buffer
    # held at once, to size max_buffer_size from a real run.
    send, receive = trio.open_memory_channel(3)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(producer, send, 5)
        await trio.sleep(0.1)
        stats('full', receive)
        async with receive:
            async for v in receive:
                log(f'got {v}')
                await trio.sleep(0.1)
                if v == 1:
                    stats('after two', receive)
    stats('closed', receive)


run_trio(main)
