# 同一个迷你事件循环的 Python 版：就绪队列用 collections.deque，
# 定时器用 heapq（asyncio 的 BaseEventLoop 也是这两个结构）。
import heapq
import itertools
from collections import deque


class TinyLoop:
    def __init__(self) -> None:
        self.time = 0  # 虚拟时间，单位 ms
        self.ready: deque = deque()
        self.heap: list = []  # (at, seq, fn)：heap[0] 是下一个到期的定时器
        self.seq = itertools.count()

    def call_soon(self, fn) -> None:
        self.ready.append(fn)

    def call_later(self, ms: int, fn) -> None:
        heapq.heappush(self.heap, (self.time + ms, next(self.seq), fn))

    def run(self) -> None:
        while self.ready or self.heap:
            if not self.ready:  # 真正的事件循环会在这里的 select() 中等待
                self.time = self.heap[0][0]
            while self.heap and self.heap[0][0] <= self.time:
                self.ready.append(heapq.heappop(self.heap)[2])
            for _ in range(len(self.ready)):  # 只运行此刻已就绪的
                self.ready.popleft()()


loop = TinyLoop()

def log(msg: str) -> None:
    print(f"[t={loop.time}] {msg}")

def soon_1() -> None:
    log("soon 1")
    loop.call_soon(lambda: log("soon 3: scheduled by soon 1, runs on the next turn"))
    loop.call_later(50, lambda: log("timer 50, set by soon 1"))

n = 3
def tick() -> None:  # 用普通回调写的“任务”：倒计时
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
