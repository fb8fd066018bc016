// 一个极简的 EventEmitter：监听器按事件名登记，emit 时逐个调用。
type Listener = (...args: any[]) => void;

class EventEmitter {
  private listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  off(event: string, fn: Listener) {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== fn));
  }
  emit(event: string, ...args: any[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

// 一个假服务器，“收到”两个连接和一个错误。
const server = new EventEmitter();
server.on('connection', (id: number) => console.log(`连接 ${id}：打招呼`));
server.on('connection', (id: number) => console.log(`连接 ${id}：已记日志`));
server.on('error', (e: Error) => console.log(`错误：${e.message}`));

setTimeout(() => server.emit('connection', 1), 100);
setTimeout(() => server.emit('connection', 2), 250);
setTimeout(() => server.emit('error', new Error('端口已被占用')), 300);
console.log('开始监听');
