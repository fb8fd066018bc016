// 一个只用普通回调的迷你事件循环：一个时钟、一个就绪队列、一个定时器堆。
type Timer = { at: number; seq: number; fn: () => void };
const less = (a: Timer, b: Timer) => a.at - b.at || a.seq - b.seq;

class TinyLoop {
  time = 0; // 虚拟时间，单位 ms
  ready: Array<() => void> = [];
  heap: Timer[] = []; // 二叉最小堆：heap[0] 是下一个到期的定时器
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
      // 没有就绪的回调：真正的事件循环会在 epoll/select 里等到下一个定时器
      // 或 I/O。这里没有 I/O，所以时钟直接跳到下一个定时器。
      if (this.ready.length === 0) this.time = this.heap[0]!.at;
      while (this.heap.length > 0 && this.heap[0]!.at <= this.time) this.ready.push(this.popTimer().fn);
      const batch = this.ready; // 只运行现在已就绪的回调，
      this.ready = []; //          运行期间新安排的回调等下一轮
      for (const fn of batch) fn();
    }
  }
}

const loop = new TinyLoop();
const log = (msg: string) => console.log(`[t=${loop.time}] ${msg}`);
loop.callLater(100, () => log('定时器 100'));
loop.callSoon(() => {
  log('soon 1');
  loop.callSoon(() => log('soon 3：由 soon 1 安排，下一轮才运行'));
  loop.callLater(50, () => log('定时器 50，由 soon 1 设置'));
});
loop.callSoon(() => log('soon 2'));
let n = 3; // 用普通回调写的“任务”：一个不断重新安排自己的倒计时
const tick = () => { log(`倒计时 ${n}`); if (--n > 0) loop.callLater(70, tick); };
loop.callSoon(tick);
loop.run();
