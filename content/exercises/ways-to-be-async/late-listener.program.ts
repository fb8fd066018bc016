// The page's tiny EventEmitter: emit calls every listener registered so far.
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
socket.on('data', (chunk: string) => console.log(`logger got ${chunk}`));

console.log('before emit');
socket.emit('data', 'chunk 1');
console.log('after emit');

setTimeout(() => socket.emit('data', 'chunk 2'), 0);
Promise.resolve().then(() => console.log('microtask'));
socket.on('data', (chunk: string) => console.log(`parser got ${chunk}`));
