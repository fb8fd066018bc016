def my_generator():
    x = 0
    while True:
        y = yield x ** 2  # 在这里暂停；恢复时得到传给 send() 的值
        x += 1
        print("Received:", y)


gen = my_generator()  # 此时什么都还没运行
print(next(gen))  # 运行到第一个 yield：0
print(gen.send("hello"))  # 字符串 hello 成为那个 yield 的值：1
print(gen.send("world"))  # 4
gen.close()  # 提前结束它（在内部的 yield 处抛出 GeneratorExit）
try:
    next(gen)
except StopIteration:
    print("StopIteration: a finished generator stays finished")
