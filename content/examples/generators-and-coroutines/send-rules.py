def adder(limit):
    total = 0
    for i in range(limit):
        got = yield i
        if got is not None:
            total += got
    return total  # the generator's result


g = adder(2)
try:
    g.send(100)  # nothing is waiting for a value yet
except TypeError as e:
    print("TypeError:", e)

print(g.send(None))  # the same as next(g): runs to the first yield, 0
print(g.send(10))  # 10 is the value of the first yield: 1
try:
    g.send(20)
except StopIteration as stop:  # the generator returned
    print("StopIteration, value =", stop.value)
