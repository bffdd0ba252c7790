/**
 * Runs `fn` over `items` with at most `limit` calls in flight and yields the results in input order,
 * so files are read ahead in parallel but consumed (and staged) in their sorted order.
 */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const start = () => {
    const i = next++;
    const p = fn(items[i] as T, i);
    p.catch(() => {}); // rejections are re-thrown when awaited in order; this only prevents "unhandled"
    inFlight.push(p);
  };
  const width = Math.max(1, Math.floor(limit));
  while (next < items.length && inFlight.length < width) start();
  while (inFlight.length > 0) {
    const result = await (inFlight.shift() as Promise<R>);
    if (next < items.length) start();
    yield result;
  }
}

/** All results, in input order, at most `limit` at a time. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of mapOrdered(items, limit, fn)) out.push(r);
  return out;
}
