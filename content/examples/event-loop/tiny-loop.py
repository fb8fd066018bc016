# The same tiny loop in Python: collections.deque for the ready queue,
# heapq for the timers (asyncio's BaseEventLoop keeps the same two structures).
import heapq
import itertools
from collections import deque


class TinyLoop:
    def __init__(self) -> None:
        self.time = 0  # virtual ms
        self.ready: deque = deque()
        self.heap: list = []  # (at, seq, fn): heap[0] is the next timer due
        self.seq = itertools.count()

    def call_soon(self, fn) -> None:
        self.ready.append(fn)

    def call_later(self, ms: int, fn) -> None:
        heapq.heappush(self.heap, (self.time + ms, next(self.seq), fn))

    def run(self) -> None:
        while self.ready or self.heap:
            if not self.ready:  # a real loop would wait in select() here
                self.time = self.heap[0][0]
            while self.heap and self.heap[0][0] <= self.time:
                self.ready.append(heapq.heappop(self.heap)[2])
            for _ in range(len(self.ready)):  # only what is ready now
                self.ready.popleft()()


loop = TinyLoop()

def log(msg: str) -> None:
    print(f"[t={loop.time}] {msg}")

def soon_1() -> None:
    log("soon 1")
    loop.call_soon(lambda: log("soon 3: scheduled by soon 1, runs on the next turn"))
    loop.call_later(50, lambda: log("timer 50, set by soon 1"))

n = 3
def tick() -> None:  # a "task" on plain callbacks: a countdown
    global n
    log(f"countdown {n}")
    n -= 1
    if n > 0:
        loop.call_later(70, tick)

loop.call_later(100, lambda: log("timer 100"))
loop.call_soon(soon_1)
loop.call_soon(lambda: log("soon 2"))
loop.call_soon(tick)
loop.run()
