// A tiny event loop on plain callbacks: a clock, a ready queue, a timer heap.
type Timer = { at: number; seq: number; fn: () => void };
const less = (a: Timer, b: Timer) => a.at - b.at || a.seq - b.seq;

class TinyLoop {
  time = 0; // virtual ms
  ready: Array<() => void> = [];
  heap: Timer[] = []; // binary min-heap: heap[0] is the next timer due
  seq = 0;
  callSoon(fn: () => void) { this.ready.push(fn); }
  callLater(ms: number, fn: () => void) {
    const h = this.heap;
    let i = h.push({ at: this.time + ms, seq: this.seq++, fn }) - 1;
    for (let p = (i - 1) >> 1; i > 0 && less(h[i]!, h[p]!) < 0; i = p, p = (i - 1) >> 1) [h[i], h[p]] = [h[p]!, h[i]!];
  }
  popTimer(): Timer {
    const h = this.heap, top = h[0]!, last = h.pop()!;
    if (h.length > 0) h[0] = last;
    for (let i = 0, m = 0; ; i = m) {
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < h.length && less(h[c]!, h[m]!) < 0) m = c;
      if (m === i) return top;
      [h[i], h[m]] = [h[m]!, h[i]!];
    }
  }
  run() {
    while (this.ready.length > 0 || this.heap.length > 0) {
      // Nothing ready: a real loop would wait in epoll/select until the next timer
      // or I/O. There is no I/O here, so the clock jumps to the next timer.
      if (this.ready.length === 0) this.time = this.heap[0]!.at;
      while (this.heap.length > 0 && this.heap[0]!.at <= this.time) this.ready.push(this.popTimer().fn);
      const batch = this.ready; // run what is ready now; callbacks scheduled
      this.ready = []; //          meanwhile wait for the next turn
      for (const fn of batch) fn();
    }
  }
}

const loop = new TinyLoop();
const log = (msg: string) => console.log(`[t=${loop.time}] ${msg}`);
loop.callLater(100, () => log('timer 100'));
loop.callSoon(() => {
  log('soon 1');
  loop.callSoon(() => log('soon 3: scheduled by soon 1, runs on the next turn'));
  loop.callLater(50, () => log('timer 50, set by soon 1'));
});
loop.callSoon(() => log('soon 2'));
let n = 3; // a "task" on plain callbacks: a countdown that reschedules itself
const tick = () => { log(`countdown ${n}`); if (--n > 0) loop.callLater(70, tick); };
loop.callSoon(tick);
loop.run();
