/** Something due at a simulated time; `fire` receives that time, not the time it was noticed. */
export interface TimelineEvent {
  at: number;
  fire(at: number): void;
}

interface Entry extends TimelineEvent {
  seq: number;
}

/**
 * The simulator's future, in order: a binary min-heap by time, then by scheduling order, so
 * events fire in the same order however often the clock is looked at. That order is what makes
 * a seeded run reproducible whether a client polls every second or once an hour.
 */
export class Timeline {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, fire: (at: number) => void): void {
    this.heap.push({ at, fire, seq: this.seq++ });
    this.siftUp(this.heap.length - 1);
  }

  /** Fires, one by one and in order, every event due by `now` (including ones scheduled meanwhile). */
  runUntil(now: number): void {
    for (let next = this.heap[0]; next && next.at <= now; next = this.heap[0]) {
      this.pop();
      next.fire(next.at);
    }
  }

  clear(): void {
    this.heap.length = 0;
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    const { heap } = this;
    for (let i = index; i > 0; ) {
      const parent = (i - 1) >> 1;
      const child = heap[i] as Entry;
      const above = heap[parent] as Entry;
      if (!this.before(child, above)) return;
      heap[i] = above;
      heap[parent] = child;
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const { heap } = this;
    for (let i = index; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.before(heap[left] as Entry, heap[smallest] as Entry)) smallest = left;
      if (right < heap.length && this.before(heap[right] as Entry, heap[smallest] as Entry)) smallest = right;
      if (smallest === i) return;
      const moved = heap[i] as Entry;
      heap[i] = heap[smallest] as Entry;
      heap[smallest] = moved;
      i = smallest;
    }
  }
}
