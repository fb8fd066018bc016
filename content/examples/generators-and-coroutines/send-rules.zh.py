def adder(limit):
    total = 0
    for i in range(limit):
        got = yield i
        if got is not None:
            total += got
    return total  # 生成器的结果


g = adder(2)
try:
    g.send(100)  # 还没有 yield 在等值
except TypeError as e:
    print("TypeError:", e)

print(g.send(None))  # 等同于 next(g)：运行到第一个 yield，得到 0
print(g.send(10))  # 10 成为第一个 yield 的值：1
try:
    g.send(20)
except StopIteration as stop:  # 生成器返回了
    print("StopIteration, value =", stop.value)
