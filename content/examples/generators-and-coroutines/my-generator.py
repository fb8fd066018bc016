def my_generator():
    x = 0
    while True:
        y = yield x ** 2  # pause here; resume with the value passed to send()
        x += 1
        print("Received:", y)


gen = my_generator()  # nothing runs yet
print(next(gen))  # runs up to the first yield: 0
print(gen.send("hello"))  # "hello" becomes the value of that yield: 1
print(gen.send("world"))  # 4
gen.close()  # finish it early (raises GeneratorExit inside, at the yield)
try:
    next(gen)
except StopIteration:
    print("StopIteration: a finished generator stays finished")
