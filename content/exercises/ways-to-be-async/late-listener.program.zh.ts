// 本页那个极简的 EventEmitter：emit 会调用目前已注册的每个监听器。
type Listener = (...args: any[]) => void;
class EventEmitter {
  private listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }
  emit(event: string, ...args: any[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

const socket = new EventEmitter();
socket.on('data', (chunk: string) => console.log(`logger 收到 ${chunk}`));

console.log('emit 之前');
socket.emit('data', 'chunk 1');
console.log('emit 之后');

setTimeout(() => socket.emit('data', 'chunk 2'), 0);
Promise.resolve().then(() => console.log('微任务'));
socket.on('data', (chunk: string) => console.log(`parser 收到 ${chunk}`));
