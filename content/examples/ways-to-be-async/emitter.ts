// A tiny EventEmitter: listeners register by name and are called on emit.
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

// A fake server that "receives" two connections and one error.
const server = new EventEmitter();
server.on('connection', (id: number) => console.log(`connection ${id}: hello`));
server.on('connection', (id: number) => console.log(`connection ${id}: logged`));
server.on('error', (e: Error) => console.log(`error: ${e.message}`));

setTimeout(() => server.emit('connection', 1), 100);
setTimeout(() => server.emit('connection', 2), 250);
setTimeout(() => server.emit('error', new Error('port in use')), 300);
console.log('listening');
