/**
 * Memory channels (trio.open_memory_channel, MemorySendChannel,
 * MemoryReceiveChannel): a buffer of `maxBufferSize` items between tasks, with
 * clones and close semantics. A port of trio's _channel.py:
 * - `sendNowait` hands the value straight to the longest-waiting receiver,
 *   else buffers it, else raises WouldBlock; `receiveNowait` takes from the
 *   buffer, first topping it up from the longest-waiting sender. Waiters wake
 *   in FIFO order (trio keeps them in an OrderedDict).
 * - `send`/`receive` are checkpoints: they raise Cancelled at once in a
 *   cancelled scope; otherwise they try the nowait form and then pass one
 *   schedule point that cannot be cancelled (the item has already moved), or
 *   park the task with an abort function that takes it off the queue, so a
 *   cancelled operation leaves the channel unchanged.
 * - Closing the last send clone wakes the receivers with EndOfChannel (after
 *   the buffer drains, receive raises it); closing the last receive clone
 *   wakes senders with BrokenResourceError and drops the buffer; using a clone
 *   you closed raises ClosedResourceError (and its own blocked tasks get it).
 * - maxBufferSize 0 is a rendezvous: a send waits until a receiver takes it.
 * Wait labels: `channel#N send` / `channel#N receive`.
 * Queue facts (queue-facts.ts): a `put` when an item enters the buffer, a `get`
 * when one leaves it; an item handed straight to a waiting receiver never
 * sits in the buffer and records none.
 * Tests: tests/runtime/trio-channel.test.ts.
 */
import { ValueError } from '../errors.ts';
import { failedFuture, type Future, type Yield } from '../future.ts';
import { nextInstance } from '../instances.ts';
import { recordQueueOp } from '../queue-facts.ts';
import type { Task } from '../task.ts';
import { checkpoint } from '../time.ts';
import type { WaitLabel } from '../trace.ts';
import { cancelledCheckpoint, park, shieldedCheckpoint, wake } from './cancel-delivery.ts';
import { requireTask } from './cancel-scope.ts';
import { BrokenResourceError, ClosedResourceError, EndOfChannel, WouldBlock } from './errors.ts';

/** Numbers of a memory channel (trio's MemoryChannelStatistics). */
export interface MemoryChannelStatistics {
  /** Items in the buffer now. */
  currentBufferUsed: number;
  /** The buffer size given to openMemoryChannel. */
  maxBufferSize: number;
  /** Open send clones. */
  openSendChannels: number;
  /** Open receive clones. */
  openReceiveChannels: number;
  /** Tasks blocked in send (all clones). */
  tasksWaitingSend: number;
  /** Tasks blocked in receive (all clones). */
  tasksWaitingReceive: number;
  /** The most items the buffer has held at once since the channel was opened (trio 0.34). */
  peakBufferUsed: number;
}

interface SendWaiter<T> {
  task: Task<unknown>;
  value: T;
  future: Future<void>;
  channel: MemorySendChannel<T>;
}

interface ReceiveWaiter<T> {
  task: Task<unknown>;
  future: Future<unknown>;
  channel: MemoryReceiveChannel<T>;
  /** Waiting from `next()` of async iteration: resolve with an IteratorResult instead. */
  iterating: boolean;
}

/** The state shared by all clones of one channel. */
class ChannelState<T> {
  readonly name: string;
  readonly maxBufferSize: number;
  readonly data: T[] = [];
  openSendChannels = 0;
  openReceiveChannels = 0;
  /** The largest data.length after a send into the buffer (trio counts only there, not a receive taking a blocked sender's item). */
  peakBufferUsed = 0;
  sendWaiters: SendWaiter<T>[] = [];
  receiveWaiters: ReceiveWaiter<T>[] = [];
  readonly sendLabel: WaitLabel;
  readonly receiveLabel: WaitLabel;

  constructor(name: string, maxBufferSize: number) {
    this.name = name;
    this.maxBufferSize = maxBufferSize;
    this.sendLabel = { kind: 'channel', what: `${name} send` };
    this.receiveLabel = { kind: 'channel', what: `${name} receive` };
  }

  statistics(): MemoryChannelStatistics {
    return {
      currentBufferUsed: this.data.length,
      maxBufferSize: this.maxBufferSize,
      openSendChannels: this.openSendChannels,
      openReceiveChannels: this.openReceiveChannels,
      tasksWaitingSend: this.sendWaiters.length,
      tasksWaitingReceive: this.receiveWaiters.length,
      peakBufferUsed: this.peakBufferUsed,
    };
  }
}

function remove<W>(list: W[], item: W): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/** The sending end of a memory channel (trio.MemorySendChannel). */
export class MemorySendChannel<T> {
  readonly #state: ChannelState<T>;
  #closed = false;
  /** @internal Tasks blocked in send on this clone. */
  readonly _waiters = new Set<SendWaiter<T>>();

  /** @internal Use openMemoryChannel() or clone(). */
  constructor(state: ChannelState<T>) {
    this.#state = state;
    state.openSendChannels++;
  }

  /** Name of the channel on the timeline, e.g. "channel#1". */
  get name(): string {
    return this.#state.name;
  }

  /** Send `value` if that needs no waiting; otherwise raise WouldBlock (trio.MemorySendChannel.send_nowait). */
  sendNowait(value: T): void {
    if (this.#closed) throw new ClosedResourceError();
    const state = this.#state;
    if (state.openReceiveChannels === 0) throw new BrokenResourceError();
    const receiver = state.receiveWaiters.shift();
    if (receiver !== undefined) {
      receiver.channel._waiters.delete(receiver);
      wake(receiver.task, receiver.future, () => receiver.future.setResult(receiver.iterating ? { value, done: false } : value));
    } else if (state.data.length < state.maxBufferSize) {
      state.data.push(value);
      state.peakBufferUsed = Math.max(state.peakBufferUsed, state.data.length);
      recordQueueOp('put', state.name, state.data.length);
    } else {
      throw new WouldBlock();
    }
  }

  /**
   * Send `value`, waiting while the buffer is full (for a rendezvous channel:
   * until a receiver takes it). A checkpoint (trio.MemorySendChannel.send).
   */
  send(value: T): Future<void> {
    const state = this.#state;
    const task = requireTask('send');
    const cancelled = cancelledCheckpoint(task, state.sendLabel);
    if (cancelled !== null) return cancelled;
    try {
      this.sendNowait(value);
      return shieldedCheckpoint(task, state.sendLabel, undefined);
    } catch (error) {
      if (!(error instanceof WouldBlock)) return failedFuture(state.sendLabel, error);
    }
    const future = park<void>(task, state.sendLabel, () => {
      remove(state.sendWaiters, waiter);
      this._waiters.delete(waiter);
    });
    const waiter: SendWaiter<T> = { task, value, future, channel: this };
    state.sendWaiters.push(waiter);
    this._waiters.add(waiter);
    return future;
  }

  /** Another send end on the same channel; receivers see EndOfChannel only when every clone is closed (trio's clone). */
  clone(): MemorySendChannel<T> {
    if (this.#closed) throw new ClosedResourceError();
    return new MemorySendChannel(this.#state);
  }

  /** Close this send end now (not a checkpoint); closing the last one ends the channel for receivers (trio's close). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const state = this.#state;
    for (const waiter of this._waiters) {
      remove(state.sendWaiters, waiter);
      wake(waiter.task, waiter.future, () => waiter.future.setException(new ClosedResourceError()));
    }
    this._waiters.clear();
    state.openSendChannels--;
    if (state.openSendChannels === 0) {
      const receivers = state.receiveWaiters;
      state.receiveWaiters = [];
      for (const receiver of receivers) {
        receiver.channel._waiters.delete(receiver);
        wake(receiver.task, receiver.future, () => {
          if (receiver.iterating) receiver.future.setResult({ value: undefined, done: true });
          else receiver.future.setException(new EndOfChannel());
        });
      }
    }
  }

  /** Close, then pass a checkpoint (trio's aclose). */
  aclose(): Yield<undefined> {
    this.close();
    return checkpoint();
  }

  /** The channel's numbers (trio's statistics()). */
  statistics(): MemoryChannelStatistics {
    return this.#state.statistics();
  }
}

/** The receiving end of a memory channel (trio.MemoryReceiveChannel); `for await` over it until EndOfChannel. */
export class MemoryReceiveChannel<T> implements AsyncIterable<T> {
  readonly #state: ChannelState<T>;
  #closed = false;
  /** @internal Tasks blocked in receive on this clone. */
  readonly _waiters = new Set<ReceiveWaiter<T>>();

  /** @internal Use openMemoryChannel() or clone(). */
  constructor(state: ChannelState<T>) {
    this.#state = state;
    state.openReceiveChannels++;
  }

  /** Name of the channel on the timeline, e.g. "channel#1". */
  get name(): string {
    return this.#state.name;
  }

  /** Take the next item if one is there; otherwise raise WouldBlock, or EndOfChannel if every sender closed (trio.MemoryReceiveChannel.receive_nowait). */
  receiveNowait(): T {
    if (this.#closed) throw new ClosedResourceError();
    const state = this.#state;
    const sender = state.sendWaiters.shift();
    if (sender !== undefined) {
      sender.channel._waiters.delete(sender);
      wake(sender.task, sender.future, () => sender.future.setResult(undefined));
      state.data.push(sender.value);
    }
    if (state.data.length > 0) {
      // A blocked sender's item moved in as this one moves out: the buffer never held more,
      // so one `get` is recorded (as trio's statistics count only sends into the buffer).
      const item = state.data.shift()!;
      recordQueueOp('get', state.name, state.data.length);
      return item;
    }
    if (state.openSendChannels === 0) throw new EndOfChannel();
    throw new WouldBlock();
  }

  /** Receive the next item, waiting for one; raises EndOfChannel once every sender closed and the buffer is empty. A checkpoint (trio.MemoryReceiveChannel.receive). */
  receive(): Future<T> {
    return this.#receive(false) as Future<T>;
  }

  #receive(iterating: boolean): Future<unknown> {
    const state = this.#state;
    const task = requireTask('receive');
    const cancelled = cancelledCheckpoint(task, state.receiveLabel);
    if (cancelled !== null) return cancelled;
    try {
      const value = this.receiveNowait();
      return shieldedCheckpoint(task, state.receiveLabel, iterating ? { value, done: false } : value);
    } catch (error) {
      if (iterating && error instanceof EndOfChannel) return shieldedCheckpoint(task, state.receiveLabel, { value: undefined, done: true });
      if (!(error instanceof WouldBlock)) return failedFuture(state.receiveLabel, error);
    }
    const future = park<unknown>(task, state.receiveLabel, () => {
      remove(state.receiveWaiters, waiter);
      this._waiters.delete(waiter);
    });
    const waiter: ReceiveWaiter<T> = { task, future, channel: this, iterating };
    state.receiveWaiters.push(waiter);
    this._waiters.add(waiter);
    return future;
  }

  /** Another receive end on the same channel (items are shared, not copied) (trio's clone). */
  clone(): MemoryReceiveChannel<T> {
    if (this.#closed) throw new ClosedResourceError();
    return new MemoryReceiveChannel(this.#state);
  }

  /** Close this receive end now (not a checkpoint); closing the last one breaks the channel for senders (trio's close). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const state = this.#state;
    for (const waiter of this._waiters) {
      remove(state.receiveWaiters, waiter);
      wake(waiter.task, waiter.future, () => waiter.future.setException(new ClosedResourceError()));
    }
    this._waiters.clear();
    state.openReceiveChannels--;
    if (state.openReceiveChannels === 0) {
      const senders = state.sendWaiters;
      state.sendWaiters = [];
      for (const sender of senders) {
        sender.channel._waiters.delete(sender);
        wake(sender.task, sender.future, () => sender.future.setException(new BrokenResourceError()));
      }
      state.data.length = 0;
    }
  }

  /** Close, then pass a checkpoint (trio's aclose). */
  aclose(): Yield<undefined> {
    this.close();
    return checkpoint();
  }

  /** The channel's numbers (trio's statistics()). */
  statistics(): MemoryChannelStatistics {
    return this.#state.statistics();
  }

  /** `for await (const item of receiveChannel)`: receives until EndOfChannel. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this as unknown as AsyncIterator<T>;
  }

  /** One step of async iteration: the next item, or done when the channel ended (trio's __anext__). */
  next(): Future<IteratorResult<T, undefined>> {
    return this.#receive(true) as Future<IteratorResult<T, undefined>>;
  }
}

/**
 * Open a channel between tasks (trio.open_memory_channel): returns
 * `[send, receive]`. `maxBufferSize` items can wait in the buffer before
 * `send` blocks; 0 (the usual choice) makes every send wait for a receiver;
 * Infinity never blocks.
 */
export function openMemoryChannel<T>(maxBufferSize: number): [MemorySendChannel<T>, MemoryReceiveChannel<T>] {
  if (maxBufferSize !== Infinity && !Number.isInteger(maxBufferSize)) {
    throw new TypeError('max_buffer_size must be an integer or math.inf');
  }
  if (maxBufferSize < 0) throw new ValueError('max_buffer_size must be >= 0');
  const state = new ChannelState<T>(`channel#${nextInstance('channel')}`, maxBufferSize);
  return [new MemorySendChannel(state), new MemoryReceiveChannel(state)];
}
