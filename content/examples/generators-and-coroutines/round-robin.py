# Tasks are generators. `yield` = "let the others run";
# `yield ms` = "wake me in ms"; the scheduler sends back the time.
import heapq
import itertools
from collections import deque

clock = 0
ready = deque()  # (task, value to send)
sleeping = []  # heap of (at, seq, task)
seq = itertools.count()


def run():
    global clock
    while ready or sleeping:
        if not ready:
            at, _, task = heapq.heappop(sleeping)
            clock = at  # nothing to run: jump to the next wake-up
            ready.append((task, clock))
        task, value = ready.popleft()
        try:
            request = task.send(value)  # resume it until its next yield
        except StopIteration:
            continue
        if request is None:
            ready.append((task, clock))  # back of the queue
        else:
            heapq.heappush(sleeping, (clock + request, next(seq), task))


def countdown(name, n):
    for n in range(n, 0, -1):
        print(f"[{clock}] {name}: {n}")
        yield  # give up the turn


def poller():
    for i in (1, 2):
        t = yield 100  # sleep 100
        print(f"[{t}] poller woke up ({i})")


# A new generator must first be sent None (send(non-None) would raise TypeError).
ready.extend((task, None) for task in (countdown("A", 3), countdown("B", 2), poller()))
run()
print(f"[{clock}] all tasks finished")
