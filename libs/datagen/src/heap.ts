/** A binary min-heap ordered by (ts, id): the sessions in progress, next event first. */
export interface HeapItem {
  readonly id: number;
  ts: number;
}

const before = (a: HeapItem, b: HeapItem): boolean => a.ts < b.ts || (a.ts === b.ts && a.id < b.id);

export class MinHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as T;
      if (!before(item, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Call after the top item's key grew (its next event is later). */
  updateTop(): void {
    if (this.items.length > 0) this.siftDown(0);
  }

  private siftDown(i: number): void {
    const a = this.items;
    const item = a[i] as T;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(a[r] as T, a[l] as T) ? r : l;
      if (!before(a[child] as T, item)) break;
      a[i] = a[child] as T;
      i = child;
    }
    a[i] = item;
  }
}
