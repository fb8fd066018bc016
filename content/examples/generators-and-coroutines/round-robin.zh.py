# 任务就是生成器。`yield` 表示“让别人先运行”；
# `yield ms` 表示“过 ms 之后叫醒我”；调度器把当前时间 send 回来。
import heapq
import itertools
from collections import deque

clock = 0
ready = deque()  # (任务, 要 send 的值)
sleeping = []  # (at, seq, task) 组成的堆
seq = itertools.count()


def run():
    global clock
    while ready or sleeping:
        if not ready:
            at, _, task = heapq.heappop(sleeping)
            clock = at  # 没有可运行的，直接跳到下一个唤醒时刻
            ready.append((task, clock))
        task, value = ready.popleft()
        try:
            request = task.send(value)  # 恢复它，直到下一个 yield
        except StopIteration:
            continue
        if request is None:
            ready.append((task, clock))  # 排到队尾
        else:
            heapq.heappush(sleeping, (clock + request, next(seq), task))


def countdown(name, n):
    for n in range(n, 0, -1):
        print(f"[{clock}] {name}: {n}")
        yield  # 让出这一轮


def poller():
    for i in (1, 2):
        t = yield 100  # 睡 100 ms
        print(f"[{t}] poller woke up ({i})")


# 新生成器第一次必须 send(None)（send 非 None 的值会抛出 TypeError）。
ready.extend((task, None) for task in (countdown("A", 3), countdown("B", 2), poller()))
run()
print(f"[{clock}] all tasks finished")
